// Writes every workload of the peers benchmark into one folder, from one
// fixed seed, so PowerDesk (native and WASM) and the npm peers read the very
// same rows, facts, bills, ID numbers and names:
//   node tests/bench/peers/gen.mjs <repo root> <out dir>
// Each decision table is written three times from one in-memory form:
// PowerDesk's pack JSON, a GoRules JDM graph and json-rules-engine rules.
import fs from 'node:fs';
import path from 'node:path';
import { tableToZen, tableToJre } from './translate.mjs';

const [root, out] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const write = (name, value) => fs.writeFileSync(path.join(out, name), JSON.stringify(value));

// mulberry32: a small deterministic generator; integers only.
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}
const g = rng(20250601);

// ── star tier: the real national table, 4096 customers ──
const national = JSON.parse(fs.readFileSync(path.join(root, 'rules/national/cn-national-2024.json'), 'utf8'));
const star = national.decision_tables.star_tier;
const levels = ['none', 'municipal', 'provincial', 'national'];
const specials = ['none', 'military', 'airport', 'high_risk_other', 'affordable_housing', 'hope_school',
  'livelihood_other', 'flood_relief'];
// Boundaries on purpose: 1e7, 1e8, 2e8 kWh exactly and a Wh below each.
const kwhEdges = ['10000000', '9999999.999', '100000000', '99999999.999', '200000000', '199999999.999'];
const customers = [];
for (let i = 0; i < 4096; i++) {
  const kwh = g.int(8) === 0 ? g.pick(kwhEdges) : String(g.int(300000000)) + (g.int(2) ? '' : '.' + String(g.int(1000)).padStart(3, '0'));
  customers.push({
    existing_customer: g.int(10) !== 0,
    annual_kwh: kwh,
    has_arrears: g.int(8) === 0,
    credit_rating: g.pick(['excellent', 'good', 'fair', 'poor']),
    project_level: g.int(5) === 0 ? g.pick(levels) : 'none',
    park_level: g.int(5) === 0 ? g.pick(levels) : 'none',
    supply_voltage_kv: g.pick(['0.4', '10', '20', '35', '66', '110', '220', '10', '34.999']),
    special_category: g.int(10) === 0 ? g.pick(specials) : 'none',
  });
}
write('star.customers.json', customers);
write('star.zen.json', tableToZen(star));
write('star.jre.json', tableToJre(star));

// ── generated tables: FIRST (5000 rows, default −1) and COLLECT (16 rows) ──
// The same shape as tests/bench/decision_bench.cpp: ranges on kwh and age,
// an optional enum list and an optional score threshold.
const kinds = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const cite = { explanation: { zh: '说明', en: 'why' }, citation: { document: 'bench', date: '2025-01-01' } };
function makeTable(rows, policy) {
  const t = { label: { zh: '基准', en: 'bench' }, facts: 'bench_facts', hit_policy: policy,
    inputs: ['kwh', 'age', 'kind', 'score'], outputs: [{ name: 'out', type: 'integer' }], rows: [] };
  if (policy === 'FIRST') t.default = { then: { out: -1 }, ...cite };
  for (let i = 0; i < rows; i++) {
    const lo = g.int(1000000);
    const when = { kwh: { '>=': lo, '<': lo + 1 + g.int(50000) }, age: { between: [g.int(50), 50 + g.int(950)] } };
    if (g.int(2)) when.kind = [g.pick(kinds), g.pick(kinds)];
    if (g.int(3) === 0) when.score = { '>': g.int(100000) };
    t.rows.push({ id: `r${i}`, when, then: { out: i }, ...cite });
  }
  return t;
}
// Half the facts are random (kwh reaches past the last range, so some hit no
// row); half are aimed inside a random row's kwh and age ranges.
function makeFacts(n, t) {
  const f = [];
  for (let i = 0; i < n; i++) {
    const fact = { kwh: g.int(1050000), age: g.int(1000), kind: g.pick(kinds), score: g.int(100000) };
    if (g.int(2)) {
      const w = g.pick(t.rows).when;
      fact.kwh = w.kwh['>='] + g.int(w.kwh['<'] - w.kwh['>=']);
      fact.age = w.age.between[0] + g.int(w.age.between[1] - w.age.between[0] + 1);
    }
    f.push(fact);
  }
  return f;
}
for (const [name, rows, policy] of [['first', 5000, 'FIRST'], ['collect', 16, 'COLLECT']]) {
  const t = makeTable(rows, policy);
  write(`${name}.pd.json`, { decision_tables: { t } });
  write(`${name}.zen.json`, tableToZen(t));
  write(`${name}.jre.json`, tableToJre(t));
  write(`${name}.facts.json`, makeFacts(4096, t));
}

