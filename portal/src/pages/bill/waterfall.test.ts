import { describe, expect, it } from 'vitest';
import type { Bill, BillLine } from '@powerdesk/core';
import { waterfall } from './waterfall';
import { fromFen, toFen } from './exact';

function line(code: string, amount: string, block = 'main'): BillLine {
  return { code, kind: 'energy', label: { zh: code, en: code }, explanation: { zh: '', en: '' }, amount,
    rule: { document: '', date: '' }, part: 0, block };
}
function bill(total: string, lines: BillLine[]): Bill {
  return { total, lines } as unknown as Bill;
}

describe('waterfall', () => {
  // This period: the facts-sheet example A (tests/golden/bill/res-zj-tou-facts-example-a): 118.50.
  const current = bill('118.50', [line('energy.tier1.peak', '54.53'), line('energy.tier1.valley', '18.43'),
    line('energy.tier2.peak', '33.37'), line('energy.tier2.valley', '12.17')]);
  const previous = bill('93.25', [line('energy.tier1.peak', '68.16'), line('energy.tier1.valley', '25.09')]);

  it('gives one step per line with the exact difference', () => {
    const w = waterfall(previous, current);
    expect(w.difference).toBe('25.25');
    expect(w.steps.map((s) => [s.key, s.delta])).toEqual([
      ['main|energy.tier1.peak', '-13.63'],
      ['main|energy.tier1.valley', '-6.66'],
      ['main|energy.tier2.peak', '33.37'],
      ['main|energy.tier2.valley', '12.17'],
    ]);
  });

  it('steps chain from the last total to this total and sum to the difference', () => {
    const w = waterfall(previous, current);
    expect(w.steps[0]!.from).toBe('93.25');
    expect(w.steps.at(-1)!.to).toBe('118.50');
    for (let i = 1; i < w.steps.length; i++) expect(w.steps[i]!.from).toBe(w.steps[i - 1]!.to);
    expect(fromFen(w.steps.reduce((s, x) => s + toFen(x.delta), 0n))).toBe(w.difference);
  });

  it('counts lines only last period had, sums repeated codes and skips unchanged lines', () => {
    const prev = bill('10.00', [line('energy.flat', '4.00'), line('energy.flat', '3.00'), line('funds.flat', '3.00')]);
    const cur = bill('7.00', [line('energy.flat', '7.00')]);
    const w = waterfall(prev, cur);
    expect(w.steps.map((s) => [s.key, s.delta])).toEqual([['main|funds.flat', '-3.00']]);
  });

  it('keeps blocks apart and lands on the total even if it differs from the lines', () => {
    const prev = bill('1.00', [line('energy.flat', '1.00', 'sub:a')]);
    const cur = bill('1.05', [line('energy.flat', '1.00', 'main')]);
    const w = waterfall(prev, cur);
    expect(w.steps.map((s) => [s.key, s.delta])).toEqual([['main|energy.flat', '1.00'], ['sub:a|energy.flat', '-1.00'], ['other', '0.05']]);
  });
});
