// The peers on the workloads gen.mjs wrote, timed the same way as PowerDesk
// (a warm-up pass, then whole passes for at least MIN_SECONDS of CPU time),
// their answers checked against PowerDesk's, and one table of rates and ratios:
//   node tests/bench/peers/run.mjs <node_modules dir> <workload dir> <native.json> <wasm.json> <today>
// Prints the table and the agreement reports; writes them to <workload dir>/report.md.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [modules, dir, nativeFile, wasmFile, today] = process.argv.slice(2);
const require = createRequire(path.resolve(modules) + '/');
const load = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
const native = JSON.parse(fs.readFileSync(nativeFile, 'utf8'));
const wasm = JSON.parse(fs.readFileSync(wasmFile, 'utf8'));
// Process CPU seconds (user + system, every thread), as peer_bench.cpp counts them.
const MIN_SECONDS = 1.0;
const MAX_SECONDS = 20;  // a peer slower than this stops early, on part of the workload
const cpuSeconds = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

const lines = [];
const say = (s = '') => { lines.push(s); console.log(s); };
const progress = (s) => process.stderr.write(`  peers: ${s}\n`);

// Reading the CPU clock costs about a microsecond, as much as some peers'
// whole call, so within a pass it is read after 1, 2, 4 … 1024 items, then
// every 1024 (only to stop a slow peer at MAX_SECONDS).
const timeToCheck = (n) => (n <= 1024 ? (n & (n - 1)) === 0 : n % 1024 === 0);

// Answers of the first pass and items per second. `fn` may be async; `onPass`
// runs before each pass (to drop a peer's own result cache). The warm-up is
// one pass too (or MAX_SECONDS of it).
async function measure(items, fn, onPass = () => {}) {
  const pass = async (answers) => {
    onPass();
    const start = cpuSeconds();
    let n = 0;
    for (const item of items) {
      const a = await fn(item);
      if (answers) answers.push(a);
      if (timeToCheck(++n) && cpuSeconds() - start > MAX_SECONDS) break;
    }
    return n;
  };
  await pass(null);
  const answers = [];
  const start = cpuSeconds();
  let n = await pass(answers);
  let done = n;
  while (n === items.length && cpuSeconds() - start < MIN_SECONDS) {
    n = await pass(null);
    done += n;
  }
  return { rate: done / (cpuSeconds() - start), answers };
}

const results = [];  // rows of the ratio table
const agreement = [];  // one line per workload and peer
function row(workload, pdKey, peer, m, unit) {
  results.push({ workload, native: native.rates[pdKey], wasm: wasm.rates[pdKey], peer, rate: m.rate, unit });
}
function agree(workload, peer, theirs, ours, same = (a, b) => JSON.stringify(a) === JSON.stringify(b)) {
  let ok = 0;
  const differ = [];
  theirs.forEach((a, i) => (same(a, ours[i]) ? ok++ : differ.push(i)));
  agreement.push({ workload, peer, checked: theirs.length, of: ours.length, ok, differ });
  return differ;
}

// PowerDesk native and WASM must give the same answers before anything else.
for (const k of ['star', 'first', 'collect', 'bills', 'ids', 'pinyin']) {
  if (JSON.stringify(native[k]) !== JSON.stringify(wasm[k])) throw new Error(`PowerDesk native and WASM disagree on ${k}`);
}

// ── decision tables ──
const { ZenEngine } = require('@gorules/zen-engine');
const { Engine: RulesEngine } = require('json-rules-engine');
const zen = new ZenEngine();

function jreEngine(spec) {
  const e = new RulesEngine([], { allowUndefinedFacts: false });
  for (const r of spec.rules) e.addRule(r);
  return async (facts) => {
    const { events } = await e.run(facts);
    if (spec.policy === 'COLLECT') return events.map((ev) => ev.params.value).sort((a, b) => a - b);
    if (events.length === 0) return spec.default;
    if (spec.policy === 'MAX') return events.map((ev) => ev.params.value).reduce((a, b) => (spec.rank.indexOf(b) > spec.rank.indexOf(a) ? b : a));
    return events.reduce((a, b) => (b.params.row < a.params.row ? b : a)).params.value;  // FIRST
  };
}
const zenOut = (policy) => (result) =>
  policy === 'COLLECT' ? result.map((r) => Number(r.out)).sort((a, b) => a - b) : policy === 'star' ? result.tier : Number(result.out);

