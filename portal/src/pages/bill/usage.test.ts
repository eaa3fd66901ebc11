import { describe, expect, it } from 'vitest';
import type { Bill, BillLine } from '@powerdesk/core';
import { currentTierPrices, kwhByPeriod } from './usage';

const l = (p: Partial<BillLine>): BillLine => ({ code: 'energy.flat', kind: 'energy', label: { zh: '', en: '' },
  explanation: { zh: '', en: '' }, amount: '0.00', rule: { document: '', date: '' }, part: 0, block: 'main', unit: 'kWh', ...p }) as BillLine;

describe('kWh by period', () => {
  it('sums the energy lines exactly and ignores component and adjustment lines', () => {
    const bill = { lines: [
      l({ code: 'energy.tier1.peak', period: 'peak', quantity: '96', tier: 1 }),
      l({ code: 'energy.tier1.valley', period: 'valley', quantity: '64', tier: 1 }),
      l({ code: 'energy.tier2.peak', period: 'peak', quantity: '54.5', tier: 2 }),
      l({ code: 'transmission.peak', period: 'peak', quantity: '1000' }),
      l({ code: 'adjustment.energy', kind: 'adjustment', quantity: '-300' }),
    ] } as unknown as Bill;
    expect(kwhByPeriod(bill)).toEqual([{ period: 'peak', kwh: '150.5' }, { period: 'valley', kwh: '64' }]);
  });
  it('gives the prices of the current tier, per period', () => {
    const bill = { tier_progress: { tier: 2, used_kwh: '2850', remaining_in_tier_kwh: '1950' }, lines: [
      l({ code: 'energy.tier1.peak', period: 'peak', tier: 1, unit_price: '0.568' }),
      l({ code: 'energy.tier2.peak', period: 'peak', tier: 2, unit_price: '0.618' }),
      l({ code: 'energy.tier2.valley', period: 'valley', tier: 2, unit_price: '0.338' }),
    ] } as unknown as Bill;
    expect(currentTierPrices(bill)).toEqual([{ period: 'peak', price: '0.618' }, { period: 'valley', price: '0.338' }]);
    expect(currentTierPrices({ lines: [] } as unknown as Bill)).toEqual([]);
  });
});
