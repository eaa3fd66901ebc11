#!/usr/bin/env bash
# PowerDesk side by side with its npm peers (docs/performance.md, "Peers side
# by side"): decision tables (zen-engine, json-rules-engine), bills
# (electric-rate-engine), resident IDs (id-validator, idcard, validator) and
# pinyin (pinyin-pro), on the same generated workloads. Run on demand, not by
# tests/run.sh: it builds the harness natively and for WASM and takes several
# minutes. Rates are per CPU second; nothing asserts on speed.
#   tests/bench/peers/run.sh            # everything; the report lands in build/peers/work/report.md
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$PWD
jobs=2  # a shared 2-core machine
today=$(date +%F)
export NODE_PATH=/usr/share/nodejs  # Debian's Emscripten needs it

echo "== peers: npm install into build/peers (pinned by tests/bench/peers/package-lock.json)"
mkdir -p build/peers
cp tests/bench/peers/package.json tests/bench/peers/package-lock.json build/peers/
# `npm install` from the lockfile, not `npm ci`: as for the portal (tests/run.sh), the registry
# here serves no optional binaries for other platforms, so `npm ci` refuses the lock.
(cd build/peers && npm install --no-audit --no-fund --loglevel=error)

echo "== peers: workloads (fixed seed) into build/peers/work"
node tests/bench/peers/gen.mjs "$root" build/peers/work

echo "== peers: PowerDesk harness, native (build/peers-native)"
cmake -S tests/bench/peers -B build/peers-native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/peers-native -j "$jobs" --target peer_bench

echo "== peers: PowerDesk harness, WASM (build/peers-wasm)"
./wasm/build-icu.sh >/dev/null
cmake -S tests/bench/peers -B build/peers-wasm -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_TOOLCHAIN_FILE=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake \
  -DPOWERDESK_ICU_WASM="$(./wasm/build-icu.sh --print-path)" >/dev/null
cmake --build build/peers-wasm -j "$jobs" --target peer_bench

echo "== peers: PowerDesk native"
build/peers-native/peer_bench "$root" build/peers/work "$today" build/peers/work/powerdesk-native.json
echo "== peers: PowerDesk WASM under node $(node --version)"
node --no-experimental-fetch build/peers-wasm/peer_bench.js "$root" build/peers/work "$today" build/peers/work/powerdesk-wasm.json

echo "== peers: the npm peers, and the comparison"
node tests/bench/peers/run.mjs build/peers/node_modules build/peers/work \
  build/peers/work/powerdesk-native.json build/peers/work/powerdesk-wasm.json "$today"
echo "== peers: report written to build/peers/work/report.md"
