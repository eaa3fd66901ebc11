// The hand-written types must describe what the module really returns: every
// golden response (typed by operation: bill, late fee, star tier, eligibility,
// process or its catalogue), the documented examples, a few business-rule
// responses no golden case shows, the pack list and a refused pack are
// written out as object literals typed with powerdesk.d.ts and compiled with
// tsc — a field the types lack (excess property), a required field the output
// lacks, an unknown issue code or a wrong type fails the test. The request of
// every golden case that succeeds must fit its request type too, and the
// PowerDesk interface must have exactly the members of a real engine.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { goldenCases, loadNodeEntry, repoRoot, wasmDir } from './dist.mjs';

const tsc = join(wasmDir, 'node_modules', 'typescript', 'bin', 'tsc');

/** The response type of each golden operation directory (see GOLDEN_OPERATIONS in dist.mjs). */
const RESPONSE_TYPES = {
  bill: 'BillResponse',
  'late-fee': 'LateFeeResponse',
  tier: 'StarTierResponse',
  eligibility: 'EligibilityResponse',
  process: 'ProcessResponse',
  validate: 'ApplicationResponse',
  dedupe: 'DedupeResponse',
  match: 'MatchResponse',
  quote: 'QuoteResponse',
  compare: 'CompareResponse',
};

/** The request type of each golden operation: every request that succeeds must type-check as it. */
const REQUEST_TYPES = {
  bill: 'BillRequest',
  'late-fee': 'LateFeeRequest',
  tier: 'StarTierRequest',
  eligibility: 'EligibilityRequest',
  process: 'ProcessRequest',
  validate: 'ApplicationRequest',
  dedupe: 'DedupeRequest',
  match: 'MatchRequest',
  quote: 'QuoteRequest',
  compare: 'CompareRequest',
};

/** The process request of a golden case: the catalogue form has no business. */
const isCatalogue = (request) => JSON.parse(request).business == null;

test('powerdesk.d.ts types every real response', async (t) => {
  assert.ok(existsSync(tsc), `TypeScript missing: run npm ci in ${wasmDir}`);
  const { createPowerDesk } = await loadNodeEntry();
  const pd = await createPowerDesk();
  const types = [...Object.values(RESPONSE_TYPES), ...Object.values(REQUEST_TYPES), 'AddPackResponse', 'PackInfo', 'PowerDesk', 'ProcessCatalogueResponse'];
  const lines = [`import type { ${types.sort().join(', ')} } from '@powerdesk/core';`];
  let n = 0;
  for (const c of goldenCases()) {
    let type = RESPONSE_TYPES[c.operation];
    assert.ok(type, `${c.name}: no response type for operation ${c.operation}: add it to RESPONSE_TYPES`);
    if (c.operation === 'process' && isCatalogue(c.request)) type = 'ProcessCatalogueResponse';
    const i = n++;
    lines.push(`// ${c.name}`, `export const r${i}: ${type} = ${c.expected};`);
    // Refused requests (error-*, bad-*) and invalid applications are wrong on
    // purpose; the others must fit the request type.
    const response = JSON.parse(c.expected);
    if (response.ok && response.result?.valid !== false) lines.push(`export const q${i}: ${REQUEST_TYPES[c.operation]} = ${c.request.trim()};`);
  }
  for (const name of ['bill-zhejiang-residential-tou.json', 'bill-shanghai-two-part.json', 'bill-guangdong-meter-readings.json']) {
    const text = pd.billJson(readFileSync(join(repoRoot, 'docs', 'examples', name), 'utf8'));
    lines.push(`// ${name}`, `export const r${n++}: BillResponse = ${text};`);
  }
  lines.push(`export const late: LateFeeResponse = ${pd.lateFeeJson(readFileSync(join(repoRoot, 'docs', 'examples', 'late-fee-non-residential.json'), 'utf8'))};`);
  // Business-rule forms no golden case covers: the process catalogue (every
  // business, with variants, per-variant limits, optional steps and
  // commitments), an overall commitment waiting for the customer, a skipped
  // optional step, and eligibility with supply decisions left undecided.
  const ok = (text) => {
    assert.equal(JSON.parse(text).ok, true, text.slice(0, 2000));
    return text;
  };
  for (const region of ['zhejiang', 'national']) {
    lines.push(`// process catalogue, ${region}`, `export const catalogue_${region}: ProcessCatalogueResponse = ${ok(pd.processJson(`{"region":"${region}","date":"2025-06-01"}`))};`);
  }
  const applications = {
    // The overall commitment waits for the customer's works.
    overall_waiting: { region: 'jiangsu', business: 'new_lv_non_residential', accepted: '2025-01-20', today: '2025-02-14', completed: { survey: '2025-01-21', supply_plan: '2025-01-22' } },
    // An optional step skipped, the contract open with the customer.
    optional_skipped: { region: 'zhejiang', business: 'new_hv', variant: 'single_source', accepted: '2025-03-03', today: '2025-06-30',
      completed: { survey: '2025-03-04', supply_plan: '2025-03-10', design_submission: '2025-03-20', design_review: '2025-03-28', construction: '2025-05-06', completion_report: '2025-05-07', completion_inspection: '2025-05-09' } },
  };
  for (const [name, request] of Object.entries(applications)) {
    lines.push(`// process ${name}`, `export const ${name}_request: ProcessRequest = ${JSON.stringify(request)};`,
      `export const ${name}: ProcessResponse = ${ok(pd.processJson(request))};`);
  }
  // Two supply decisions lack the customer's class and equipment.
  const undecided = { region: 'zhejiang', today: '2025-06-02', business: 'capacity_increase', customer: { status: 'active', capacity_kva: 200, has_arrears: false }, request: { capacity_kva: 400 } };
  const undecidedText = ok(pd.eligibilityJson(undecided));
  assert.ok(JSON.parse(undecidedText).result.undecided.length > 0, 'the example should leave supply decisions undecided');
  lines.push(`export const undecided_request: EligibilityRequest = ${JSON.stringify(undecided)};`, `export const undecided: EligibilityResponse = ${undecidedText};`);
  lines.push(`export const packs: PackInfo[] = ${JSON.stringify(pd.packs())};`);
  lines.push(`export const refused: AddPackResponse = ${JSON.stringify(pd.addPack('{"id": 1}', 'broken.json'))};`);
  // The PowerDesk interface has exactly the members of a real engine.
  lines.push(`type RuntimeMembers = ${Object.keys(pd).map((k) => `'${k}'`).join(' | ')};`,
    'export const sameMembers: [Exclude<RuntimeMembers, keyof PowerDesk>, Exclude<keyof PowerDesk, RuntimeMembers>] extends [never, never] ? true : false = true;');
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
  assert.equal(run.status, 0, `tsc found responses or requests the types do not describe:\n${run.stdout}${run.stderr}`);
});