// ── bills: Guangdong test pack, tiered (residential) and tiered + TOU ──
// One hourly load profile per customer for 2025 (kWh to 0.01, as integers of
// 0.01 kWh here so the PowerDesk side sums exactly); each month is one bill.
const gd = JSON.parse(fs.readFileSync(path.join(root, 'tests/packs/gd-test-2024.json'), 'utf8'));
const hoursInYear = 365 * 24;
const profiles = [];
for (let c = 0; c < 60; c++) {
  const scale = 20 + g.int(120);  // household size: 0.2–1.4 kWh an hour on average
  const p = new Array(hoursInYear);
  for (let h = 0; h < hoursInYear; h++) {
    const hour = h % 24;
    const shape = hour < 7 ? 40 : hour < 18 ? 90 : hour < 23 ? 160 : 70;
    p[h] = Math.floor((scale * shape * (50 + g.int(100))) / 10000);  // 0.01 kWh
  }
  profiles.push(p);
}
write('bills.profiles.json', profiles);
// PowerDesk's requests: each month's kWh, and its kWh in each TOU period of
// the pack's schedule, summed exactly (integers of 0.01 kWh).
const windows = gd.tou_schedules.residential.seasons[0].windows;
const periodOfHour = (h) => windows.find((w) => Number(w.from.slice(0, 2)) <= h && h < Number(w.to.slice(0, 2))).period;
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad2 = (n) => String(n).padStart(2, '0');
const kwh = (centi) => `${Math.floor(centi / 100)}.${pad2(centi % 100)}`;
const requests = [];
profiles.forEach((p, c) => {
  let h = 0;
  monthDays.forEach((days, m) => {
    const byPeriod = { peak: 0, flat: 0, valley: 0 };
    for (let i = 0; i < days * 24; i++, h++) byPeriod[periodOfHour(i % 24)] += p[h];
    const total = byPeriod.peak + byPeriod.flat + byPeriod.valley;
    const period = { start: `2025-${pad2(m + 1)}-01`, end: `2025-${pad2(m + 1)}-${days}` };
    requests.push({ customer: c, month: m, tariff: 'residential',
      request: { region: 'gd-test', tariff: 'residential', period, usage: { kwh: kwh(total) } } });
    requests.push({ customer: c, month: m, tariff: 'residential_tou',
      request: { region: 'gd-test', tariff: 'residential_tou', period, usage: { kwh_by_period:
        { peak: kwh(byPeriod.peak), flat: kwh(byPeriod.flat), valley: kwh(byPeriod.valley) } } } });
  });
});
write('bills.requests.json', requests);
write('bills.tariffs.json', { residential: gd.tariffs.residential, residential_tou: gd.tariffs.residential_tou,
  schedule: gd.tou_schedules.residential });

