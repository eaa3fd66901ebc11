// How each eligibility fact is entered. Which facts a business needs is the
// core's answer (its PD_FIELD_MISSING paths and the supply decisions'
// `needs`); this table only says what kind of control each one is.
export type FactKind = 'enum' | 'decimal' | 'bool' | 'date' | 'period' | 'periods';

export interface FactSpec {
  kind: FactKind;
  /** enum values (phases are numbers). */
  options?: (string | number)[];
  /** i18n key of the option labels, under apply.opt. */
  optionsKey?: string;
  unit?: string;
}

const CLASSES = ['residential', 'commercial_industrial', 'agricultural'];
const bool: FactSpec = { kind: 'bool' };

/** In the order the form shows them. */
export const FACTS: Record<string, FactSpec> = {
  '/customer/class': { kind: 'enum', options: CLASSES, optionsKey: 'class' },
  '/customer/status': { kind: 'enum', options: ['none', 'active', 'suspended', 'reduced', 'swapped', 'removed', 'temporary', 'closed'], optionsKey: 'status' },
  '/customer/status_since': { kind: 'date' },
  '/customer/capacity_kva': { kind: 'decimal', unit: 'kVA' },
  '/customer/supply_voltage_kv': { kind: 'decimal', unit: 'kV' },
  '/customer/tariff': { kind: 'enum', options: ['none', 'residential', 'single_part', 'two_part'], optionsKey: 'tariff' },
  '/customer/has_arrears': bool,
  '/customer/industrial': bool,
  '/customer/irrigation_station': bool,
  '/customer/on_load_tap_changer': bool,
  '/customer/suspensions': { kind: 'periods' },
  '/request/new_class': { kind: 'enum', options: CLASSES, optionsKey: 'class' },
  '/request/capacity_kva': { kind: 'decimal', unit: 'kVA' },
  '/request/accounts_capacity_kva': { kind: 'decimal', unit: 'kVA' },
  '/request/phases': { kind: 'enum', options: [1, 3], optionsKey: 'phases' },
  '/request/voltage_kv': { kind: 'decimal', unit: 'kV' },
  '/request/period': { kind: 'period' },
  '/request/whole_transformers': bool,
  '/request/same_address': bool,
  '/request/same_supply_point': bool,
  '/request/separable': bool,
  '/request/same_installation': bool,
  '/request/pv/capacity_kw': { kind: 'decimal', unit: 'kW' },
  '/request/pv/owner': { kind: 'enum', options: ['natural_person', 'non_natural_person', 'general_ci', 'large_ci'], optionsKey: 'pv_owner' },
  '/request/pv/mode': { kind: 'enum', options: ['full_export', 'surplus_export', 'full_self_use'], optionsKey: 'pv_mode' },
  '/request/ev_facility': { kind: 'enum', options: ['centralized_station', 'host_site', 'residential_compound'], optionsKey: 'ev_facility' },
};

/** i18n key of a fact's label: `/request/pv/owner` → `request_pv_owner`. */
export function factKey(path: string): string {
  return path.slice(1).replaceAll('/', '_');
}

/** The fact a path is about, if it is one (`/request/period/to` → `/request/period`). */
export function factOf(path: string): string | undefined {
  return Object.keys(FACTS).find((f) => path === f || path.startsWith(f + '/'));
}

/**
 * The facts to ask, in form order: those the core said it needs, the ones a
 * supply decision needs, and any already entered.
 */
export function factsToAsk(needed: Iterable<string>, entered: (path: string) => unknown): string[] {
  const want = new Set<string>();
  for (const p of needed) {
    const f = factOf(p);
    if (f) want.add(f);
  }
  return Object.keys(FACTS).filter((f) => want.has(f) || entered(f) !== undefined);
}
