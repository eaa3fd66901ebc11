// What the customer types from the bill or meter, and the core request made
// from it. Blank fields are left out (the core then reports what is missing);
// nothing is computed or decided here.
import type { BillRequest, Meter, ResidentialInfo, TouPeriod } from '@powerdesk/core';
import { PERIOD_ORDER } from './usage';

export type UsageMode = 'total' | 'periods' | 'meter';

export interface BillForm {
  region: string;
  tariff: string;
  start: string;
  end: string;
  mode: UsageMode;
  kwh: string;
  periods: Record<TouPeriod, string>;
  readings: Record<TouPeriod, { start: string; end: string }>;
  multiplier: string;
  carryIn: string;
  householdSize: string;
  lowIncome: boolean;
}

/** Last period's entry: the same customer and tariff, its own dates and usage. */
export interface PreviousForm {
  start: string;
  end: string;
  kwh: string;
  periods: Record<TouPeriod, string>;
  carryIn: string;
}

const blankPeriods = (): Record<TouPeriod, string> => ({ sharp: '', peak: '', flat: '', valley: '', deep_valley: '' });

export function emptyForm(): BillForm {
  return {
    region: '',
    tariff: '',
    start: '',
    end: '',
    mode: 'periods',
    kwh: '',
    periods: blankPeriods(),
    readings: {
      sharp: { start: '', end: '' },
      peak: { start: '', end: '' },
      flat: { start: '', end: '' },
      valley: { start: '', end: '' },
      deep_valley: { start: '', end: '' },
    },
    multiplier: '',
    carryIn: '',
    householdSize: '',
    lowIncome: false,
  };
}

export function emptyPrevious(): PreviousForm {
  return { start: '', end: '', kwh: '', periods: blankPeriods(), carryIn: '' };
}

const filled = (s: string): boolean => s.trim() !== '';

function periodUsage(periods: Record<TouPeriod, string>): Partial<Record<TouPeriod, string>> {
  const out: Partial<Record<TouPeriod, string>> = {};
  for (const p of PERIOD_ORDER) if (filled(periods[p])) out[p] = periods[p].trim();
  return out;
}

function residential(f: { carryIn: string; householdSize?: string; lowIncome?: boolean }): ResidentialInfo | undefined {
  const r: ResidentialInfo = {};
  if (filled(f.carryIn)) r.carry_in_kwh = f.carryIn.trim();
  // An integer field: a non-number is sent as text so the core names the field.
  if (f.householdSize && filled(f.householdSize)) {
    const n = Number(f.householdSize);
    r.household_size = (Number.isInteger(n) ? n : f.householdSize.trim()) as number;
  }
  if (f.lowIncome) r.low_income = true;
  return Object.keys(r).length ? r : undefined;
}

export function billRequest(f: BillForm): BillRequest {
  const req: BillRequest = { region: f.region, tariff: f.tariff, period: { start: f.start, end: f.end } };
  if (f.mode === 'total') req.usage = filled(f.kwh) ? { kwh: f.kwh.trim() } : {};
  else if (f.mode === 'periods') req.usage = { kwh_by_period: periodUsage(f.periods) };
  else {
    const registers: Meter['registers'] = {};
    for (const p of PERIOD_ORDER) {
      const r = f.readings[p];
      if (filled(r.start) || filled(r.end)) registers[p] = { start: r.start.trim(), end: r.end.trim() };
    }
    const meter: Meter = { registers };
    if (filled(f.multiplier)) meter.multiplier = f.multiplier.trim();
    req.meters = [meter];
  }
  const res = residential(f);
  if (res) req.residential = res;
  return req;
}

/** Last period's request: this one's customer and tariff with last period's dates, usage and carry-in. */
export function previousRequest(f: BillForm, p: PreviousForm): BillRequest {
  const req: BillRequest = { region: f.region, tariff: f.tariff, period: { start: p.start, end: p.end } };
  // By period when this bill is entered by period, else a total (meter readings are not asked twice).
  if (f.mode === 'periods') req.usage = { kwh_by_period: periodUsage(p.periods) };
  else req.usage = filled(p.kwh) ? { kwh: p.kwh.trim() } : {};
  const res = residential({ carryIn: p.carryIn, householdSize: f.householdSize, lowIncome: f.lowIncome });
  if (res) req.residential = res;
  return req;
}

/** The form field an issue's JSON pointer points at (`/usage/kwh_by_period/peak` → `periods.peak`), or ''. */
export function fieldOf(path: string): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^\/region$/, () => 'region'],
    [/^\/tariff$/, () => 'tariff'],
    [/^\/period\/(start|end)$/, (m) => m[1]!],
    [/^\/period$/, () => 'end'],
    [/^\/usage\/kwh$/, () => 'kwh'],
    [/^\/usage\/kwh_by_period\/(\w+)$/, (m) => `periods.${m[1]}`],
    [/^\/usage(\/kwh_by_period)?$/, () => 'usage'],
    [/^\/meters\/0\/registers\/(\w+)\/(start|end)$/, (m) => `readings.${m[1]}.${m[2]}`],
    [/^\/meters\/0\/registers\/(\w+)$/, (m) => `readings.${m[1]}.end`],
    [/^\/meters\/0\/multiplier$/, () => 'multiplier'],
    [/^\/meters/, () => 'usage'],
    [/^\/residential\/carry_in_kwh$/, () => 'carryIn'],
    [/^\/residential\/household_size$/, () => 'householdSize'],
    [/^\/residential\/low_income$/, () => 'lowIncome'],
  ];
  for (const [re, f] of rules) {
    const m = re.exec(path);
    if (m) return f(m);
  }
  return '';
}
