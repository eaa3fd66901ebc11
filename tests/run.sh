#!/usr/bin/env bash
# Runs every test:
#   1. native debug build (warnings are errors): unit, golden, CLI tests;
#   2. the same under ASan + UBSan, then every libFuzzer target for a bounded
#      time (tests/fuzz/run.sh, clang; docs/reliability.md);
#   3. the WASM build: the GoogleTest suite compiled to WASM under node,
#      the node tests over the module, the TypeScript check, the packed
#      npm package smoke test;
#   4. the portal: type check, vitest component tests, production build;
#   5. end-to-end: the built portal in Debian's Chromium against the native
#      server on loopback (e2e/run.sh; screenshots in build/e2e/screenshots);
#   6. the determinism check: native and WASM golden hashes must match.
# Installs what is missing first (Debian packages, ICU for WASM, npm deps).
set -euo pipefail
cd "$(dirname "$0")/.."
./native/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)

for preset in native-debug asan; do
  echo "== $preset: configure and build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  echo "== $preset: test"
  ctest --preset "$preset" -j "$jobs"
done

# Build (clang, ASan + UBSan + libFuzzer) and ~20 s per target, two at a time:
# about 4 minutes on 2 cores. Longer runs: tests/fuzz/run.sh 600.
echo "== fuzz: libFuzzer targets, ${POWERDESK_FUZZ_SECONDS:-20}s each"
tests/fuzz/run.sh "${POWERDESK_FUZZ_SECONDS:-20}"

echo "== wasm: ICU (cached after the first build)"
./wasm/build-icu.sh
POWERDESK_ICU_WASM=$(./wasm/build-icu.sh --print-path)
export POWERDESK_ICU_WASM NODE_PATH=/usr/share/nodejs

echo "== wasm-release: configure and build"
cmake --preset wasm-release >/dev/null
cmake --build --preset wasm-release -j "$jobs"
echo "== wasm-release: the GoogleTest suite under node"
ctest --preset wasm-release -j "$jobs"

echo "== wasm: node tests, types, packed package"
export POWERDESK_WASM_DIST="$PWD/build/wasm-release/wasm/dist"
(cd wasm && npm ci --no-audit --no-fund --loglevel=error)
(cd wasm && npx tsc --noEmit -p tsconfig.json)
node --test wasm/test/*.test.mjs 2>&1 | tee build/wasm-node-tests.log
./wasm/test/pack-smoke.sh

echo "== portal: types, component tests, build"
# `npm install` from the lockfile, not `npm ci`: the registry here does not serve rollup's
# optional binaries for other platforms, so they are missing from the lock and `npm ci` refuses it.
(cd portal && npm install --no-audit --no-fund --loglevel=error)
(cd portal && npx vue-tsc --noEmit -p tsconfig.json)
(cd portal && npx vitest run)
(cd portal && npx vite build)
echo "== e2e: the built portal in Chromium against the server (native-debug)"
(cd e2e && npm ci --no-audit --no-fund --loglevel=error)
./e2e/run.sh

echo "== determinism: golden hashes of every build"
hash_of() { grep -o 'golden-hash: [0-9a-f]*' | head -1 | cut -d' ' -f2; }
native=$(build/native-debug/tests/powerdesk_unit_tests --gtest_filter='GoldenHash.*' | hash_of)
wasm_gtest=$(node --no-experimental-fetch build/wasm-release/tests/powerdesk_unit_tests.js --gtest_filter='GoldenHash.*' | hash_of)
wasm_module=$(hash_of < build/wasm-node-tests.log)
echo "native $native, WASM GoogleTest $wasm_gtest, WASM module in node $wasm_module"
if [ -z "$native" ] || [ "$native" != "$wasm_gtest" ] || [ "$native" != "$wasm_module" ]; then
  echo "determinism check FAILED: the builds disagree" >&2
  exit 1
fi
echo "all tests passed"
