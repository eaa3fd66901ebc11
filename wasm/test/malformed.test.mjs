// The malformed-input catalogue (tests/malformed/catalogue.json) through the
// package's JS API: every case that is a JS string gives the documented code
// and pointer, as data. Cases that are bytes no JS string can hold (invalid
// UTF-8) run in the WASM GoogleTest suite instead. And what only JS can send:
// a string with an unpaired surrogate, which has no UTF-8 form (Embind would
// merge it with the next character): refused by the package, at the root.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { goldenEngines, repoRoot } from './dist.mjs';

const catalogue = JSON.parse(readFileSync(join(repoRoot, 'tests', 'malformed', 'catalogue.json'), 'utf8'));
let engines;

before(async () => {
  engines = await goldenEngines();
});

after(() => engines?.dispose());

const run = (op, text) => JSON.parse(engines.run(op, text));

/** The first error (or, for validate's reported form problems, the first error issue) as [code, path]. */
function firstError(answer, reported) {
  if (reported) {
    assert.equal(answer.ok, true);
    assert.equal(answer.result.valid, false);
    const issue = answer.result.issues.find((i) => i.severity === 'error');
    return [issue.code, issue.path];
  }
  assert.equal(answer.ok, false);
  for (const e of answer.errors) assert.ok(e.message.zh && e.message.en, JSON.stringify(e));
  return [answer.errors[0].code, answer.errors[0].path];
}

const textCases = catalogue.cases.filter((c) => 'body' in c);

test('the catalogue has text cases for every operation', () => {
  assert.deepEqual([...new Set(textCases.map((c) => c.operation))].sort(), Object.keys(catalogue.operations).sort());
  assert.ok(textCases.length >= 250, `${textCases.length} text cases`);
});

for (const c of textCases) {
  test(`${c.operation} ${c.name}`, () => {
    const [code, path] = firstError(run(c.operation, c.body), c.answer === 'report');
    assert.equal(code, c.code);
    if ('path' in c) assert.equal(path, c.path);
  });
}

for (const [op, spec] of Object.entries(catalogue.operations)) {
  test(`${op}: an unpaired surrogate in a JS string is malformed, and the engine still answers`, () => {
    const [field] = Object.keys(spec.request);
    // JSON.stringify would escape the surrogate as \ud800 text: put it in raw.
    const text = JSON.stringify({ ...spec.request, [field]: '@' }).replace('"@"', '"a\ud800b"');
    const answer = run(op, text);
    assert.deepEqual(firstError(answer, false), ['PD_JSON_MALFORMED', '']);
    assert.equal(answer.errors[0].message.en, `Character ${text.indexOf('\ud800')} of the request is an unpaired UTF-16 surrogate, which has no UTF-8 form`);
    // A trailing high surrogate and a lone low one, too.
    assert.equal(run(op, `${JSON.stringify(spec.request)}\ud83d`).errors[0].code, 'PD_JSON_MALFORMED');
    assert.equal(run(op, text.replace('\ud800', '\udc00')).errors[0].code, 'PD_JSON_MALFORMED');
    // A real pair (an emoji) is fine: the request with it gets past the encoding.
    assert.ok(!JSON.stringify(run(op, text.replace('\ud800', '\ud83d\ude00'))).includes('surrogate'));
    assert.equal(run(op, JSON.stringify(spec.request)).ok, true);
  });
}
