// wrap.mjs over a stand-in for the Embind module: checks the loader's
// contract with the module (heap copy of the ICU data, one install per
// module, free after install, engines deleted) without needing the build.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PowerDeskError, wrap } from '../js/wrap.mjs';

const OK = '{"api_version":"1","ok":true}';
const fail = (errors) => JSON.stringify({ api_version: '1', errors, ok: false });
const packIssue = (file) => ({ code: 'PD_PACK_INVALID', file, message: { en: 'bad', zh: '坏' }, path: '/tariffs', severity: 'error' });

function fakeModule({ icuReason = '', packs = {} } = {}) {
  const m = {
    heapSize: 64,
    allocations: new Map(),
    next: 16,
    installs: [],
    engines: [],
    HEAPU8: new Uint8Array(64),
    _malloc(size) {
      const address = m.next;
      m.next += size;
      // Growing memory replaces the view, as Emscripten does.
      if (m.next > m.HEAPU8.length) {
        const grown = new Uint8Array(m.next * 2);
        grown.set(m.HEAPU8);
        m.HEAPU8 = grown;
      }
      m.allocations.set(address, size);
      return address;
    },
    _free(address) {
      assert.ok(m.allocations.delete(address), `free of unallocated ${address}`);
    },
    installIcuData(address, size) {
      m.installs.push(Array.from(m.HEAPU8.subarray(address, address + size)));
      return icuReason;
    },
    apiVersion: () => '1',
    Engine: class {
      constructor() {
        this.deleted = false;
        this.packs = [];
        m.engines.push(this);
      }
      addBundledPacks() {
        return packs.bundled ?? OK;
      }
      addPack(text, name) {
        if (packs[name]) return packs[name];
        JSON.parse(text);
        this.packs.push(name);
        return OK;
      }
      bill(text) {
        if (text === 'trap') throw new WebAssembly.RuntimeError('unreachable');
        return JSON.stringify({ api_version: '1', ok: true, result: { echo: text } });
      }
      lateFee(text) {
        return JSON.stringify({ api_version: '1', ok: true, result: { late: text } });
      }
      starTier(text) {
        return JSON.stringify({ api_version: '1', ok: true, result: { tier: text } });
      }
      eligibility(text) {
        return JSON.stringify({ api_version: '1', ok: true, result: { eligibility: text } });
      }
      process(text) {
        if (text === 'trap') throw new WebAssembly.RuntimeError('unreachable');
        return JSON.stringify({ api_version: '1', ok: true, result: { process: text } });
      }
      rulesList() {
        return JSON.stringify({ api_version: '1', ok: true, result: { packs: this.packs.map((p) => ({ id: p, version: `v-${p}` })) } });
      }
      delete() {
        assert.equal(this.deleted, false, 'engine deleted twice');
        this.deleted = true;
      }
    },
  };
  return m;
}

const ICU = new Uint8Array(100).map((_, i) => i + 1);

test('ICU data is copied into the heap after malloc, installed once per module, and freed', () => {
  const m = fakeModule();
  const a = wrap(m, ICU, { packs: 'none' });
  assert.equal(m.installs.length, 1);
  assert.deepEqual(m.installs[0], Array.from(ICU));
  assert.equal(m.allocations.size, 0, 'the heap copy is freed');
  const b = wrap(m, null, { packs: 'none' });
  assert.equal(m.installs.length, 1, 'a second engine on the same module does not reinstall');
  a.dispose();
  b.dispose();
});

test('ICU data may be an ArrayBuffer or any view', () => {
  const m = fakeModule();
  const backing = new Uint8Array(120);
  backing.set(ICU, 10);
  wrap(m, new DataView(backing.buffer, 10, 100), { packs: 'none' }).dispose();
  assert.deepEqual(m.installs[0], Array.from(ICU));
  const m2 = fakeModule();
  wrap(m2, ICU.slice().buffer, { packs: 'none' }).dispose();
  assert.deepEqual(m2.installs[0], Array.from(ICU));
});

