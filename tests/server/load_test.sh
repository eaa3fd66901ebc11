#!/usr/bin/env bash
# Bounded load test of the quote endpoint with wrk (Debian's package):
#   tests/server/load_test.sh [seconds] [connections]
# Starts the release server (build/native-release, built by native/start.sh)
# on a free port (access log off unless ACCESS_LOG=FILE), runs wrk with two threads against
# POST /api/v1/quote with the golden Zhejiang household estimate
# (tests/golden/quote/estimate-zj-tou-profile), checks every answer was 200,
# and prints wrk's figures. wrk and the server share the machine's cores.
# Results go in docs/performance.md ("HTTP server").
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
connections=${2:-16}
bin=${POWERDESK:-build/native-release/native/cli/powerdesk}
[ -x "$bin" ] || { echo "load_test.sh: $bin not built (run native/start.sh --build-only)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "load_test.sh: wrk is not installed (native/setup.sh)" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
# PIN=1 puts the server on core 1 and wrk on core 0 (the server then has one
# core of its own); by default both share both cores.
pin_server=() pin_wrk=()
if [ "${PIN:-0}" = 1 ] && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin_server=(taskset -c 1) pin_wrk=(taskset -c 0); fi
"${pin_server[@]}" "$bin" --rules rules serve --port 0 --db "$work/load.db" --access-log "${ACCESS_LOG:-}" > "$work/out" 2> "$work/err" &
server=$!
for _ in $(seq 100); do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/listening/ {print $2}' "$work/out")
[ -n "$port" ] || { cat "$work/err" >&2; exit 1; }

body=$(python3 -c 'import json,sys; print(json.dumps(json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False)))' \
       tests/golden/quote/estimate-zj-tou-profile.request.json)
cat > "$work/quote.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = $body
local non200 = 0
response = function(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, rps %.0f, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
LUA
"${pin_wrk[@]}" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/quote.lua" "http://127.0.0.1:$port/api/v1/quote" | tee "$work/wrk.txt"
# wrk counts non-2xx/3xx answers as status errors; any error fails the run.
grep -q "errors 0$" "$work/wrk.txt" || { echo "load_test.sh: some requests failed" >&2; exit 1; }
