// kWh per TOU period as billed, from the bill's energy lines — exact (Wh).
// Only `energy.*` lines count: a component tariff repeats the same kWh on
// its line-loss, transmission and fund lines, and 退补 lines are not usage.
import type { Bill, TouPeriod } from '@powerdesk/core';
import { fromWh, toWh } from './exact';

export const PERIOD_ORDER: TouPeriod[] = ['sharp', 'peak', 'flat', 'valley', 'deep_valley'];

export interface PeriodKwh {
  period: TouPeriod;
  kwh: string;
}

export function kwhByPeriod(bill: Bill): PeriodKwh[] {
  const sums = new Map<TouPeriod, bigint>();
  for (const l of bill.lines) {
    if (!l.code.startsWith('energy.') || l.unit !== 'kWh' || !l.quantity || !l.period) continue;
    sums.set(l.period, (sums.get(l.period) ?? 0n) + toWh(l.quantity));
  }
  return PERIOD_ORDER.filter((p) => sums.has(p)).map((period) => ({ period, kwh: fromWh(sums.get(period)!) }));
}

/** The unit prices of the tier the customer is now in, per period (last part's lines). */
export function currentTierPrices(bill: Bill): { period?: TouPeriod; price: string }[] {
  const tier = bill.tier_progress?.tier;
  if (tier === undefined) return [];
  const lastPart = Math.max(0, ...bill.lines.map((l) => l.part));
  const seen = new Set<string>();
  const out: { period?: TouPeriod; price: string }[] = [];
  for (const l of bill.lines) {
    if (l.tier !== tier || l.part !== lastPart || l.block !== 'main' || !l.unit_price || !l.code.startsWith('energy.')) continue;
    const k = l.period ?? '';
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ period: l.period, price: l.unit_price });
  }
  return out;
}
