// The core names the request member an issue is about by JSON pointer
// (`/usage/kwh`); a form shows the message next to the field that member
// comes from. Issues no field claims go to the page's issue list.
import type { Issue } from '@powerdesk/core';

/** [pointer prefix, field key]; the longest matching prefix wins. */
export type PathMap = [string, string][];

export function fieldOf(path: string, map: PathMap): string | undefined {
  let best: [string, string] | undefined;
  for (const entry of map) {
    const [prefix] = entry;
    const hit = path === prefix || path.startsWith(prefix + '/');
    if (hit && (!best || prefix.length > best[0].length)) best = entry;
  }
  return best?.[1];
}

export interface PlacedIssues {
  byField: Record<string, Issue[]>;
  rest: Issue[];
}

/** Issues by form field, and the ones no visible field takes. */
export function placeIssues(issues: Issue[], map: PathMap, visible: (field: string) => boolean = () => true): PlacedIssues {
  const out: PlacedIssues = { byField: {}, rest: [] };
  for (const i of issues) {
    const f = i.path ? fieldOf(i.path, map) : undefined;
    if (f && visible(f)) (out.byField[f] ??= []).push(i);
    else out.rest.push(i);
  }
  return out;
}

/** The estimate and compare requests' members → the estimate form's fields. */
export const ESTIMATE_PATHS: PathMap = [
  ['/region', 'region'],
  ['/tariff', 'tariff'],
  ['/month', 'month'],
  ['/period', 'month'],
  ['/usage', 'usage'],
  ['/usage/kwh', 'kwh'],
  ['/usage/profile', 'profile'],
  ['/usage/kvarh', 'kvarh'],
  ['/usage/kwh_by_period', 'periods'],
  ['/usage/kwh_by_period/sharp', 'period.sharp'],
  ['/usage/kwh_by_period/peak', 'period.peak'],
  ['/usage/kwh_by_period/flat', 'period.flat'],
  ['/usage/kwh_by_period/valley', 'period.valley'],
  ['/usage/kwh_by_period/deep_valley', 'period.deep_valley'],
  ['/residential', 'residential'],
  ['/residential/carry_in_kwh', 'carryIn'],
  ['/residential/household_size', 'householdSize'],
  ['/residential/low_income', 'lowIncome'],
  ['/residential/shared_meter', 'sharedMeter'],
  ['/residential/elect_shared_meter_price', 'electSharedPrice'],
  ['/capacity_kva', 'capacityKva'],
  ['/power_factor', 'pfStandard'],
  ['/demand', 'basis'],
  ['/demand/contract_kw', 'contractKw'],
  ['/demand/max_demand_kw', 'maxDemandKw'],
];
