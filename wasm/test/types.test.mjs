// The hand-written types must describe what the module really returns: every
// golden response, the documented examples, the pack list and a refused pack
// are written out as object literals typed with powerdesk.d.ts and compiled
// with tsc — a field the types lack (excess property), a required field the
// output lacks, an unknown issue code or a wrong type fails the test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { goldenCases, loadNodeEntry, repoRoot, wasmDir } from './dist.mjs';

const tsc = join(wasmDir, 'node_modules', 'typescript', 'bin', 'tsc');

test('powerdesk.d.ts types every real response', async (t) => {
  assert.ok(existsSync(tsc), `TypeScript missing: run npm ci in ${wasmDir}`);
  const { createPowerDesk } = await loadNodeEntry();
  const pd = await createPowerDesk();
  const lines = ["import type { AddPackResponse, BillResponse, LateFeeResponse, PackInfo } from '@powerdesk/core';"];
  let n = 0;
  for (const c of goldenCases()) {
    lines.push(`// ${c.name}`, `export const r${n++}: ${c.operation === 'bill' ? 'BillResponse' : 'LateFeeResponse'} = ${c.expected};`);
  }
  for (const name of ['bill-zhejiang-residential-tou.json', 'bill-shanghai-two-part.json', 'bill-guangdong-meter-readings.json']) {
    const text = pd.billJson(readFileSync(join(repoRoot, 'docs', 'examples', name), 'utf8'));
    lines.push(`// ${name}`, `export const r${n++}: BillResponse = ${text};`);
  }
  lines.push(`export const late: LateFeeResponse = ${pd.lateFeeJson(readFileSync(join(repoRoot, 'docs', 'examples', 'late-fee-non-residential.json'), 'utf8'))};`);
  lines.push(`export const packs: PackInfo[] = ${JSON.stringify(pd.packs())};`);
  lines.push(`export const refused: AddPackResponse = ${JSON.stringify(pd.addPack('{"id": 1}', 'broken.json'))};`);
  pd.dispose();

  const dir = mkdtempSync(join(tmpdir(), 'powerdesk-types-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'responses.ts'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022'], types: [],
      exactOptionalPropertyTypes: true, paths: { '@powerdesk/core': [join(wasmDir, 'js', 'powerdesk.d.ts')] },
    },
    files: ['responses.ts'],
  }));
  const run = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc found responses the types do not describe:\n${run.stdout}${run.stderr}`);
});
