// The estimate form as the page holds it (texts as typed) and the requests
// it becomes. Empty fields are left out, everything else is sent as typed:
// the core validates and answers with the JSON path of any problem.
import type { CompareRequest, EstimateRequest, PackInfo, QuoteUsage, TouPeriod } from '@powerdesk/core';

export type UsageMode = 'total' | 'periods' | 'profile';
export const TOU_PERIODS: TouPeriod[] = ['sharp', 'peak', 'flat', 'valley', 'deep_valley'];
export const PF_STANDARDS = ['0.90', '0.85', '0.80', 'none'] as const;
export type DemandBasis = 'capacity' | 'contract_demand' | 'actual_demand';

export interface EstimateForm {
  region: string;
  tariff: string;
  month: string;
  mode: UsageMode;
  kwh: string;
  periods: Record<TouPeriod, string>;
  profile: string;
  kvarh: string;
  // residential
  carryIn: string;
  householdSize: string;
  lowIncome: boolean;
  sharedMeter: boolean;
  electSharedPrice: boolean;
  // industry and commerce
  capacityKva: string;
  pfStandard: string;
  basis: DemandBasis;
  contractKw: string;
  maxDemandKw: string;
}

export function emptyForm(): EstimateForm {
  return {
    region: '', tariff: '', month: '', mode: 'total', kwh: '200',
    periods: { sharp: '', peak: '', flat: '', valley: '', deep_valley: '' },
    profile: 'residential', kvarh: '',
    carryIn: '', householdSize: '', lowIncome: false, sharedMeter: false, electSharedPrice: false,
    capacityKva: '', pfStandard: '', basis: 'capacity', contractKw: '', maxDemandKw: '',
  };
}

/** Which extra customer data the form offers for a tariff (layout only: the core decides what is required). */
export function tariffNeeds(code: string): { residential: boolean; business: boolean; twoPart: boolean } {
  const residential = code.startsWith('residential');
  return { residential, business: !residential && code !== '', twoPart: code.includes('two_part') };
}

const given = (s: string) => s.trim() !== '';

function usageOf(f: EstimateForm): QuoteUsage {
  const u: QuoteUsage = {};
  if (f.mode === 'periods') {
    const by: Partial<Record<TouPeriod, string>> = {};
    for (const p of TOU_PERIODS) if (given(f.periods[p])) by[p] = f.periods[p].trim();
    u.kwh_by_period = by;
  } else {
    if (given(f.kwh)) u.kwh = f.kwh.trim();
    if (f.mode === 'profile' && given(f.profile)) u.profile = f.profile;
  }
  if (given(f.kvarh)) u.kvarh = f.kvarh.trim();
  return u;
}

/** The customer members a bill request has, from the fields the tariff shows. */
function customerOf(f: EstimateForm) {
  const needs = tariffNeeds(f.tariff);
  const c: Pick<EstimateRequest, 'capacity_kva' | 'residential' | 'demand' | 'power_factor'> = {};
  if (needs.residential) {
    const r: NonNullable<EstimateRequest['residential']> = {};
    if (given(f.carryIn)) r.carry_in_kwh = f.carryIn.trim();
    // A household size that is not a whole number is sent as typed: the core names the field.
    if (given(f.householdSize)) r.household_size = (/^\d+$/.test(f.householdSize.trim()) ? Number(f.householdSize.trim()) : f.householdSize.trim()) as number;
    if (f.lowIncome) r.low_income = true;
    if (f.sharedMeter) r.shared_meter = true;
    if (f.electSharedPrice) r.elect_shared_meter_price = true;
    if (Object.keys(r).length) c.residential = r;
  }
  if (needs.business) {
    if (given(f.capacityKva)) c.capacity_kva = f.capacityKva.trim();
    if (given(f.pfStandard)) c.power_factor = { standard: f.pfStandard };
    if (needs.twoPart) {
      const d: NonNullable<EstimateRequest['demand']> = { basis: f.basis };
      if (f.basis === 'contract_demand' && given(f.contractKw)) d.contract_kw = f.contractKw.trim();
      if (f.basis === 'actual_demand' && given(f.maxDemandKw)) d.max_demand_kw = f.maxDemandKw.trim();
      if (f.basis !== 'capacity' || d.contract_kw || d.max_demand_kw) c.demand = d;
    }
  }
  return c;
}

export function toEstimateRequest(f: EstimateForm): EstimateRequest {
  return { kind: 'estimate', region: f.region, tariff: f.tariff, month: f.month, usage: usageOf(f), ...customerOf(f) };
}

/** The same customer and usage as plans to compare; the form's tariff is the current plan. */
export function toCompareRequest(f: EstimateForm): CompareRequest {
  const { kind: _kind, ...rest } = toEstimateRequest(f);
  const req = rest as CompareRequest;
  // Compare prices every demand basis it has data for: give it both figures the form holds.
  if (tariffNeeds(f.tariff).twoPart) {
    const d: NonNullable<CompareRequest['demand']> = { basis: f.basis };
    if (given(f.contractKw)) d.contract_kw = f.contractKw.trim();
    if (given(f.maxDemandKw)) d.max_demand_kw = f.maxDemandKw.trim();
    req.demand = d;
  }
  return req;
}

/** A month to quote by default, and whether it is today's (else the last month the region's packs cover). */
export function defaultMonth(region: string, today: string, packs: PackInfo[]): { month: string; current: boolean } {
  const mine = packs.filter((p) => p.region === region);
  if (mine.some((p) => p.effective.from <= today && today <= p.effective.to)) return { month: today.slice(0, 7), current: true };
  const last = mine.map((p) => p.effective.to).sort().pop();
  return { month: (last ?? today).slice(0, 7), current: !last };
}
