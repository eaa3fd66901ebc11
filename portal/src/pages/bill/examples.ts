// A few bills to start from. The first is the facts-sheet example A of
// docs/billing.md / docs/examples/bill-zhejiang-residential-tou.json
// (golden: tests/golden/bill/res-zj-tou-facts-example-a, total 118.50).
import { emptyForm, emptyPrevious, type BillForm, type PreviousForm } from './form';

export interface BillExample {
  id: string;
  form: BillForm;
  previous: PreviousForm;
}

function example(id: string, f: Partial<BillForm>, p: Partial<PreviousForm>): BillExample {
  const form = { ...emptyForm(), ...f };
  const previous = { ...emptyPrevious(), ...p };
  return { id, form, previous };
}

export const EXAMPLES: BillExample[] = [
  example(
    'zjTou',
    { region: 'zhejiang', tariff: 'residential_tou', start: '2025-03-01', end: '2025-03-31', mode: 'periods',
      periods: { sharp: '', peak: '150', flat: '', valley: '100', deep_valley: '' }, carryIn: '2600' },
    { start: '2025-02-01', end: '2025-02-28', periods: { sharp: '', peak: '120', flat: '', valley: '90', deep_valley: '' }, carryIn: '2390' },
  ),
  example(
    'zjFlat',
    { region: 'zhejiang', tariff: 'residential', start: '2025-05-01', end: '2025-05-31', mode: 'total', kwh: '320', carryIn: '2500' },
    { start: '2025-04-01', end: '2025-04-30', kwh: '240', carryIn: '2260' },
  ),
  example(
    'gdMeter',
    { region: 'guangdong', tariff: 'residential', start: '2025-04-16', end: '2025-05-15', mode: 'meter',
      readings: { ...emptyForm().readings, flat: { start: '12345', end: '12705' } }, householdSize: '5' },
    { start: '2025-03-16', end: '2025-04-15', kwh: '300' },
  ),
];