const starFacts = load('star.customers.json').map((c) => ({ ...c, annual_kwh: Number(c.annual_kwh), supply_voltage_kv: Number(c.supply_voltage_kv) }));
const tables = [
  { workload: 'star tier (national table, MAX, 14 rows)', name: 'star', facts: starFacts, policy: 'star', pd: ['star_typed', 'star_facade'] },
  { workload: 'first-hit table, 5000 rows', name: 'first', facts: load('first.facts.json'), policy: 'FIRST', pd: ['first'] },
  { workload: 'collect table, 16 rows', name: 'collect', facts: load('collect.facts.json'), policy: 'COLLECT', pd: ['collect'] },
];
for (const t of tables) {
  progress(t.name);
  const decision = zen.createDecision(load(`${t.name}.zen.json`));
  const out = zenOut(t.policy);
  const z = await measure(t.facts, async (f) => out((await decision.evaluate(f)).result));
  const jre = jreEngine(load(`${t.name}.jre.json`));
  const j = await measure(t.facts, jre);
  for (const key of t.pd) {
    const label = key === 'star_typed' ? `${t.workload} — PowerDesk typed batch` : key === 'star_facade' ? `${t.workload} — PowerDesk JSON facade` : t.workload;
    row(label, key, '@gorules/zen-engine', z, 'evaluations');
    row(label, key, 'json-rules-engine', j, 'evaluations');
  }
  agree(t.workload, '@gorules/zen-engine', z.answers, native[t.name]);
  agree(t.workload, 'json-rules-engine', j.answers, native[t.name]);
}

// ── bills: the same hourly profiles, the same prices, tiers and TOU windows ──
progress('bills');
const { RateCalculator, LoadProfile } = require('@bellawatt/electric-rate-engine');
RateCalculator.shouldValidate = false;  // its validation only logs; not part of a bill
const tariffs = load('bills.tariffs.json');
const profiles = load('bills.profiles.json');
const requests = load('bills.requests.json');
const seasonBases = (t) => Array.from({ length: 12 }, (_, m) =>
  t.tiers.seasonal_bases.find((s) => s.months.includes(m + 1)).bases.map(Number));
