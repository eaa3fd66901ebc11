import { describe, expect, it } from 'vitest';
import type { PackInfo } from '@powerdesk/core';
import { bandFor } from './dayBand';

// Shaped as the rules list gives Zhejiang residential TOU (浙江居民峰谷时段: 峰 08:00–22:00, 谷 22:00–次日 08:00)
// and a two-season schedule like Beijing's commercial one (summer months 7–8 differ).
const packs = [
  {
    id: 'zhejiang-2025', region: 'zhejiang', effective: { from: '2025-01-01', to: '2025-12-31' },
    tariffs: [
      { code: 'residential', periods: ['flat'] },
      { code: 'residential_tou', periods: ['peak', 'valley'], tou: { schedule: 'residential', label: { zh: '', en: '' }, seasons: [
        { months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], windows: [
          { period: 'valley', from: '00:00', to: '08:00' }, { period: 'peak', from: '08:00', to: '22:00' }, { period: 'valley', from: '22:00', to: '24:00' }] }] } },
      { code: 'commercial', periods: ['peak', 'valley'], tou: { schedule: 'c', label: { zh: '', en: '' }, seasons: [
        { months: [7, 8], windows: [{ period: 'valley', from: '00:00', to: '11:00' }, { period: 'peak', from: '11:00', to: '24:00' }] },
        { months: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12], windows: [{ period: 'valley', from: '00:00', to: '12:00' }, { period: 'peak', from: '12:00', to: '24:00' }] }] } },
    ],
  },
] as unknown as PackInfo[];

describe('bandFor', () => {
  it('gives the windows of the billing month with their lengths', () => {
    expect(bandFor(packs, 'zhejiang', 'residential_tou', '2025-03-01')).toEqual([
      { period: 'valley', from: '00:00', to: '08:00', minutes: 480 },
      { period: 'peak', from: '08:00', to: '22:00', minutes: 840 },
      { period: 'valley', from: '22:00', to: '24:00', minutes: 120 },
    ]);
  });
  it('picks the season of the month', () => {
    expect(bandFor(packs, 'zhejiang', 'commercial', '2025-07-15')?.[1]).toEqual({ period: 'peak', from: '11:00', to: '24:00', minutes: 780 });
    expect(bandFor(packs, 'zhejiang', 'commercial', '2025-06-15')?.[1]).toEqual({ period: 'peak', from: '12:00', to: '24:00', minutes: 720 });
  });
  it('has nothing for a flat tariff, an unknown tariff or a day no pack covers', () => {
    expect(bandFor(packs, 'zhejiang', 'residential', '2025-03-01')).toBeNull();
    expect(bandFor(packs, 'zhejiang', 'nope', '2025-03-01')).toBeNull();
    expect(bandFor(packs, 'zhejiang', 'residential_tou', '2026-03-01')).toBeNull();
  });
});