// ── resident IDs: valid ones and each kind of invalid one ──
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const check = (s17) => '10X98765432'[[...s17].reduce((a, d, i) => a + Number(d) * weights[i], 0) % 11];
const currentCodes = national.divisions.current.map(([c]) => c).filter((c) => !c.endsWith('00'));
const abolishedCodes = national.divisions.abolished.map(([c]) => c).filter((c) => !c.endsWith('00'));
const known = new Set([...national.divisions.current, ...national.divisions.abolished].map(([c]) => c));
const pad = (n, w) => String(n).padStart(w, '0');
const seq = () => pad(g.int(1000), 3);
const date = (y0, y1) => `${y0 + g.int(y1 - y0)}${pad(1 + g.int(12), 2)}${pad(1 + g.int(28), 2)}`;
const withCheck = (s17) => s17 + check(s17);
function unknownCode() {
  for (;;) {
    const c = g.pick(currentCodes).slice(0, 2) + pad(g.int(10000), 4);
    if (!known.has(c)) return c;
  }
}
const ids = [];
const add = (kind, id) => ids.push({ kind, id });
for (let i = 0; i < 400; i++) {
  add('valid', withCheck(g.pick(currentCodes) + date(1930, 2020) + seq()));
  add('valid_abolished_code', withCheck(g.pick(abolishedCodes) + date(1930, 1999) + seq()));
  let upperX;
  do upperX = withCheck(g.pick(currentCodes) + date(1930, 2020) + seq()); while (!upperX.endsWith('X'));
  add('valid_lowercase_x', upperX.toLowerCase());
  const good = withCheck(g.pick(currentCodes) + date(1930, 2020) + seq());
  const wrong = '0123456789X'.replace(good[17], '');
  add('bad_check_char', good.slice(0, 17) + wrong[g.int(wrong.length)]);
  add('bad_date_feb30', withCheck(g.pick(currentCodes) + `${1950 + g.int(60)}0230` + seq()));
  add('bad_date_month13', withCheck(g.pick(currentCodes) + `${1950 + g.int(60)}13${pad(1 + g.int(28), 2)}` + seq()));
  add('bad_date_feb29_common_year', withCheck(g.pick(currentCodes) + `${g.pick([1950, 1991, 2001, 2019])}0229` + seq()));
  add('birth_in_future', withCheck(g.pick(currentCodes) + date(2030, 2090) + seq()));
  add('birth_before_1900', withCheck(g.pick(currentCodes) + date(1850, 1899) + seq()));
  add('unknown_division', withCheck(unknownCode() + date(1950, 2010) + seq()));
  add('bad_province', withCheck(pad(g.pick([0, 10, 20, 24, 38, 40, 55, 60, 66, 70, 80, 90, 99]), 2) + pad(g.int(10000), 4) + date(1950, 2010) + seq()));
  add('wrong_length', good.slice(0, 17 - g.int(3)));
  add('letter_inside', good.slice(0, 10) + 'A' + good.slice(11));
}
write('ids.json', ids);

// ── names for transliteration: common names and polyphonic surnames/words ──
const names = [
  '张伟', '王芳', '李娜', '刘洋', '陈静', '杨勇', '黄磊', '赵敏', '吴婷', '周杰',
  '徐明', '孙丽', '马超', '朱琳', '胡军', '郭靖', '何平', '高峰', '林涛', '罗兰',
  '吕布', '吕雪', '女娲', '虞姬', '褚英', '闵行', '绿萍', '俞敏洪', '于谦', '余华',
  // family names read differently from the common word
  '单田芳', '曾国藩', '解缙', '仇英', '区志坚', '朴树', '查良镛', '盖聂', '乐嘉', '华罗庚',
  '覃雪梅', '翟志刚', '缪可', '种师道', '召忠', '纪晓岚', '任我行', '沈括', '秘书长', '尉缭',
  '那英', '繁漪', '牟其中', '员半千', '过兴', '谌龙', '冼星海', '隗嚣', '宿迁', '句芒',
  // compound family names
  '尉迟恭', '万俟卨', '长孙无忌', '欧阳修', '司马光', '诸葛亮', '单于夜', '澹台灭明', '令狐冲', '上官婉儿',
  // polyphones in given names
  '张乐乐', '李长江', '王重阳', '周朝阳', '孙行者', '刘银行', '陈数学', '赵还珠', '钱都市', '孙传芳',
  '李大为', '王了一', '陈着', '黄降龙', '杨得意', '何参', '吴给', '郑和', '冯薄', '蔡长春',
  '阿依·古丽', '买买提·艾力', '完颜阿骨打', '爱新觉罗·玄烨', '石头', '石传', '柏林', '柏杨', '薄熙', '曾经',
];
write('names.json', names);
console.log(`workloads in ${out}: ${customers.length} star customers, 5000+16 table rows, ` +
  `${profiles.length} load profiles (12 bills each, 2 tariffs), ${ids.length} IDs, ${names.length} names`);
