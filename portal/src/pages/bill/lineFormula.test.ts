import { describe, expect, it } from 'vitest';
import type { BillLine } from '@powerdesk/core';
import { lineFormula } from './lineFormula';

const base = { code: 'x', kind: 'energy', label: { zh: '', en: '' }, explanation: { zh: '', en: '' }, rule: { document: '', date: '' }, part: 0, block: 'main' };

describe('line formula', () => {
  it('reads quantity × price = amount (golden res-zj-tou-facts-example-a, first line)', () => {
    expect(lineFormula({ ...base, quantity: '96', unit: 'kWh', unit_price: '0.568', amount: '54.53' } as BillLine, '元')).toBe('96 kWh × 0.568 元/kWh = ¥54.53');
    expect(lineFormula({ ...base, quantity: '1250', unit: 'kVA', unit_price: '30', amount: '37500.00' } as BillLine, 'CNY')).toBe('1,250 kVA × 30 CNY/kVA = ¥37,500.00');
  });
  it('reads a power-factor line as base × percent and a money adjustment as its amount', () => {
    expect(lineFormula({ ...base, base: '1000.00', percent: '-0.75', amount: '-7.50' } as BillLine, '元')).toBe('¥1,000.00 × -0.75% = -¥7.50');
    expect(lineFormula({ ...base, amount: '-20.00' } as BillLine, '元')).toBe('-¥20.00');
  });
});