function tierComponents(t, charges) {
  const bases = seasonBases(t);
  return charges.map((charge, k) => ({
    name: `tier ${k + 1}`, charge,
    min: bases.map((b) => (k === 0 ? 0 : b[k - 1])),
    max: bases.map((b) => (k === b.length ? Infinity : b[k])),
  }));
}
const hoursOf = (period) => {
  const hs = [];
  for (const w of tariffs.schedule.seasons[0].windows) {
    if (w.period !== period) continue;
    for (let h = Number(w.from.slice(0, 2)); h < Number(w.to.slice(0, 2)); h++) hs.push(h);
  }
  return hs;
};
const rateElements = {
  residential: [{ rateElementType: 'BlockedTiersInMonths', name: 'energy',
    rateComponents: tierComponents(tariffs.residential, tariffs.residential.prices.flat.map(Number)) }],
  residential_tou: [
    { rateElementType: 'EnergyTimeOfUse', name: 'energy', rateComponents: ['peak', 'flat', 'valley'].map((p) => ({
      name: p, charge: Number(tariffs.residential_tou.tou_prices[p]), months: [...Array(12).keys()], hourStarts: hoursOf(p) })) },
    { rateElementType: 'BlockedTiersInMonths', name: 'tier markups',
      rateComponents: tierComponents(tariffs.residential_tou, tariffs.residential_tou.tier_markups.map(Number)) },
  ],
};
const jobs = profiles.flatMap((p, c) => ['residential', 'residential_tou'].map((tariff) => ({ c, tariff, kwh: p.map((v) => v / 100) })));
const bills = await measure(jobs, ({ tariff, kwh }) => {
  const calc = new RateCalculator({ name: tariff, rateElements: rateElements[tariff], loadProfile: new LoadProfile(kwh, { year: 2025 }) });
  const months = Array(12).fill(0);
  for (const el of calc.rateElements()) el.costs().forEach((v, m) => { months[m] += v; });
  return months;
});
// One job is 12 monthly bills.
row('bills: gd-test tiered and tiered + TOU, per monthly bill', 'bill', '@bellawatt/electric-rate-engine', { rate: bills.rate * 12 }, 'bills');
const peerFen = [];
const peerYuan = [];
bills.answers.forEach((months, j) => months.forEach((v, m) => {
  const i = requests.findIndex((r) => r.customer === jobs[j].c && r.tariff === jobs[j].tariff && r.month === m);
  peerFen[i] = Math.round(v * 100);
  peerYuan[i] = v;
}));
const billDiffers = agree('bills (total to the fen)', '@bellawatt/electric-rate-engine', peerFen, native.bills);
// The exact total, for telling why a total differs: integers of 0.01 kWh
// times prices in fen give 0.0001 yuan; rounded half up to the fen once.
const cents = (x) => Math.round(Number(x) * 100);  // every price here has at most 2 decimals
const centi = (x) => Math.round(Number(x) * 100);
function exactFen({ tariff, request }) {
  const t = tariffs[tariff];
  const m = Number(request.period.start.slice(5, 7)) - 1;
  const bases = seasonBases(t)[m].map((b) => b * 100);
  const use = request.usage.kwh_by_period ?? { all: request.usage.kwh };
  const total = Object.values(use).reduce((a, v) => a + centi(v), 0);
  const inTier = [Math.min(total, bases[0]), Math.max(0, Math.min(total, bases[1]) - bases[0]), Math.max(0, total - bases[1])];
  let exact = 0;  // 0.0001 yuan
  if (tariff === 'residential') t.prices.flat.forEach((price, k) => { exact += inTier[k] * cents(price); });
  else {
    for (const [period, v] of Object.entries(use)) exact += centi(v) * cents(t.tou_prices[period]);
    t.tier_markups.forEach((price, k) => { exact += inTier[k] * cents(price); });
  }
  return Math.floor((exact + 50) / 100);
}
const exact = requests.map(exactFen);
agree('bills (total to the fen)', 'exact total, rounded once', exact, native.bills);
agree('bills (total to the fen)', '@bellawatt/electric-rate-engine vs exact total', peerFen, exact);

// ── resident IDs ──
progress('ids');
const idCases = load('ids.json');
const IDValidator = require('id-validator');
const GB2260 = require('id-validator/src/GB2260');
const idValidator = new IDValidator(GB2260);
const idcard = require('idcard');
const validator = require('validator');
const idPeers = [
  ['id-validator', (id) => idValidator.isValid(id), () => { idValidator.cache = {}; }],
  ['idcard', (id) => idcard.verify(id)],
  ['validator', (id) => validator.isIdentityCard(id, 'zh-CN')],
];
const ours = native.ids.map((v) => v === 'ok');
const idAnswers = {};
for (const [name, fn, onPass] of idPeers) {
  const m = await measure(idCases.map((c) => c.id), (id) => Boolean(fn(id)), onPass);
  row('resident IDs (valid and invalid)', 'id', name, m, 'IDs');
  agree('resident IDs (accept/refuse)', name, m.answers, ours);
  idAnswers[name] = m.answers;
}

// ── pinyin ──
progress('pinyin');
const { pinyin } = require('pinyin-pro');
const names = load('names.json');
// Toneless, ü as v, family-name readings; PowerDesk drops spaces and middle dots.
const py = (n) => pinyin(n, { toneType: 'none', v: true, surname: 'head', type: 'array' }).filter((s) => /^[a-z]+$/.test(s)).join(' ');
const p = await measure(names, py);
row('pinyin of names (surname readings, polyphones)', 'pinyin', 'pinyin-pro', p, 'names');
const pinyinDiffers = agree('pinyin of names', 'pinyin-pro', p.answers, native.pinyin);

