// A realistic use of @powerdesk/core, type-checked against js/powerdesk.d.ts
// by `npm run typecheck` (never run): a portal worker that loads packs
// fetched at run time, quotes a bill, explains refusals and late fees.
// The @ts-expect-error lines prove what the types refuse.
import {
  createPowerDesk,
  PowerDeskError,
  type AddPackResponse,
  type Bill,
  type BillLine,
  type BillRequest,
  type BillResponse,
  type CreateOptions,
  type Decimal,
  type Envelope,
  type Issue,
  type IssueCode,
  type LateFee,
  type LateFeeRequest,
  type LateFeeResponse,
  type PackInfo,
  type PackSource,
  type PowerDesk,
} from '@powerdesk/core';

// ── setup: packs cached by the portal, loaded at run time ──

async function fetchPacks(urls: readonly string[]): Promise<PackSource[]> {
  return Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url);
      // Text, not response.json(): the core reads decimals from their text.
      return { name: url.slice(url.lastIndexOf('/') + 1), json: await response.text() };
    }),
  );
}

async function start(): Promise<PowerDesk | null> {
  const options: CreateOptions = {
    packs: await fetchPacks(['/rules/zhejiang/zhejiang-2025.json', '/rules/national/cn-national-2024.json']),
    locateFile: (file, directory) => `${directory}${file}`,
    printErr: (text) => console.warn('[powerdesk]', text),
  };
  try {
    return await createPowerDesk(options);
  } catch (e) {
    if (e instanceof PowerDeskError) {
      // A broken pack set is a setup failure: say which file and where.
      for (const issue of e.errors) console.error(`${issue.file ?? '-'} ${issue.path}: ${issue.message.zh}`);
      return null;
    }
    throw e;
  }
}

// ── rendering ──

function describeIssue(issue: Issue): string {
  const where = issue.path === '' ? '请求' : issue.path;
  return `[${issue.severity}] ${where}: ${issue.message.zh} / ${issue.message.en}`;
}

function isFixable(code: IssueCode): boolean {
  switch (code) {
    case 'PD_FIELD_MISSING':
    case 'PD_NUMBER_TOO_PRECISE':
    case 'PD_DATE_INVALID':
      return true;
    case 'PD_INTERNAL':
      return false;
    default:
      return code.startsWith('PD_');
  }
}

function renderLine(line: BillLine): string {
  const qty = line.quantity !== undefined && line.unit !== undefined ? `${line.quantity} ${line.unit} × ${line.unit_price ?? '?'}` : '';
  const tier = line.tier !== undefined ? ` 第${line.tier}档` : '';
  const period = line.period ?? '';
  const prorated = line.proration ? ` (${line.proration.days}/${line.proration.of})` : '';
  return `${line.label.zh}${tier} ${period} ${qty}${prorated} = ${line.amount} 元 — ${line.rule.document}`;
}

function renderBill(bill: Bill): string[] {
  const out = [
    `${bill.tariff.label.zh} ${bill.period.start}–${bill.period.end}（${bill.period.days} 天）`,
    ...bill.lines.map(renderLine),
    `电费 ${bill.subtotals.energy}，基本电费 ${bill.subtotals.basic}，力调 ${bill.subtotals.power_factor}`,
    `合计 ${bill.total} 元（${bill.total_uppercase}）`,
  ];
  if (bill.average_price !== undefined) out.push(`平均电价 ${bill.average_price} 元/kWh`);
  if (bill.tier_progress) {
    const p = bill.tier_progress;
    out.push(`阶梯 ${p.tier}，已用 ${p.used_kwh} kWh，本档剩余 ${p.remaining_in_tier_kwh ?? '—'} kWh`);
  }
  for (const part of bill.parts) out.push(`${part.pack}@${part.version} #${part.content_hash} ${part.days} 天`);
  bill.warnings.forEach((w) => out.push(describeIssue(w)));
  if (bill.estimate) out.push('估算');
  return out;
}

function show<T>(response: Envelope<T>, render: (result: T) => string[]): string[] {
  if (response.ok) return render(response.result);
  return response.errors.map(describeIssue);
}

