// Time per quote through the JSON facade in node over WASM: every golden
// quote and compare request that succeeds (tests/golden/{quote,compare}),
// on the real packs in rules/. Aims (issue 6): ≤ 1 ms per quote so a quote
// follows typing; ≤ 5 ms for the contract-demand optimiser. Prints figures;
// not a test.
//
//   node wasm/bench/quotes.mjs [seconds per case]     # default 0.3 s, median of 5 rounds
import { performance } from 'node:perf_hooks';
import { goldenCases, loadNodeEntry, realPacks } from '../test/dist.mjs';

const ROUNDS = 5;
const seconds = Number(process.argv[2] ?? 0.3);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const { createPowerDesk } = await loadNodeEntry();
const pd = await createPowerDesk({ packs: realPacks() });
const call = (c) => (c.operation === 'compare' ? pd.compareJson(c.request) : pd.quoteJson(c.request));
const cases = goldenCases().filter((c) => (c.operation === 'quote' || c.operation === 'compare') && JSON.parse(call(c)).ok);

function round(c, targetMs) {
  let n = 0;
  let sink = 0;
  const start = performance.now();
  let now = start;
  while (now - start < targetMs) {
    sink += call(c).length;
    n += 1;
    now = performance.now();
  }
  if (sink === 0) throw new Error('no output');
  return ((now - start) * 1000) / n;  // µs per call
}

console.log(`wasm (node ${process.version}), real packs, JSON in → canonical JSON out; µs per call, median of ${ROUNDS} rounds of ${seconds} s`);
const rows = [];
for (const c of cases) {
  round(c, 50);  // warm-up
  const us = median(Array.from({ length: ROUNDS }, () => round(c, seconds * 1000)));
  const kind = c.operation === 'compare' ? 'compare' : JSON.parse(c.request).kind;
  rows.push({ name: c.name, kind, us });
  console.log(`${c.name.padEnd(48)} ${kind.padEnd(16)} ${us.toFixed(0).padStart(7)} µs`);
}
const worst = (pred) => Math.max(...rows.filter(pred).map((r) => r.us));
console.log(`slowest month quote: ${worst((r) => !r.name.includes('year')).toFixed(0)} µs; slowest year quote: ${worst((r) => r.name.includes('year')).toFixed(0)} µs; contract_demand: ${worst((r) => r.kind === 'contract_demand').toFixed(0)} µs`);
pd.dispose();
