#!/usr/bin/env bash
# Runs every test: installs what is missing, builds the native debug preset
# (warnings are errors) and the ASan+UBSan preset, and runs the whole suite
# under each with CTest.
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
