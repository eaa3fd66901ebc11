#!/usr/bin/env bash
# The main job: installs what is missing, builds the release binary, checks
# the bundled rule packs and starts the server on http://127.0.0.1:8080/
# with the embedded SQLite database in var/ (docs/server.md). The portal's
# built files are served at / when portal/dist exists.
#   native/start.sh                  build and serve
#   native/start.sh --build-only     build and check only
#   native/start.sh --port 9000 ...  any `powerdesk serve` option is passed on
# Configuration by environment: POWERDESK_DB (SQLite file or postgresql://
# URL), POWERDESK_STAFF_TOKENS (file of "name sha256" lines),
# POWERDESK_SECRET_KEY_FILE, POWERDESK_RULES (rules directory).
set -euo pipefail
cd "$(dirname "$0")/.."
./native/setup.sh

cmake --preset native-release >/dev/null
cmake --build --preset native-release -j "$(nproc 2>/dev/null || echo 2)" --target powerdesk
cli=build/native-release/native/cli/powerdesk
"$cli" rules check --compact >/dev/null
"$cli" bill --compact docs/examples/bill-zhejiang-residential-tou.json >/dev/null  # the core answers

if [ "${1:-}" = "--build-only" ]; then
  echo "start.sh: built $cli"
  exit 0
fi

portal=()
[ -f portal/dist/index.html ] && portal=(--portal portal/dist)
mkdir -p var
exec "$cli" serve --db "${POWERDESK_DB:-var/powerdesk.db}" "${portal[@]}" "$@"
