// Exact decimal arithmetic for the few sums the page itself draws (the
// waterfall's steps, kWh per TOU period): decimal strings as BigInt integers
// of a fixed scale, never binary floating point.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** `"118.5"` at scale 2 → 11850n. Refuses more decimals than the scale (that would be rounding). */
export function toScaled(value: string, scale: number): bigint {
  const m = DECIMAL.exec(value.trim());
  if (!m) throw new RangeError(`not a decimal: ${value}`);
  const [, sign, whole, fraction = ''] = m;
  if (fraction.length > scale) throw new RangeError(`more than ${scale} decimals: ${value}`);
  const n = BigInt(whole! + fraction.padEnd(scale, '0'));
  return sign === '-' ? -n : n;
}

/** 11850n at scale 2 → `"118.50"` (exactly `scale` decimals). */
export function fromScaled(n: bigint, scale: number): string {
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale ? '.' + fraction : ''}`;
}

/** Money in fen. */
export const toFen = (yuan: string): bigint => toScaled(yuan, 2);
export const fromFen = (fen: bigint): string => fromScaled(fen, 2);

/** kWh in Wh (the core keeps 3 decimals); shown without trailing zeros. */
export const toWh = (kwh: string): bigint => toScaled(kwh, 3);
export function fromWh(wh: bigint): string {
  return fromScaled(wh, 3).replace(/\.?0+$/, '');
}
