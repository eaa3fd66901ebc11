import { describe, expect, it } from 'vitest';
import { billRequest, fieldOf, previousRequest } from './form';
import { EXAMPLES } from './examples';

describe('bill form → request', () => {
  it('the default example is the facts-sheet example A request (docs/examples/bill-zhejiang-residential-tou.json)', () => {
    expect(billRequest(EXAMPLES[0]!.form)).toEqual({
      region: 'zhejiang', tariff: 'residential_tou', period: { start: '2025-03-01', end: '2025-03-31' },
      usage: { kwh_by_period: { peak: '150', valley: '100' } }, residential: { carry_in_kwh: '2600' },
    });
  });
  it('meter readings become one main meter; household size is an integer', () => {
    expect(billRequest(EXAMPLES[2]!.form)).toEqual({
      region: 'guangdong', tariff: 'residential', period: { start: '2025-04-16', end: '2025-05-15' },
      meters: [{ registers: { flat: { start: '12345', end: '12705' } } }], residential: { household_size: 5 },
    });
  });
  it('last period keeps the customer and tariff', () => {
    const e = EXAMPLES[1]!;
    expect(previousRequest(e.form, e.previous)).toEqual({
      region: 'zhejiang', tariff: 'residential', period: { start: '2025-04-01', end: '2025-04-30' },
      usage: { kwh: '240' }, residential: { carry_in_kwh: '2260' },
    });
  });
  it('maps issue paths to fields', () => {
    expect(fieldOf('/usage/kwh_by_period/peak')).toBe('periods.peak');
    expect(fieldOf('/meters/0/registers/flat/end')).toBe('readings.flat.end');
    expect(fieldOf('/period/start')).toBe('start');
    expect(fieldOf('/residential/carry_in_kwh')).toBe('carryIn');
    expect(fieldOf('/splits/0')).toBe('');
  });
});
