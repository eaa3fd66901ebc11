// Cold start in node: each run is a fresh node process that reads the files,
// instantiates the module, installs the ICU data, loads the bundled packs and
// computes a first (and a second) bill. Prints the median of N runs per
// phase. Prints figures; not a test.
//
//   node wasm/bench/coldstart-node.mjs [N]      # default N = 9
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { distDir, repoRoot, requireDist } from '../test/dist.mjs';

const REQUEST = join(repoRoot, 'docs', 'examples', 'bill-zhejiang-residential-tou.json');

async function child() {
  const t0 = performance.now();
  const { wrap } = await import(pathToFileURL(join(distDir, 'wrap.mjs')).href);
  const createPowerDeskCore = createRequire(import.meta.url)(join(distDir, 'powerdesk-core-node.js'));
  const t1 = performance.now();
  const [wasmBinary, icu] = await Promise.all([
    readFile(join(distDir, 'powerdesk-core-node.wasm')),
    readFile(join(distDir, 'powerdesk-icu.dat')),
  ]);
  const t2 = performance.now();
  const module = await createPowerDeskCore({ wasmBinary });
  const t3 = performance.now();
  // ICU install and an empty engine, then the bundled packs in a second engine.
  wrap(module, icu, { packs: 'none' }).dispose();
  const t4 = performance.now();
  const pd = wrap(module, null, { packs: 'bundled' });
  const t5 = performance.now();
  const request = readFileSync(REQUEST, 'utf8');
  const first = pd.bill(request);
  const t6 = performance.now();
  pd.bill(request);
  const t7 = performance.now();
  if (!first.ok || first.result.total !== '118.50') throw new Error(`unexpected bill: ${JSON.stringify(first)}`);
  const phases = {
    'import JS': t1 - t0,
    'read files': t2 - t1,
    'instantiate': t3 - t2,
    'ICU data': t4 - t3,
    'bundled packs': t5 - t4,
    'first bill': t6 - t5,
    'second bill': t7 - t6,
    'ready + first bill': t6 - t0,
    // From node's own start, including node's boot.
    'process start → first bill': t6,
  };
  process.stdout.write(`${JSON.stringify(phases)}\n`);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function parent() {
  requireDist();
  const n = Number(process.argv[2] ?? process.env.POWERDESK_BENCH_RUNS ?? 9);
  const self = fileURLToPath(import.meta.url);
  const runs = [];
  const wall = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, [self, '--child'], { encoding: 'utf8', env: process.env });
    wall.push(performance.now() - start);
    if (r.status !== 0) {
      console.error(r.stderr || r.stdout);
      process.exit(1);
    }
    runs.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  console.log(`node ${process.version}, ${n} fresh processes, package ${distDir}`);
  console.log('median per phase (min … max), ms:');
  for (const phase of Object.keys(runs[0])) {
    const xs = runs.map((r) => r[phase]);
    console.log(`  ${phase.padEnd(30)}${median(xs).toFixed(1).padStart(8)}   (${Math.min(...xs).toFixed(1)} … ${Math.max(...xs).toFixed(1)})`);
  }
  console.log(`  ${'process wall time (spawn → exit)'.padEnd(30)}${median(wall).toFixed(1).padStart(8)}   (${Math.min(...wall).toFixed(1)} … ${Math.max(...wall).toFixed(1)})`);
}

if (process.argv[2] === '--child') await child();
else parent();