test('refused or missing ICU data is a PowerDeskError and nothing leaks', () => {
  const m = fakeModule({ icuReason: 'udata_setCommonData failed: U_INVALID_FORMAT_ERROR' });
  assert.throws(() => wrap(m, ICU), (e) => e instanceof PowerDeskError && /U_INVALID_FORMAT_ERROR/.test(e.message) && e.errors[0].code === 'PD_FILE_UNREADABLE');
  assert.equal(m.allocations.size, 0);
  assert.equal(m.engines.length, 0);
  assert.throws(() => wrap(fakeModule(), null), PowerDeskError);
  assert.throws(() => wrap(fakeModule(), new Uint8Array(0)), PowerDeskError);
});

test('packs: bundled by default, none, or a list; refusals throw with every issue and delete the engine', () => {
  const m = fakeModule({ packs: { 'bad-1.json': fail([packIssue('bad-1.json')]), 'bad-2.json': fail([packIssue('bad-2.json'), packIssue('bad-2.json')]) } });
  const calls = [];
  const orig = m.Engine.prototype.addBundledPacks;
  m.Engine.prototype.addBundledPacks = function () {
    calls.push('bundled');
    return orig.call(this);
  };
  wrap(m, ICU).dispose();
  assert.deepEqual(calls, ['bundled']);
  wrap(m, ICU, { packs: 'none' }).dispose();
  assert.deepEqual(calls, ['bundled']);

  const listed = wrap(m, ICU, { packs: [{ name: 'a.json', json: '{}' }, { name: 'b.json', json: { x: 1 } }] });
  assert.deepEqual(listed.packVersions(), { 'a.json': 'v-a.json', 'b.json': 'v-b.json' });
  listed.dispose();

  assert.throws(
    () => wrap(m, ICU, { packs: [{ name: 'bad-1.json', json: '{}' }, { name: 'ok.json', json: '{}' }, { name: 'bad-2.json', json: '{}' }] }),
    (e) => {
      assert.ok(e instanceof PowerDeskError);
      assert.match(e.message, /^2 of 3 rule pack\(s\) refused: PD_PACK_INVALID at bad-1\.json \/tariffs: bad \(and 2 more\)$/);
      assert.deepEqual(e.errors.map((i) => i.file), ['bad-1.json', 'bad-2.json', 'bad-2.json']);
      return true;
    },
  );
  const last = m.engines.at(-1);
  assert.equal(last.deleted, true, 'the engine of a failed creation is deleted');
  assert.ok(m.engines.every((e) => e.deleted));
});

test('refused bundled packs throw PowerDeskError', () => {
  const m = fakeModule({ packs: { bundled: fail([packIssue('zhejiang/zhejiang-2025.json')]) } });
  assert.throws(() => wrap(m, ICU), (e) => e instanceof PowerDeskError && e.errors[0].file === 'zhejiang/zhejiang-2025.json');
});

test('requests: objects are serialised, strings passed as they are; failures become envelopes', () => {
  const m = fakeModule();
  const pd = wrap(m, ICU, { packs: 'none' });
  assert.equal(pd.apiVersion, '1');
  assert.deepEqual(pd.bill({ b: 1, a: '2' }).result, { echo: '{"b":1,"a":"2"}' });
  assert.deepEqual(pd.bill('{"raw": true}').result, { echo: '{"raw": true}' });
  assert.deepEqual(pd.bill(undefined).result, { echo: '' });
  assert.deepEqual(pd.lateFee({ x: 1 }).result, { late: '{"x":1}' });
  assert.equal(pd.billJson('x'), '{"api_version":"1","ok":true,"result":{"echo":"x"}}');

  const bigint = pd.billJson({ kwh: 1n });
  assert.match(bigint, /^\{"api_version":"1","errors":\[\{"code":"PD_JSON_MALFORMED","message":\{"en":"The request cannot be serialised to JSON: [^"]*","zh":"[^"]*"\},"path":"","severity":"error"\}\],"ok":false\}$/);
  const trapped = pd.bill('trap');
  assert.equal(trapped.ok, false);
  assert.equal(trapped.errors[0].code, 'PD_INTERNAL');
  assert.match(trapped.errors[0].message.en, /unreachable/);

  const circular = {};
  circular.self = circular;
  assert.equal(pd.addPack(circular, 'loop.json').errors[0].file, 'loop.json');
  assert.deepEqual(pd.addPack('{}', 'fine.json'), { api_version: '1', ok: true });
  pd.dispose();
});

