#!/usr/bin/env bash
# Packs the built npm package (dist/) as a tarball, installs it into an
# empty project, and bills the Zhejiang example through '@powerdesk/core':
# exit 0 only if the total is 118.50. Also checks the tarball holds every
# file and, when wasm/node_modules has TypeScript, that a node16/nodenext
# consumer resolves the package's types.
#
#   bash wasm/test/pack-smoke.sh            # dist from POWERDESK_WASM_DIST or the default build
set -euo pipefail

wasm_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repo=$(cd "$wasm_dir/.." && pwd)
dist=${POWERDESK_WASM_DIST:-$repo/build/wasm-release/wasm/dist}
dist=$(cd "$dist" 2>/dev/null && pwd) || { echo "pack-smoke: no package at ${POWERDESK_WASM_DIST:-$repo/build/wasm-release/wasm/dist}; build it: cmake --preset wasm-release && cmake --build --preset wasm-release" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

npm_q() { npm --no-audit --no-fund --loglevel=error "$@"; }

echo "pack-smoke: packing $dist"
tarball=$(cd "$dist" && npm_q pack --pack-destination "$tmp" | tail -n 1)
tarball="$tmp/$tarball"
[ -f "$tarball" ] || { echo "pack-smoke: npm pack produced no tarball" >&2; exit 1; }

# Every file the package promises is in the tarball.
listing=$(tar -tzf "$tarball")
missing=0
for f in package.json README.md powerdesk.mjs node.mjs wrap.mjs powerdesk.d.ts \
         powerdesk-core.mjs powerdesk-core.wasm powerdesk-core-node.js powerdesk-core-node.wasm powerdesk-icu.dat; do
  grep -qx "package/$f" <<<"$listing" || { echo "pack-smoke: $f missing from the tarball" >&2; missing=1; }
done
[ "$missing" = 0 ] || exit 1
echo "pack-smoke: $(basename "$tarball") $(du -k "$tarball" | cut -f1) KiB, $(wc -l <<<"$listing") files"

app="$tmp/app"
mkdir "$app"
cd "$app"
printf '{"name":"powerdesk-smoke","version":"0.0.0","private":true,"type":"module"}\n' > package.json
npm_q install --offline "$tarball" > /dev/null
cp "$repo/docs/examples/bill-zhejiang-residential-tou.json" request.json

cat > smoke.mjs <<'EOF'
import { readFileSync } from 'node:fs';
import { createPowerDesk, PowerDeskError } from '@powerdesk/core';

const pd = await createPowerDesk();
const r = pd.bill(JSON.parse(readFileSync('request.json', 'utf8')));
pd.dispose();
if (!r.ok) {
  console.error(JSON.stringify(r.errors));
  process.exit(1);
}
if (typeof PowerDeskError !== 'function') process.exit(1);
console.log(r.result.total);
EOF
total=$(node smoke.mjs)
echo "pack-smoke: total $total"

# The types resolve for an ESM consumer with node16/nodenext resolution.
tsc="$wasm_dir/node_modules/typescript/bin/tsc"
if [ -f "$tsc" ]; then
  cat > types.mts <<'EOF'
import { createPowerDesk, PowerDeskError, type BillRequest, type PowerDesk } from '@powerdesk/core';
const request: BillRequest = { region: 'zhejiang', tariff: 'residential_tou', period: { start: '2025-03-01', end: '2025-03-31' }, usage: { kwh: '1' } };
const pd: PowerDesk = await createPowerDesk({ packs: 'bundled' });
const r = pd.bill(request);
export const total: string | undefined = r.ok ? r.result.total : undefined;
export const failure: boolean = new PowerDeskError('x') instanceof Error;
EOF
  cat > tsconfig.json <<'EOF'
{ "compilerOptions": { "strict": true, "noEmit": true, "module": "nodenext", "moduleResolution": "nodenext",
                       "target": "es2022", "lib": ["es2022"], "types": [] },
  "files": ["types.mts"] }
EOF
  node "$tsc" -p tsconfig.json
  echo "pack-smoke: types resolve (nodenext)"
else
  echo "pack-smoke: wasm/node_modules has no TypeScript (npm ci in wasm/); type resolution not checked"
fi

if [ "$total" != "118.50" ]; then
  echo "pack-smoke: FAIL: expected 118.50" >&2
  exit 1
fi
echo "pack-smoke: OK"
