import { describe, expect, it } from 'vitest';
import type { PackInfo } from '@powerdesk/core';
import { defaultMonth, emptyForm, toCompareRequest, toEstimateRequest } from './estimateForm';

const pack = (region: string, from: string, to: string) =>
  ({ id: `${region}-x`, region, region_name: { zh: region, en: region }, version: '1', effective: { from, to }, content_hash: '', file: '', tariffs: [] }) as PackInfo;

describe('estimate requests', () => {
  it('sends TOU periods given, residential data, and no empty fields', () => {
    const f = { ...emptyForm(), region: 'zhejiang', tariff: 'residential_tou', month: '2025-03', mode: 'periods' as const, carryIn: ' 2600 ' };
    f.periods = { ...f.periods, peak: '177', valley: '73' };
    expect(toEstimateRequest(f)).toEqual({
      kind: 'estimate', region: 'zhejiang', tariff: 'residential_tou', month: '2025-03',
      usage: { kwh_by_period: { peak: '177', valley: '73' } }, residential: { carry_in_kwh: '2600' },
    });
  });
  it('adds the profile only in total + profile mode, and business data only for business tariffs', () => {
    const f = { ...emptyForm(), region: 'beijing', tariff: 'commercial_two_part_1_10kv', month: '2025-06', kwh: '1000', capacityKva: '800', pfStandard: '0.90', kvarh: '300', carryIn: '5' };
    expect(toEstimateRequest(f)).toEqual({
      kind: 'estimate', region: 'beijing', tariff: 'commercial_two_part_1_10kv', month: '2025-06',
      usage: { kwh: '1000', kvarh: '300' }, capacity_kva: '800', power_factor: { standard: '0.90' },
    });
    expect(toEstimateRequest({ ...f, mode: 'profile', profile: 'commercial' }).usage).toEqual({ kwh: '1000', profile: 'commercial', kvarh: '300' });
  });
  it('compare has no kind and gets every demand figure', () => {
    const f = { ...emptyForm(), region: 'beijing', tariff: 'commercial_two_part_1_10kv', month: '2025-06', contractKw: '500', maxDemandKw: '420' };
    const c = toCompareRequest(f);
    expect('kind' in c).toBe(false);
    expect(c.demand).toEqual({ basis: 'capacity', contract_kw: '500', max_demand_kw: '420' });
  });
  it('keeps a household size that is not a whole number as typed, for the core to refuse', () => {
    const f = { ...emptyForm(), region: 'zhejiang', tariff: 'residential', month: '2025-06', householdSize: '3' };
    expect(toEstimateRequest(f).residential).toEqual({ household_size: 3 });
    expect(toEstimateRequest({ ...f, householdSize: 'x' }).residential).toEqual({ household_size: 'x' });
  });
});

describe('default month', () => {
  const packs = [pack('zhejiang', '2025-01-01', '2025-12-31'), pack('old', '2023-01-01', '2024-12-31')];
  it('is this month when a pack of the region is in force', () => {
    expect(defaultMonth('zhejiang', '2025-06-02', packs)).toEqual({ month: '2025-06', current: true });
  });
  it("is else the region's last covered month", () => {
    expect(defaultMonth('old', '2025-06-02', packs)).toEqual({ month: '2024-12', current: false });
  });
});
