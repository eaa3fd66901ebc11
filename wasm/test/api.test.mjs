// The JS API of the built package, in node: versions, bundled and run-time
// packs, real bills (ICU's RBNF must work inside WASM for the uppercase
// total), bad input as data, setup failures as PowerDeskError, disposal.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { distDir, loadNodeEntry, repoRoot, wasmDir } from './dist.mjs';

const example = (name) => readFileSync(join(repoRoot, 'docs', 'examples', name), 'utf8');
const ZJ_EXAMPLE = example('bill-zhejiang-residential-tou.json');
const LATE_FEE_EXAMPLE = example('late-fee-non-residential.json');

/** tests/golden/<op>/<name>.{request,response}.json: the request text and the expected envelope text. */
function golden(op, name) {
  const dir = join(repoRoot, 'tests', 'golden', op);
  return {
    request: readFileSync(join(dir, `${name}.request.json`), 'utf8'),
    response: readFileSync(join(dir, `${name}.response.json`), 'utf8').replace(/[\r\n]+$/, ''),
  };
}
const TIER = golden('tier', 'two-star-66kv-new-customer');
const ELIGIBILITY = golden('eligibility', 'suspension-over-six-months');
const PROCESS = golden('process', 'lv-residential-spring-festival');
const APPLICATION = golden('validate', 'business-new-lv-residential');
const CATALOGUE = '{"region":"zhejiang","date":"2025-06-01"}';

/** Every operation taking a request: the object method and its *Json twin. */
const OPERATIONS = [['bill', 'billJson'], ['lateFee', 'lateFeeJson'], ['tier', 'tierJson'], ['eligibility', 'eligibilityJson'], ['process', 'processJson'], ['validate', 'validateJson'], ['dedupe', 'dedupeJson'], ['match', 'matchJson'], ['quote', 'quoteJson'], ['compare', 'compareJson']];

