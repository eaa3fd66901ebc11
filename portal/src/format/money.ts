// Amounts as on a bill. The core gives decimal strings ("1234.5", "-3.20");
// these functions only regroup their digits — no number conversion, so no
// binary floating point ever touches a figure.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * `"1234.5"` → `"¥1,234.50"`; `"-3.2"` → `"-¥3.20"`. Amounts from the core
 * already have two decimals; a shorter fraction is padded, a longer one is
 * refused (that would be rounding, which is the core's job).
 */
export function formatYuan(amount: string, symbol = '¥'): string {
  const m = DECIMAL.exec(amount.trim());
  if (!m) throw new RangeError(`not a decimal amount: ${amount}`);
  const [, sign, whole, fraction = ''] = m;
  if (fraction.length > 2) throw new RangeError(`amount with more than two decimals: ${amount}`);
  return `${sign}${symbol}${groupThousands(whole!.replace(/^0+(?=\d)/, ''))}.${fraction.padEnd(2, '0')}`;
}

/** A decimal quantity or price as given, with thousands grouped: `"12500"` → `"12,500"`, `"0.5380"` kept. */
export function formatDecimal(value: string): string {
  const m = DECIMAL.exec(value.trim());
  if (!m) throw new RangeError(`not a decimal: ${value}`);
  const [, sign, whole, fraction] = m;
  return `${sign}${groupThousands(whole!)}${fraction === undefined ? '' : '.' + fraction}`;
}

/** Whether a text typed by a person is a plain non-negative decimal the core will read exactly. */
export function isPlainDecimal(text: string): boolean {
  return /^\d+(\.\d+)?$/.test(text.trim());
}
