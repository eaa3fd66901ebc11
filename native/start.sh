#!/usr/bin/env bash
# The main job: installs what is missing, builds the release CLI, checks the
# bundled rule packs and bills the example request (a Zhejiang household on
# peak/valley pricing crossing from tier 1 into tier 2). Pass another request
# file as the first argument to bill that instead.
set -euo pipefail
cd "$(dirname "$0")/.."
./native/setup.sh

cmake --preset native-release >/dev/null
cmake --build --preset native-release -j "$(nproc 2>/dev/null || echo 2)" --target powerdesk
cli=build/native-release/native/cli/powerdesk

"$cli" rules check --compact >/dev/null
"$cli" bill "${1:-docs/examples/bill-zhejiang-residential-tou.json}"
