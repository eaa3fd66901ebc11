// The facts the star-tier table tests, as typed, and the core request made
// from them. A field left blank is left out: the core applies its default
// and names it in `defaulted`.
import type { StarTierRequest } from '@powerdesk/core';

export interface TierForm {
  region: string;
  date: string;
  existing_customer: '' | 'true' | 'false';
  annual_kwh: string;
  has_arrears: '' | 'true' | 'false';
  credit_rating: string;
  project_level: string;
  park_level: string;
  supply_voltage_kv: string;
  special_category: string;
}

export function emptyTierForm(date = ''): TierForm {
  return { region: '', date, existing_customer: '', annual_kwh: '', has_arrears: '', credit_rating: '', project_level: '',
    park_level: '', supply_voltage_kv: '', special_category: '' };
}

export function tierRequest(f: TierForm): StarTierRequest {
  const c: Record<string, string | boolean> = {};
  if (f.existing_customer) c.existing_customer = f.existing_customer === 'true';
  if (f.has_arrears) c.has_arrears = f.has_arrears === 'true';
  for (const k of ['annual_kwh', 'supply_voltage_kv', 'credit_rating', 'project_level', 'park_level', 'special_category'] as const) {
    if (f[k].trim()) c[k] = f[k].trim();
  }
  // The core checks every value and combination (e.g. a rating is required with annual_kwh).
  return { region: f.region, date: f.date, customer: c as unknown as StarTierRequest['customer'] };
}

/** The form field an issue's pointer names (`/customer/annual_kwh` → `annual_kwh`), or ''. */
export function tierFieldOf(path: string): string {
  const m = /^\/(region|date)$|^\/customer\/(\w+)$/.exec(path);
  return m ? (m[1] ?? m[2]!) : '';
}

/** Golden requests (tests/golden/tier/*.request.json) to start from. */
export const TIER_EXAMPLES: { id: string; form: TierForm }[] = [
  { id: 'severalRules', form: { ...emptyTierForm('2025-09-15'), region: 'jiangsu', annual_kwh: '120000000', credit_rating: 'excellent',
    project_level: 'national', supply_voltage_kv: '220', special_category: 'airport' } },
  { id: 'byConsumption', form: { ...emptyTierForm('2025-06-01'), region: 'zhejiang', existing_customer: 'true', annual_kwh: '250000000',
    has_arrears: 'false', credit_rating: 'excellent' } },
  { id: 'newCustomer66kv', form: { ...emptyTierForm('2025-03-01'), region: 'guangdong', existing_customer: 'false', annual_kwh: '300000000',
    credit_rating: 'excellent', supply_voltage_kv: '66', special_category: 'hope_school' } },
];