/** rules/<region>/<file>.json as run-time pack sources, named as the bundled ones are. */
function rulePacks() {
  const root = join(repoRoot, 'rules');
  const out = [];
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name === 'schema') continue;
    for (const f of readdirSync(join(root, dir.name))) {
      if (f.endsWith('.json')) out.push({ name: `${dir.name}/${f}`, json: readFileSync(join(root, dir.name, f), 'utf8') });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Asserts `value` holds no BigInt anywhere (and only JSON types). */
function assertJsonOnly(value, where = '$') {
  const t = typeof value;
  assert.notEqual(t, 'bigint', `${where} is a BigInt`);
  assert.ok(['string', 'number', 'boolean', 'object'].includes(t), `${where} has type ${t}`);
  if (value && t === 'object') {
    for (const [k, v] of Object.entries(value)) assertJsonOnly(v, `${where}.${k}`);
  }
}

function assertIssueShape(issue) {
  assert.match(issue.code, /^PD_[A-Z_]+$/);
  assert.equal(typeof issue.path, 'string');
  assert.ok(['error', 'warning', 'info'].includes(issue.severity));
  assert.ok(issue.message.zh.length > 0 && issue.message.en.length > 0);
}

let createPowerDesk;
let PowerDeskError;
let pd;

before(async () => {
  ({ createPowerDesk, PowerDeskError } = await loadNodeEntry());
  pd = await createPowerDesk();
});

after(() => pd?.dispose());

test('the package in dist/ carries the current wasm/ sources', () => {
  const copies = { 'js/wrap.mjs': 'wrap.mjs', 'js/node.mjs': 'node.mjs', 'js/powerdesk.mjs': 'powerdesk.mjs',
    'js/powerdesk.d.ts': 'powerdesk.d.ts', 'package.json': 'package.json', 'README.md': 'README.md' };
  for (const [src, copy] of Object.entries(copies)) {
    assert.equal(readFileSync(join(distDir, copy), 'utf8'), readFileSync(join(wasmDir, src), 'utf8'),
      `${distDir}/${copy} is stale: rebuild (cmake --build --preset wasm-release) to copy wasm/${src}`);
  }
});

test('apiVersion is "1"', () => {
  assert.equal(pd.apiVersion, '1');
  assert.equal(typeof pd.apiVersion, 'string');
});

describe('bundled packs', () => {
  test('list the five regions and the national rules with versions, hashes and tariffs', () => {
    const packs = pd.packs();
    assert.deepEqual([...new Set(packs.map((p) => p.region))].sort(),
      ['beijing', 'guangdong', 'jiangsu', 'national', 'shanghai', 'zhejiang']);
    for (const p of packs) {
      assert.match(p.id, /^[a-z0-9-]+$/);
      assert.match(p.version, /^\d{4}\.\d+$/);
      assert.match(p.content_hash, /^[0-9a-f]{16}$/);
      assert.match(p.effective.from, /^\d{4}-\d{2}-\d{2}$/);
      assert.match(p.file, new RegExp(`^${p.region === 'national' ? 'national' : p.region}/[^/]+\\.json$`));
      assert.ok(p.region_name.zh && p.region_name.en);
      if (p.region !== 'national') assert.ok(p.tariffs.length > 0, `${p.id} has no tariffs`);
    }
    const zj = packs.find((p) => p.region === 'zhejiang');
    assert.ok(zj.tariffs.some((t) => t.code === 'residential_tou'));
  });

  test('packVersions maps every pack id to its version', () => {
    const versions = pd.packVersions();
    assert.deepEqual(Object.keys(versions).sort(), pd.packs().map((p) => p.id).sort());
    for (const p of pd.packs()) assert.equal(versions[p.id], p.version);
  });

  test('are the files of rules/: loading them at run time gives the same ids, versions and content hashes', async () => {
    const runtime = await createPowerDesk({ packs: rulePacks() });
    try {
      const key = (p) => `${p.file} ${p.id} ${p.version} ${p.content_hash}`;
      assert.deepEqual(runtime.packs().map(key), pd.packs().map(key));
    } finally {
      runtime.dispose();
    }
  });
});

describe('bills and late fees with the bundled packs', () => {
  test('Zhejiang residential TOU (facts-sheet example A): 118.50, 壹佰壹拾捌元伍角整 (ICU RBNF inside WASM)', () => {
    const r = pd.bill(JSON.parse(ZJ_EXAMPLE));
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    assert.equal(r.api_version, '1');
    assert.equal(r.result.total, '118.50');
    assert.equal(r.result.total_uppercase, '壹佰壹拾捌元伍角整');
    assert.equal(r.result.region, 'zhejiang');
    assert.equal(r.result.period.days, 31);
    assert.equal(r.result.tier_progress.tier, 2);
    const zj = pd.packs().find((p) => p.id === r.result.parts[0].pack);
    assert.equal(r.result.parts[0].content_hash, zj.content_hash);
    assert.ok(r.result.lines.every((l) => /^-?\d+\.\d{2}$/.test(l.amount)));
  });

  test('a request as JSON text gives the same bill as the object, and billJson is its canonical text', () => {
    const fromText = pd.bill(ZJ_EXAMPLE);
    const fromObject = pd.bill(JSON.parse(ZJ_EXAMPLE));
    assert.deepEqual(fromText, fromObject);
    const text = pd.billJson(ZJ_EXAMPLE);
    assert.equal(typeof text, 'string');
    assert.ok(text.startsWith('{"api_version":"1","ok":true,"result":{'));
    assert.deepEqual(JSON.parse(text), fromText);
  });

  test('the other documented examples bill', () => {
    for (const name of ['bill-shanghai-two-part.json', 'bill-guangdong-meter-readings.json']) {
      const r = pd.bill(example(name));
      assert.equal(r.ok, true, `${name}: ${JSON.stringify(r.errors)}`);
      assert.match(r.result.total, /^\d+\.\d{2}$/);
    }
  });

  test('late fee across the year end: 470.00, 肆佰柒拾元整', () => {
    const r = pd.lateFee(JSON.parse(LATE_FEE_EXAMPLE));
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    assert.equal(r.result.total, '470.00');
    assert.equal(r.result.total_uppercase, '肆佰柒拾元整');
    assert.deepEqual(r.result.lines.map((l) => l.amount), ['200.00', '270.00']);
    assert.equal(pd.lateFeeJson(LATE_FEE_EXAMPLE), JSON.stringify(r));
  });
});

describe('star tier, eligibility and process with the bundled packs (the real rules)', () => {
  // The golden cases of these operations run on the packs of rules/, which
  // are the bundled packs: the same request gives the golden bytes.
  for (const [op, method, c] of [['tier', 'tierJson', TIER], ['eligibility', 'eligibilityJson', ELIGIBILITY], ['process', 'processJson', PROCESS], ['validate', 'validateJson', APPLICATION]]) {
    test(`${method} gives the golden ${op} response; ${op} gives the same from the object and from the text`, () => {
      assert.equal(pd[method](c.request), c.response);
      assert.equal(pd[method](JSON.parse(c.request)), c.response);
      const fromText = pd[op](c.request);
      const fromObject = pd[op](JSON.parse(c.request));
      assert.deepEqual(fromObject, fromText);
      assert.deepEqual(fromText, JSON.parse(c.response));
      assert.equal(JSON.stringify(fromObject), c.response);
    });
  }

  test('tier: 66 kV and a Hope Primary School give two-star; every rule met is traced', () => {
    const r = pd.tier({ region: 'guangdong', date: '2025-03-01',
      customer: { existing_customer: false, annual_kwh: '300000000', credit_rating: 'excellent', supply_voltage_kv: '66', special_category: 'hope_school' } });
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    assert.equal(r.result.tier, 'two_star');
    assert.equal(r.result.customer_manager, true);
    assert.equal(r.result.project_team, false);
    assert.deepEqual(r.result.defaulted, ['has_arrears', 'project_level', 'park_level']);
    assert.deepEqual(r.result.trace.map((t) => t.table), ['star_tier', 'star_tier_support', 'star_services']);
    const [tier] = r.result.trace;
    assert.deepEqual(tier.matched.map((m) => m.row), ['voltage-35kv-to-110kv', 'special-livelihood']);
    assert.deepEqual(tier.result, { default: false, row: 'voltage-35kv-to-110kv' });
    assert.deepEqual(r.result.services.map((s) => s.number), Array.from({ length: 15 }, (_, i) => i + 2));
    assert.equal(r.result.pack.region, 'national');
  });

  test('tier: a bad customer → every error with its code and path', () => {
    const r = pd.tier(golden('tier', 'bad-customer').request);
    assert.equal(r.ok, false);
    r.errors.forEach(assertIssueShape);
    assert.deepEqual(r.errors.map((e) => [e.code, e.path]), [
      ['PD_FIELD_UNKNOWN', '/customer/star'],
      ['PD_FIELD_MISSING', '/customer/credit_rating'],
      ['PD_ENUM_INVALID', '/customer/project_level'],
      ['PD_NUMBER_OUT_OF_RANGE', '/customer/supply_voltage_kv'],
      ['PD_ENUM_INVALID', '/customer/special_category'],
    ]);
    assert.deepEqual(pd.tier({ region: 'atlantis', date: '2025-06-01', customer: {} }).errors.map((e) => [e.code, e.path]), [['PD_REGION_UNKNOWN', '/region']]);
  });

  test('eligibility: a suspension over six months a year is not eligible, with every reason', () => {
    const r = pd.eligibility(JSON.parse(ELIGIBILITY.request));
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    assert.equal(r.result.decision, 'not_eligible');
    assert.deepEqual(r.result.reasons.map((x) => [x.code, x.decision]), [['EL_SUSPENSION_YEAR_LIMIT', 'not_eligible'], ['EL_SHORT_NOTICE', 'manual_review']]);
    assert.equal(r.result.trace.table, 'eligibility.suspension');
    assert.equal(r.result.trace.hit_policy, 'MAX');
    assert.ok(r.result.supply.some((d) => d.table === 'tariff_structure' && d.outputs.two_part === 'required'));
  });

  test('eligibility: an unknown business and missing facts → the documented codes and paths', () => {
    const unknown = pd.eligibility({ region: 'zhejiang', today: '2025-06-02', business: 'teleport' });
    assert.equal(unknown.ok, false);
    assert.deepEqual(unknown.errors.map((e) => [e.code, e.path]), [['PD_BUSINESS_UNKNOWN', '/business']]);
    const missing = pd.eligibility(golden('eligibility', 'error-missing-facts').request);
    assert.equal(missing.ok, false);
    assert.deepEqual(missing.errors.map((e) => [e.code, e.path]), [['PD_FIELD_MISSING', '/customer/supply_voltage_kv'], ['PD_FIELD_MISSING', '/request/period']]);
  });

  test('validate: every problem of an application at its field, in form order, in one answer', () => {
    const app = JSON.parse(APPLICATION.request);
    assert.equal(pd.validate(app).result.valid, true);
    app.applicant.resident_id = '110105194912310021';
    app.contact.phone = '1381234567';
    app.address.text = '江苏省南京市玄武区中山路1号';
    app.request = { capacity_kva: 15, phases: 1 };
    app.documents = ['resident_id_card'];
    const r = pd.validate(app);
    assert.equal(r.ok, true);
    assert.equal(r.result.valid, false);
    r.result.issues.forEach(assertIssueShape);
    assert.deepEqual(r.result.issues.map((i) => [i.code, i.path]), [
      ['PD_RESIDENT_ID_CHECKSUM', '/applicant/resident_id'],
      ['PD_PHONE_INVALID', '/contact/phone'],
      ['PD_ADDRESS_OUTSIDE_REGION', '/address/text'],
      ['PD_NOT_ELIGIBLE', '/request/phases'],
      ['PD_DOCUMENT_MISSING', '/documents'],
    ]);
    assert.equal(pd.validate('{').ok, false);
  });

  test('process: LV residential accepted before 春节 is due on 2025-02-07', () => {
    const r = pd.process(JSON.parse(PROCESS.request));
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    assert.equal(r.result.business.id, 'new_lv_residential');
    assert.equal(r.result.overall.due, '2025-02-07');
    assert.equal(r.result.overall.overdue, false);
    assert.deepEqual(r.result.packs.map((p) => p.region), ['national', 'beijing']);
    assert.deepEqual(r.result.warnings, []);
  });

  test('process: the catalogue in force, from the object and from the text, sorted by id', () => {
    const fromText = pd.process(CATALOGUE);
    const fromObject = pd.process(JSON.parse(CATALOGUE));
    assert.deepEqual(fromObject, fromText);
    assert.equal(pd.processJson(CATALOGUE), JSON.stringify(fromText));
    assert.equal(fromText.ok, true, JSON.stringify(fromText.errors));
    const ids = fromText.result.businesses.map((b) => b.id);
    assert.equal(ids.length, 29);
    assert.deepEqual(ids, [...ids].sort());
    assert.ok(ids.includes('suspension') && ids.includes('new_hv'));
    assert.deepEqual(fromText.result.packs.map((p) => p.id), ['cn-national-2024', 'zhejiang-2025']);
    for (const b of fromText.result.businesses) assert.equal(b.steps[0].id, 'acceptance', b.id);
  });

  test('process: errors carry the documented codes and paths', () => {
    const order = pd.process(golden('process', 'error-unknown-step-and-early-date').request);
    assert.equal(order.ok, false);
    assert.deepEqual(order.errors.map((e) => [e.code, e.path]), [['PD_FIELD_UNKNOWN', '/completed/sruvey'], ['PD_STEP_ORDER', '/completed/survey']]);
    const unknown = pd.process({ region: 'zhejiang', business: 'teleport', accepted: '2025-06-02' });
    assert.deepEqual(unknown.errors.map((e) => [e.code, e.path]), [['PD_BUSINESS_UNKNOWN', '/business']]);
    // The catalogue form with an application's field.
    const mixed = pd.process({ region: 'zhejiang', date: '2025-06-02', accepted: '2025-06-02' });
    assert.deepEqual(mixed.errors.map((e) => [e.code, e.path]), [['PD_FIELD_MISSING', '/business']]);
  });

  for (const [method] of OPERATIONS.slice(2)) {
    test(`${method} with malformed JSON, undefined or a circular object → ok:false PD_JSON_MALFORMED`, () => {
      const circular = {};
      circular.self = circular;
      for (const request of ['{"region": ', undefined, circular]) {
        let r;
        assert.doesNotThrow(() => {
          r = pd[method](request);
        });
        assert.equal(r.ok, false);
        assert.equal(r.errors[0].code, 'PD_JSON_MALFORMED');
        assertJsonOnly(r);
      }
    });
  }
});

describe('bad input is data, never an exception', () => {
  const zj = () => JSON.parse(ZJ_EXAMPLE);
  const circular = zj();
  circular.self = circular;
  const cases = [
    ['malformed JSON text', '{"region": ', ['PD_JSON_MALFORMED']],
    ['empty text', '', ['PD_JSON_MALFORMED']],
    ['undefined', undefined, ['PD_JSON_MALFORMED']],
    ['null', null, ['PD_FIELD_TYPE']],
    ['a number', 42, ['PD_FIELD_TYPE']],
    ['an array', [], ['PD_FIELD_TYPE']],
    ['only a region', { region: 'zhejiang' }, ['PD_FIELD_MISSING']],
    ['an unknown field', { ...zj(), tarif: 'x' }, ['PD_FIELD_UNKNOWN']],
    ['0.1 + 0.2 kWh as a number', { ...zj(), usage: { kwh_by_period: { peak: 0.1 + 0.2, valley: '1' } } }, ['PD_NUMBER_TOO_PRECISE']],
    ['a non-numeric amount', { ...zj(), usage: { kwh_by_period: { peak: 'lots', valley: '1' } } }, ['PD_NUMBER_INVALID']],
    ['NaN (serialised as null)', { ...zj(), usage: { kwh_by_period: { peak: NaN, valley: '1' } } }, ['PD_FIELD_TYPE']],
    ['an impossible date', { ...zj(), period: { start: '2025-02-30', end: '2025-03-31' } }, ['PD_DATE_INVALID']],
    ['an unknown region', { ...zj(), region: 'atlantis' }, ['PD_REGION_UNKNOWN']],
    ['an unknown tariff', { ...zj(), tariff: 'nope' }, ['PD_TARIFF_UNKNOWN']],
    ['a circular object', circular, ['PD_JSON_MALFORMED']],
    ['a BigInt', { ...zj(), capacity_kva: 10n }, ['PD_JSON_MALFORMED']],
    ['JSON nested 200 deep', '['.repeat(200) + ']'.repeat(200), ['PD_JSON_MALFORMED']],
    // Embind encodes a lone surrogate as ill-formed UTF-8: refused either way.
    ['a lone surrogate in a string', { ...zj(), region: 'zhe\uD800jiang' }, []],
  ];
  for (const [what, request, codes] of cases) {
    test(`bill with ${what} → ok:false ${codes.join(', ') || '(any code)'}`, () => {
      let r;
      assert.doesNotThrow(() => {
        r = pd.bill(request);
      });
      assert.equal(r.ok, false);
      assert.equal(r.api_version, '1');
      assert.ok(r.errors.length >= 1);
      r.errors.forEach(assertIssueShape);
      for (const code of codes) assert.ok(r.errors.some((e) => e.code === code), `expected ${code}, got ${JSON.stringify(r.errors.map((e) => e.code))}`);
      assertJsonOnly(r);
    });
  }

  test('every missing field is listed, each with its path', () => {
    const r = pd.bill({ region: 'zhejiang' });
    assert.equal(r.ok, false);
    const paths = r.errors.filter((e) => e.code === 'PD_FIELD_MISSING').map((e) => e.path);
    assert.ok(paths.includes('/tariff') && paths.includes('/period'), JSON.stringify(paths));
  });

  test('late fee with bad input → ok:false', () => {
    const r = pd.lateFee({ region: 'shanghai', customer_class: 'corporate', paid_date: '2025-13-01', arrears: [] });
    assert.equal(r.ok, false);
    const codes = r.errors.map((e) => e.code);
    assert.ok(codes.includes('PD_ENUM_INVALID') && codes.includes('PD_DATE_INVALID'), JSON.stringify(codes));
  });

  test('a 1 MB junk string → ok:false, and the engine still bills afterwards', () => {
    const r = pd.bill('x'.repeat(1 << 20));
    assert.equal(r.ok, false);
    assert.equal(pd.bill(ZJ_EXAMPLE).result.total, '118.50');
  });
});

describe('packs loaded at run time', () => {
  test('an empty engine refuses the region; after addPack it bills; a second add is a duplicate', async () => {
    const empty = await createPowerDesk({ packs: 'none' });
    try {
      assert.deepEqual(empty.packs(), []);
      assert.deepEqual(empty.packVersions(), {});
      assert.equal(empty.bill(ZJ_EXAMPLE).errors[0].code, 'PD_REGION_UNKNOWN');
      const zj = readFileSync(join(repoRoot, 'rules', 'zhejiang', 'zhejiang-2025.json'), 'utf8');
      assert.deepEqual(empty.addPack(zj, 'zhejiang-2025.json'), { api_version: '1', ok: true });
      assert.equal(empty.packs()[0].file, 'zhejiang-2025.json');
      assert.equal(empty.bill(ZJ_EXAMPLE).result.total, '118.50');
      const again = empty.addPack(zj, 'again.json');
      assert.equal(again.ok, false);
      assert.ok(again.errors.every((e) => e.file === 'again.json'), JSON.stringify(again.errors));
      assert.equal(empty.packs().length, 1);
    } finally {
      empty.dispose();
    }
  });

  test('addPack takes the parsed object too', async () => {
    const empty = await createPowerDesk({ packs: 'none' });
    try {
      const zj = JSON.parse(readFileSync(join(repoRoot, 'rules', 'zhejiang', 'zhejiang-2025.json'), 'utf8'));
      assert.equal(empty.addPack(zj, 'zhejiang-2025.json').ok, true);
      assert.equal(empty.bill(ZJ_EXAMPLE).result.total, '118.50');
    } finally {
      empty.dispose();
    }
  });

  test('a broken pack is returned as issues by addPack, with file and path', () => {
    const r = pd.addPack('{"id": "x"}', 'broken.json');
    assert.equal(r.ok, false);
    assert.ok(r.errors.length >= 3);
    for (const e of r.errors) {
      assertIssueShape(e);
      assert.equal(e.file, 'broken.json');
    }
    assert.ok(r.errors.some((e) => e.code === 'PD_FIELD_MISSING' && e.path === '/region'));
  });

  test('a broken pack at creation throws PowerDeskError whose errors carry file and path', async () => {
    const good = rulePacks().find((p) => p.name === 'zhejiang/zhejiang-2025.json');
    const bad = JSON.parse(good.json);
    bad.id = 'zhejiang-broken';
    bad.version = '2025.9';
    bad.effective = { from: '2026-01-01', to: '2026-12-31' };
    bad.rounding.line_amount = 'sideways';
    const packs = [good, { name: 'zhejiang-broken.json', json: bad }, { name: 'not-json.json', json: '{"id": ' }];
    await assert.rejects(createPowerDesk({ packs }), (e) => {
      assert.ok(e instanceof PowerDeskError, `got ${e}`);
      assert.equal(e.name, 'PowerDeskError');
      assert.match(e.message, /2 of 3 rule pack\(s\) refused/);
      e.errors.forEach(assertIssueShape);
      const files = new Set(e.errors.map((i) => i.file));
      assert.deepEqual([...files].sort(), ['not-json.json', 'zhejiang-broken.json']);
      assert.ok(e.errors.some((i) => i.file === 'zhejiang-broken.json' && i.path.startsWith('/rounding')), JSON.stringify(e.errors));
      assert.ok(e.errors.some((i) => i.file === 'not-json.json' && i.code === 'PD_JSON_MALFORMED'));
      return true;
    });
  });

  test('a packs option of the wrong shape is a TypeError', async () => {
    await assert.rejects(createPowerDesk({ packs: 'all' }), TypeError);
    await assert.rejects(createPowerDesk({ packs: [{ json: '{}' }] }), TypeError);
  });
});

describe('loading', () => {
  test('bad ICU data is a PowerDeskError', async () => {
    await assert.rejects(createPowerDesk({ icuData: new Uint8Array(64) }), (e) => {
      assert.ok(e instanceof PowerDeskError);
      assert.match(e.message, /ICU/);
      assert.equal(e.errors[0].code, 'PD_FILE_UNREADABLE');
      return true;
    });
  });

  test('a missing file is a PowerDeskError naming it', async () => {
    await assert.rejects(createPowerDesk({ locateFile: (f, dir) => join(dir, `missing-${f}`) }), (e) => {
      assert.ok(e instanceof PowerDeskError);
      assert.equal(e.errors[0].code, 'PD_FILE_UNREADABLE');
      assert.match(e.errors[0].file, /missing-powerdesk-/);
      return true;
    });
  });

  test('icuData and wasmBinary given as bytes are used', async () => {
    const wasmBinary = readFileSync(join(distDir, 'powerdesk-core-node.wasm'));
    const icuData = readFileSync(join(distDir, 'powerdesk-icu.dat'));
    const own = await createPowerDesk({ wasmBinary, icuData: icuData.buffer.slice(icuData.byteOffset, icuData.byteOffset + icuData.byteLength), locateFile: () => '/nonexistent' });
    try {
      assert.equal(own.bill(ZJ_EXAMPLE).result.total_uppercase, '壹佰壹拾捌元伍角整');
    } finally {
      own.dispose();
    }
  });
});

test('no value in any response is a BigInt; the raw texts are strings', () => {
  assertJsonOnly(pd.packs());
  assertJsonOnly(pd.packVersions());
  assertJsonOnly(pd.bill(ZJ_EXAMPLE));
  assertJsonOnly(pd.bill({ region: 'zhejiang' }));
  assertJsonOnly(pd.lateFee(LATE_FEE_EXAMPLE));
  assertJsonOnly(pd.addPack('{}', 'empty.json'));
  assertJsonOnly(pd.tier(TIER.request));
  assertJsonOnly(pd.eligibility(ELIGIBILITY.request));
  assertJsonOnly(pd.process(PROCESS.request));
  assertJsonOnly(pd.process(CATALOGUE));
  assert.equal(typeof pd.billJson(ZJ_EXAMPLE), 'string');
  assert.equal(typeof pd.lateFeeJson(LATE_FEE_EXAMPLE), 'string');
  for (const [method, text] of [['tierJson', TIER.request], ['eligibilityJson', ELIGIBILITY.request], ['processJson', PROCESS.request]]) {
    assert.equal(typeof pd[method](text), 'string', method);
  }
});

test('the engine is frozen and has exactly the documented members', () => {
  assert.ok(Object.isFrozen(pd));
  const expected = ['apiVersion', 'packs', 'packVersions', 'addPack', ...OPERATIONS.flat(), 'loadTextData', 'disposed', 'dispose'];
  assert.deepEqual(Object.keys(pd).sort(), expected.sort());
  for (const [method, json] of OPERATIONS) {
    assert.equal(typeof pd[method], 'function', method);
    assert.equal(typeof pd[json], 'function', json);
  }
});

test('dispose frees the engine; later calls throw PowerDeskError; dispose is idempotent', async () => {
  const local = await createPowerDesk({ packs: 'none' });
  assert.equal(local.disposed, false);
  local.dispose();
  assert.equal(local.disposed, true);
  assert.doesNotThrow(() => local.dispose());
  for (const [method, json] of OPERATIONS) {
    assert.throws(() => local[method]('{}'), PowerDeskError, method);
    assert.throws(() => local[json]('{}'), PowerDeskError, json);
  }
  assert.throws(() => local.bill(ZJ_EXAMPLE), PowerDeskError);
  assert.throws(() => local.packs(), PowerDeskError);
  assert.throws(() => local.addPack('{}', 'x.json'), PowerDeskError);
});

test('creating engines leaves no process listeners behind (they would keep every module alive)', async () => {
  const count = () => process.listenerCount('uncaughtException') + process.listenerCount('unhandledRejection');
  const before = count();
  const e = await createPowerDesk({ packs: 'none' });
  e.dispose();
  assert.equal(count(), before);
});

test('many engines can be created and disposed in one process', async () => {
  for (let i = 0; i < 5; i++) {
    const e = await createPowerDesk();
    assert.equal(e.bill(ZJ_EXAMPLE).result.total, '118.50');
    e.dispose();
  }
});

test('loadTextData() loads powerdesk-icu-text.dat once; bills never need it', async () => {
  // The shared engine has billed already without it (see the tests above).
  await pd.loadTextData();
  await pd.loadTextData();  // the second call is a no-op, not a second install
  assert.equal(pd.bill(JSON.parse(readFileSync(join(repoRoot, 'docs/examples/bill-zhejiang-residential-tou.json'), 'utf8'))).result.total, '118.50');
  const { createPowerDesk } = await loadNodeEntry();
  const missing = await createPowerDesk({
    locateFile: (file, dir) => (file === 'powerdesk-icu-text.dat' ? join(dir, 'no-such-file.dat') : join(dir, file)),
  });
  await assert.rejects(missing.loadTextData(), (e) => e.name === 'PowerDeskError' && e.errors[0].code === 'PD_FILE_UNREADABLE');
  missing.dispose();
});
