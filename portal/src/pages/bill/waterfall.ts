// The change from last period's bill to this one, cause by cause: one step
// per bill line (matched by block and line code), each the exact difference
// in fen. The steps add up to this total − last total, because both totals
// are the sums of their lines (docs/billing.md §1).
import type { Bilingual, Bill, BillLine } from '@powerdesk/core';
import { fromFen, toFen } from './exact';

export interface WaterfallStep {
  key: string;
  label: Bilingual;
  /** This period's amount − last period's, 元. */
  delta: string;
  /** Running total before and after the step, 元. */
  from: string;
  to: string;
}

export interface Waterfall {
  previous: string;
  current: string;
  difference: string;
  steps: WaterfallStep[];
}

const keyOf = (l: BillLine): string => `${l.block}|${l.code}`;

/** Σ of amounts per key, in first-seen order (a pack split can repeat a code). */
function byKey(lines: BillLine[]): Map<string, { label: Bilingual; fen: bigint }> {
  const m = new Map<string, { label: Bilingual; fen: bigint }>();
  for (const l of lines) {
    const k = keyOf(l);
    const e = m.get(k);
    if (e) e.fen += toFen(l.amount);
    else m.set(k, { label: l.label, fen: toFen(l.amount) });
  }
  return m;
}

const OTHER: Bilingual = { zh: '其他（合计与分项之差）', en: 'Other (total vs. sum of lines)' };

export function waterfall(previous: Bill, current: Bill): Waterfall {
  const prev = byKey(previous.lines);
  const cur = byKey(current.lines);
  const keys = [...cur.keys(), ...[...prev.keys()].filter((k) => !cur.has(k))];
  const start = toFen(previous.total);
  const end = toFen(current.total);
  let running = start;
  const steps: WaterfallStep[] = [];
  const push = (key: string, label: Bilingual, delta: bigint) => {
    if (delta === 0n) return;
    steps.push({ key, label, delta: fromFen(delta), from: fromFen(running), to: fromFen(running + delta) });
    running += delta;
  };
  for (const k of keys) {
    const c = cur.get(k);
    const p = prev.get(k);
    push(k, (c ?? p)!.label, (c?.fen ?? 0n) - (p?.fen ?? 0n));
  }
  // Never expected (totals are sums of lines); kept so the chart always lands on the total.
  push('other', OTHER, end - running);
  return { previous: previous.total, current: current.total, difference: fromFen(end - start), steps };
}