// ── report ──
const f = (x) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));
const ratio = (a, b) => (a / b >= 10 ? Math.round(a / b).toLocaleString('en-US') : (a / b).toFixed(2)) + '×';
say(`## Peers side by side — ${today}`);
say();
say('| workload | unit | PowerDesk native /s | PowerDesk WASM /s | peer | peer /s | native ÷ peer | WASM ÷ peer |');
say('| --- | --- | ---: | ---: | --- | ---: | ---: | ---: |');
for (const r of results) say(`| ${r.workload} | ${r.unit} | ${f(r.native)} | ${f(r.wasm)} | ${r.peer} | ${f(r.rate)} | ${ratio(r.native, r.rate)} | ${ratio(r.wasm, r.rate)} |`);
say();
say('### Agreement with PowerDesk (PowerDesk native and WASM gave identical answers)');
say();
say('| workload | peer | checked | agree | differ |');
say('| --- | --- | ---: | ---: | ---: |');
for (const a of agreement) say(`| ${a.workload} | ${a.peer} | ${a.checked}${a.checked < a.of ? ` of ${a.of}` : ''} | ${a.ok} | ${a.differ.length} |`);
say();
say(`### Bills: every total that differs from PowerDesk's (${billDiffers.length})`);
say();
if (billDiffers.length) {
  say('Why: "line rounding" — PowerDesk rounds each printed line (tier × period) to the fen and the bill is');
  say('their sum, while the exact total rounded once differs; "float" — the peer\'s floating-point total');
  say('rounds to a different fen than the exact total.');
  say();
  say('| customer | month | tariff | PowerDesk usage | PowerDesk total | peer total (float) | peer rounded | exact total | Δ fen | why |');
  say('| ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const i of billDiffers) {
    const r = requests[i];
    const usage = r.request.usage.kwh ?? Object.entries(r.request.usage.kwh_by_period).map(([k, v]) => `${k} ${v}`).join(', ');
    const why = [native.bills[i] !== exact[i] ? 'line rounding' : '', peerFen[i] !== exact[i] ? 'float' : ''].filter(Boolean).join(' + ');
    say(`| ${r.customer} | ${r.month + 1} | ${r.tariff} | ${usage} | ${(native.bills[i] / 100).toFixed(2)} | ${peerYuan[i]} | ${(peerFen[i] / 100).toFixed(2)} | ${(exact[i] / 100).toFixed(2)} | ${peerFen[i] - native.bills[i]} | ${why} |`);
  }
  say();
}
say('### Resident IDs: accepted, by kind of number');
say();
say(`| kind | count | PowerDesk | ${idPeers.map(([n]) => n).join(' | ')} |`);
say(`| --- | ---: | ---: | ${idPeers.map(() => '---:').join(' | ')} |`);
const kinds = [...new Set(idCases.map((c) => c.kind))];
for (const k of kinds) {
  const idx = idCases.flatMap((c, i) => (c.kind === k ? [i] : []));
  const count = (arr) => idx.filter((i) => arr[i]).length;
  const codes = [...new Set(idx.map((i) => native.ids[i]))].join(', ');
  say(`| ${k} | ${idx.length} | ${count(ours)} (${codes}) | ${idPeers.map(([n]) => count(idAnswers[n])).join(' | ')} |`);
}
say();
say(`### Pinyin: every name that differs (${pinyinDiffers.length} of ${names.length})`);
say();
if (pinyinDiffers.length) {
  say('| name | PowerDesk | pinyin-pro |');
  say('| --- | --- | --- |');
  for (const i of pinyinDiffers) say(`| ${names[i]} | ${native.pinyin[i]} | ${p.answers[i]} |`);
}
fs.writeFileSync(path.join(dir, 'report.md'), lines.join('\n') + '\n');
zen.dispose();
