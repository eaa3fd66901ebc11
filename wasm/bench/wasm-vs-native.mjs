// Time per bill through the JSON facade on the golden bill workload
// (every tests/golden/bill/*.request.json, with the frozen packs of
// tests/packs/), in node over WASM, and natively in the same run by spawning
// build/native-release/tests/powerdesk_golden_bench (which prints
// `ns_per_bill <number>` for the same workload). Aim: WASM within 2× native.
// Prints figures; not a test.
//
//   node wasm/bench/wasm-vs-native.mjs [seconds per round]     # default 0.5 s, 7 rounds
//   POWERDESK_NATIVE_GOLDEN_BENCH=path/to/powerdesk_golden_bench  selects the native program
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { frozenPacks, goldenCases, loadNodeEntry, repoRoot } from '../test/dist.mjs';

const ROUNDS = 7;
const seconds = Number(process.argv[2] ?? 0.5);
const nativeBench = process.env.POWERDESK_NATIVE_GOLDEN_BENCH
  ? resolve(process.env.POWERDESK_NATIVE_GOLDEN_BENCH)
  : join(repoRoot, 'build', 'native-release', 'tests', 'powerdesk_golden_bench');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ── WASM in node ──
const { createPowerDesk } = await loadNodeEntry();
const pd = await createPowerDesk({ packs: frozenPacks() });
const requests = goldenCases().filter((c) => c.operation === 'bill').map((c) => c.request);
const okCount = requests.filter((r) => pd.bill(r).ok).length;

function round(targetMs) {
  let bills = 0;
  let sink = 0;
  const start = performance.now();
  let now = start;
  while (now - start < targetMs) {
    for (const r of requests) sink += pd.billJson(r).length;
    bills += requests.length;
    now = performance.now();
  }
  if (sink === 0) throw new Error('no output');
  return ((now - start) * 1e6) / bills;
}

round(Math.min(300, seconds * 1000)); // warm-up (JIT, ICU caches)
const wasmRounds = Array.from({ length: ROUNDS }, () => round(seconds * 1000));
const wasmNs = median(wasmRounds);
pd.dispose();

console.log(`workload: ${requests.length} golden bill requests (${okCount} bill, ${requests.length - okCount} refused), frozen packs, JSON in → canonical JSON out`);
console.log(`wasm (node ${process.version}): ${wasmNs.toFixed(0)} ns/bill  (median of ${ROUNDS} rounds of ${seconds} s; min ${Math.min(...wasmRounds).toFixed(0)}, max ${Math.max(...wasmRounds).toFixed(0)})`);

// ── native ──
if (!existsSync(nativeBench)) {
  console.log(`native: NOT MEASURED — ${nativeBench} does not exist (build it: cmake --build --preset native-release, target powerdesk_golden_bench; or set POWERDESK_NATIVE_GOLDEN_BENCH)`);
  console.log('ratio: n/a');
  process.exit(0);
}
const run = spawnSync(nativeBench, [], { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 });
const match = /ns_per_bill\s+([0-9.eE+-]+)/.exec(run.stdout ?? '');
if (run.status !== 0 || !match) {
  console.log(`native: FAILED — ${nativeBench} exited ${run.status ?? run.signal}; output:\n${(run.stdout ?? '') + (run.stderr ?? '')}`);
  console.log('ratio: n/a');
  process.exit(1);
}
const nativeNs = Number(match[1]);
const ratio = wasmNs / nativeNs;
console.log(`native: ${nativeNs.toFixed(0)} ns/bill  (${nativeBench.replace(repoRoot + '/', '')})`);
console.log(`ratio wasm/native: ${ratio.toFixed(2)}×  (aim ≤ 2×: ${ratio <= 2 ? 'met' : 'NOT met'})`);
