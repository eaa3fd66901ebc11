#!/usr/bin/env bash
# The main job: installs what is missing, builds the release binary, the
# WASM core and the portal, checks the bundled rule packs and starts the
# server on http://127.0.0.1:8080/ — API and portal — with the embedded SQLite
# database in var/ (docs/server.md, docs/portal.md).
#   native/start.sh                  build and serve
#   native/start.sh --build-only     build and check only
#   native/start.sh --no-portal      skip the WASM and portal builds (API only, or an existing portal/dist)
#   native/start.sh --port 9000 ...  any other `powerdesk serve` option is passed on
# The first build cross-compiles ICU for WASM (cached in ~/.cache/powerdesk).
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

build_only=false
with_portal=true
args=()
for a in "$@"; do
  case "$a" in
    --build-only) build_only=true ;;
    --no-portal) with_portal=false ;;
    *) args+=("$a") ;;
  esac
done

if $with_portal; then
  ./wasm/build-icu.sh
  POWERDESK_ICU_WASM=$(./wasm/build-icu.sh --print-path)
  export POWERDESK_ICU_WASM NODE_PATH=/usr/share/nodejs
  cmake --preset wasm-release >/dev/null
  cmake --build --preset wasm-release -j "$(nproc 2>/dev/null || echo 2)" --target powerdesk_wasm_package
  (cd portal && npm install --no-audit --no-fund --loglevel=error && npx vite build --logLevel warn)  # lockfile versions (see tests/run.sh)
fi

if $build_only; then
  echo "start.sh: built $cli"
  exit 0
fi

portal=()
[ -f portal/dist/index.html ] && portal=(--portal portal/dist)
mkdir -p var
exec "$cli" serve --db "${POWERDESK_DB:-var/powerdesk.db}" "${portal[@]}" "${args[@]}"