test('tier, eligibility and process call starTier, eligibility and process of the module, like bill', () => {
  const pd = wrap(fakeModule(), ICU, { packs: 'none' });
  assert.deepEqual(pd.tier({ region: 'zhejiang' }).result, { tier: '{"region":"zhejiang"}' });
  assert.deepEqual(pd.eligibility('{"raw": 1}').result, { eligibility: '{"raw": 1}' });
  assert.deepEqual(pd.process({ region: 'zhejiang', date: '2025-06-01' }).result, { process: '{"region":"zhejiang","date":"2025-06-01"}' });
  assert.equal(pd.tierJson('x'), '{"api_version":"1","ok":true,"result":{"tier":"x"}}');
  assert.equal(pd.eligibilityJson('x'), '{"api_version":"1","ok":true,"result":{"eligibility":"x"}}');
  assert.equal(pd.processJson('x'), '{"api_version":"1","ok":true,"result":{"process":"x"}}');
  assert.match(pd.tierJson({ kwh: 1n }), /"code":"PD_JSON_MALFORMED"/);
  assert.equal(pd.eligibility(undefined).result.eligibility, '');
  const trapped = pd.process('trap');
  assert.equal(trapped.ok, false);
  assert.equal(trapped.errors[0].code, 'PD_INTERNAL');
  pd.dispose();
});

test('dispose deletes the engine once; later calls throw', () => {
  const m = fakeModule();
  const pd = wrap(m, ICU, { packs: 'none' });
  assert.ok(Object.isFrozen(pd));
  pd.dispose();
  pd.dispose();
  assert.equal(m.engines[0].deleted, true);
  assert.equal(pd.disposed, true);
  for (const call of [() => pd.bill('{}'), () => pd.lateFee('{}'), () => pd.packs(), () => pd.packVersions(), () => pd.addPack('{}', 'x'), () => pd.billJson('{}')]) {
    assert.throws(call, PowerDeskError);
  }
  for (const method of ['lateFeeJson', 'tier', 'tierJson', 'eligibility', 'eligibilityJson', 'process', 'processJson', 'validate', 'validateJson', 'dedupe', 'dedupeJson', 'match', 'matchJson', 'quote', 'quoteJson', 'compare', 'compareJson']) {
    assert.throws(() => pd[method]('{}'), PowerDeskError, method);
  }
  assert.deepEqual(Object.keys(pd).sort(), ['addPack', 'apiVersion', 'bill', 'billJson', 'compare', 'compareJson', 'dedupe', 'dedupeJson', 'dispose', 'disposed',
    'eligibility', 'eligibilityJson', 'lateFee', 'lateFeeJson', 'loadTextData', 'match', 'matchJson', 'packVersions', 'packs', 'process', 'processJson',
    'quote', 'quoteJson', 'tier', 'tierJson', 'validate', 'validateJson']);
});

test('a wrong packs option is a TypeError', () => {
  assert.throws(() => wrap(fakeModule(), ICU, { packs: 'everything' }), TypeError);
  assert.throws(() => wrap(fakeModule(), ICU, { packs: [{ name: 1, json: '{}' }] }), TypeError);
});
