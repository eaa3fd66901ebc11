import { describe, expect, it } from 'vitest';
import { emptyTierForm, tierFieldOf, tierRequest, TIER_EXAMPLES } from './form';

describe('star-tier form → request', () => {
  it('gives the golden requests of tests/golden/tier', () => {
    expect(tierRequest(TIER_EXAMPLES[0]!.form)).toEqual({ region: 'jiangsu', date: '2025-09-15',
      customer: { annual_kwh: '120000000', credit_rating: 'excellent', project_level: 'national', supply_voltage_kv: '220', special_category: 'airport' } });
    expect(tierRequest(TIER_EXAMPLES[1]!.form)).toEqual({ region: 'zhejiang', date: '2025-06-01',
      customer: { existing_customer: true, annual_kwh: '250000000', has_arrears: false, credit_rating: 'excellent' } });
    expect(tierRequest(TIER_EXAMPLES[2]!.form)).toEqual({ region: 'guangdong', date: '2025-03-01',
      customer: { existing_customer: false, annual_kwh: '300000000', credit_rating: 'excellent', supply_voltage_kv: '66', special_category: 'hope_school' } });
  });
  it('leaves blank fields out so the core applies and names its defaults', () => {
    expect(tierRequest({ ...emptyTierForm('2025-06-02'), region: 'zhejiang' })).toEqual({ region: 'zhejiang', date: '2025-06-02', customer: {} });
  });
  it('maps issue paths to fields', () => {
    expect(tierFieldOf('/customer/credit_rating')).toBe('credit_rating');
    expect(tierFieldOf('/date')).toBe('date');
    expect(tierFieldOf('/customer')).toBe('');
  });
});