// ── a session ──

async function main(): Promise<void> {
  const pd = await start();
  if (!pd) return;
  console.log(`api ${pd.apiVersion}`);

  const packs: PackInfo[] = pd.packs();
  for (const p of packs) console.log(p.id, p.version, p.content_hash, p.effective.from, p.tariffs.map((t) => t.code).join(','));
  const versions: Record<string, string> = pd.packVersions();
  console.log(versions['zhejiang-2025']);

  const kwh: Decimal = '150';
  const request: BillRequest = {
    region: 'zhejiang',
    tariff: 'residential_tou',
    period: { start: '2025-03-01', end: '2025-03-31' },
    usage: { kwh_by_period: { peak: kwh, valley: 100 } },
    residential: { carry_in_kwh: '2600', household_size: 3 },
  };
  const response: BillResponse = pd.bill(request);
  // @ts-expect-error — the result exists only after narrowing on ok
  console.log(response.result.total);
  if (response.ok) {
    const total: string = response.result.total;
    console.log(total, renderBill(response.result).join('\n'));
  } else {
    const fixable = response.errors.filter((e) => isFixable(e.code));
    console.log(fixable.map(describeIssue));
  }

  const meters: BillRequest = {
    region: 'guangdong',
    tariff: 'residential',
    period: { start: '2025-07-01', end: '2025-07-31' },
    meters: [{ id: 'M1', multiplier: '1', digits: 6, registers: { flat: { start: '999900', end: '000250' } } }],
    demand: { basis: 'contract_demand', contract_kw: '1000', suspensions: [{ kva: '315', from: '2025-07-10', to: '2025-07-20' }] },
    power_factor: { standard: '0.90' },
    splits: [{ tariff: 'commercial', ratio: '0.2' }],
    adjustments: [{ amount: '-12.30', reason: '上月多收' }, { kwh: '10', period: 'peak', reason: '补抄' }],
    capacity_kva: 315,
  };
  console.log(show(pd.bill(meters), renderBill));
  // Requests may also be JSON text (e.g. straight from a form or a file).
  console.log(show(pd.bill('{"region":"zhejiang"}'), renderBill));
  // @ts-expect-error — unknown fields are refused by the types as by the core
  pd.bill({ region: 'zhejiang', tariff: 'x', period: { start: '', end: '' }, tarif: 'typo' });

  const late: LateFeeRequest = {
    region: 'shanghai',
    customer_class: 'non_residential',
    paid_date: '2025-01-09',
    arrears: [{ amount: '10000.00', due_date: '2024-12-21' }],
  };
  const fee: LateFeeResponse = pd.lateFee(late);
  console.log(show(fee, (f: LateFee) => [...f.lines.map((l) => `${l.from}–${l.to} ${l.daily_rate} × ${l.days} = ${l.amount}`), `${f.total} ${f.total_uppercase} ${f.minimum_applied}`]));

  // Canonical text, e.g. to cache a quote or compare with the server's.
  const canonical: string = pd.billJson(request) + pd.lateFeeJson(late);
  console.log(canonical.length);

  // A pack published after start-up.
  const added: AddPackResponse = pd.addPack(await (await fetch('/rules/jiangsu/jiangsu-2025.json')).text(), 'jiangsu-2025.json');
  if (!added.ok) added.errors.forEach((e) => console.error(e.file, e.path, e.code));
  pd.addPack({ id: 'object-form' }, 'object.json');

  pd.dispose();
  const disposed: boolean = pd.disposed;
  console.log(disposed);
  // @ts-expect-error — apiVersion is read-only
  pd.apiVersion = '2';
}

// Errors can be built too (e.g. by a wrapper of the portal's own).
const custom = new PowerDeskError('offline and no cached packs', [
  { code: 'PD_FILE_UNREADABLE', path: '', severity: 'error', message: { zh: '离线且无缓存规则包', en: 'Offline with no cached packs' } },
]);
const name: 'PowerDeskError' = custom.name;
console.log(name, custom.errors.length, custom instanceof Error);

void main();
