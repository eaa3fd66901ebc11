#!/usr/bin/env bash
# End-to-end tests: starts a PowerDesk server on loopback serving the built
# portal (portal/dist) with a fresh SQLite database, a fixed "today" and a
# staff token, then runs every e2e/tests/*.test.mjs in Debian's Chromium.
# Screenshots go to build/e2e/screenshots/.
#
#   e2e/run.sh [node --test options, e.g. --test-name-pattern=offline]
#
# Environment: E2E_POWERDESK (server binary; default the native-debug build,
# else native-release), E2E_TODAY (default 2025-06-02, inside the packs' 2025 range),
# E2E_PORTAL (built portal, default portal/dist), E2E_OUT (default build/e2e).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bin=${E2E_POWERDESK:-}
if [ -z "$bin" ]; then
  for b in build/native-debug/native/cli/powerdesk build/native-release/native/cli/powerdesk; do
    [ -x "$b" ] && { bin=$root/$b; break; }
  done
fi
[ -n "$bin" ] && [ -x "$bin" ] || { echo "e2e: no powerdesk binary; build a native preset first" >&2; exit 1; }
portal=${E2E_PORTAL:-$root/portal/dist}
[ -f "$portal/index.html" ] || { echo "e2e: $portal is missing; run (cd portal && npm run build)" >&2; exit 1; }
[ -d e2e/node_modules/playwright-core ] || (cd e2e && npm ci --no-audit --no-fund --loglevel=error)

out=${E2E_OUT:-$root/build/e2e}
rm -rf "$out" && mkdir -p "$out/screenshots"
export E2E_TODAY=${E2E_TODAY:-2025-06-02}
export E2E_STAFF_TOKEN="e2e-staff-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf 'e2e %s\n' "$(printf '%s' "$E2E_STAFF_TOKEN" | sha256sum | cut -d' ' -f1)" > "$out/staff-tokens"

"$bin" --rules rules serve --host 127.0.0.1 --port 0 --db "$out/portal.db" --portal "$portal" \
  --staff-tokens "$out/staff-tokens" --today "$E2E_TODAY" --submissions-per-minute 1000 \
  --access-log "$out/access.log" > "$out/server.out" 2> "$out/server.err" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT

for _ in $(seq 100); do
  grep -q '^listening ' "$out/server.out" 2>/dev/null && break
  kill -0 $server 2>/dev/null || { cat "$out/server.err" >&2; exit 1; }
  sleep 0.1
done
port=$(sed -n 's/^listening \([0-9]*\).*/\1/p' "$out/server.out")
[ -n "$port" ] || { echo "e2e: the server did not start" >&2; cat "$out/server.err" >&2; exit 1; }
export E2E_BASE_URL="http://127.0.0.1:$port" E2E_OUT="$out" E2E_POWERDESK="$bin" E2E_RULES="$root/rules" E2E_PORTAL="$portal"
echo "e2e: server $E2E_BASE_URL ($bin), today $E2E_TODAY"

# One file at a time: each test drives a whole Chromium.
# E2E_TESTS: the test files to run (default all).
node --test --test-concurrency=1 "$@" ${E2E_TESTS:-e2e/tests/}
echo "e2e: screenshots in $out/screenshots"
