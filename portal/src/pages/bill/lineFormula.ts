// A bill line's arithmetic as printed: "96 kWh × 0.568 元/kWh = ¥54.53".
// Only the core's strings are laid out; nothing is recomputed.
import type { BillLine } from '@powerdesk/core';
import { formatDecimal, formatYuan } from '../../format/money';

export function lineFormula(l: BillLine, yuanPer: string): string {
  const amount = formatYuan(l.amount);
  if (l.quantity !== undefined && l.unit_price !== undefined) {
    const unit = l.unit === 'CNY' ? '' : ` ${l.unit ?? ''}`;
    return `${formatDecimal(l.quantity)}${unit} × ${l.unit_price} ${yuanPer}${l.unit && l.unit !== 'CNY' ? '/' + l.unit : ''} = ${amount}`;
  }
  if (l.base !== undefined && l.percent !== undefined) return `${formatYuan(l.base)} × ${l.percent}% = ${amount}`;
  return amount;
}
