// Download size of the package: raw and gzip -9 bytes of every file, and the
// total the browser portal fetches (web glue + .wasm + wrapper + ICU data).
// Budget: 1 MB gzip for that total. Prints figures; not a test.
//
//   node wasm/bench/size.mjs            # POWERDESK_WASM_DIST selects the package
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { distDir, requireDist } from '../test/dist.mjs';

const BUDGET_GZIP = 1_000_000;

// [file, what, fetched by the browser portal]
const FILES = [
  ['powerdesk-core.wasm', 'module (web)', true],
  ['powerdesk-core.mjs', 'JS glue (web)', true],
  ['powerdesk.mjs', 'entry (web)', true],
  ['wrap.mjs', 'wrapper', true],
  ['powerdesk-icu.dat', 'ICU data', true],
  ['powerdesk-core-node.wasm', 'module (node)', false],
  ['powerdesk-core-node.js', 'JS glue (node)', false],
  ['node.mjs', 'entry (node)', false],
  ['powerdesk.d.ts', 'types', false],
];

requireDist();
const kb = (n) => `${(n / 1024).toFixed(1).padStart(8)} KiB`;
let rawTotal = 0;
let gzTotal = 0;
console.log(`package: ${distDir}`);
console.log(`${'file'.padEnd(28)}${'what'.padEnd(16)}${'raw'.padStart(13)}${'gzip -9'.padStart(13)}  portal`);
for (const [file, what, portal] of FILES) {
  const path = join(distDir, file);
  if (!existsSync(path)) {
    console.log(`${file.padEnd(28)}${what.padEnd(16)}  (missing)`);
    continue;
  }
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: 9 }).length;
  if (portal) {
    rawTotal += bytes.length;
    gzTotal += gz;
  }
  console.log(`${file.padEnd(28)}${what.padEnd(16)}${kb(bytes.length)} ${kb(gz)}  ${portal ? 'yes' : ''}`);
}
console.log(`portal download total: ${kb(rawTotal).trim()} raw, ${kb(gzTotal).trim()} gzip -9 (${gzTotal} bytes)`);
console.log(`budget ${BUDGET_GZIP} bytes gzip: ${gzTotal <= BUDGET_GZIP ? 'within' : 'OVER'} (${((gzTotal / BUDGET_GZIP) * 100).toFixed(0)} %)`);
