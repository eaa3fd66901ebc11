// Every golden case (tests/golden/<op>/NAME.request.json) run through the
// WASM module in node must give NAME.response.json byte for byte, and the
// hash of all responses must equal the native suite's: both print
//   golden-hash: <16 hex> (<N> cases)
// and tests/run.sh compares the two lines.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { goldenCases, goldenEngines, goldenHash, unknownGoldenOperations } from './dist.mjs';

const cases = goldenCases();
let engines;

before(async () => {
  engines = await goldenEngines();
});

after(() => engines?.dispose());

const run = (c) => engines.run(c.operation, c.request);

// Where two long one-line JSON texts first differ, with some context.
function firstDifference(actual, expected) {
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const from = Math.max(0, i - 60);
  return `first difference at character ${i} (actual length ${actual.length}, expected ${expected.length})\n` +
    `  actual:   …${actual.slice(from, i + 60)}…\n` +
    `  expected: …${expected.slice(from, i + 60)}…`;
}

test('every golden operation directory is known to this test and to tests/support/golden.hpp', () => {
  assert.deepEqual(unknownGoldenOperations(), [], 'a new tests/golden/<op>/ needs a mapping in wasm/test/dist.mjs and tests/support/golden.hpp');
  assert.ok(cases.length >= 20, `only ${cases.length} golden cases found`);
});

for (const c of cases) {
  test(`golden ${c.name}`, () => {
    const actual = run(c);
    if (actual !== c.expected) assert.fail(`${c.name}: response differs from ${c.name}.response.json\n${firstDifference(actual, c.expected)}`);
  });
}

test('golden hash over all responses (compared with the native build by tests/run.sh)', () => {
  const responses = cases.map((c) => [c.name, run(c)]);
  const line = `golden-hash: ${goldenHash(responses)} (${responses.length} cases)`;
  // Once on stdout, unadorned, for tests/run.sh to grep.
  process.stdout.write(`${line}\n`);
  assert.match(line, /^golden-hash: [0-9a-f]{16} \(\d+ cases\)$/);
});
