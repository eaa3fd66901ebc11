import { describe, expect, it } from 'vitest';
import { formatDecimal, formatYuan, isPlainDecimal } from './money';

describe('formatYuan', () => {
  it('shows two decimals and groups thousands, as on a bill', () => {
    expect(formatYuan('118.50')).toBe('¥118.50');
    expect(formatYuan('1234.5')).toBe('¥1,234.50');
    expect(formatYuan('1234567')).toBe('¥1,234,567.00');
    expect(formatYuan('0.07')).toBe('¥0.07');
    expect(formatYuan('-3.2')).toBe('-¥3.20');
    expect(formatYuan('007.10')).toBe('¥7.10');
  });
  it('never rounds: more than two decimals is refused', () => {
    expect(() => formatYuan('1.005')).toThrow(RangeError);
    expect(() => formatYuan('1e3')).toThrow(RangeError);
    expect(() => formatYuan('')).toThrow(RangeError);
  });
});

describe('formatDecimal', () => {
  it('keeps the precision the core gave', () => {
    expect(formatDecimal('0.5380')).toBe('0.5380');
    expect(formatDecimal('12500')).toBe('12,500');
    expect(formatDecimal('2760.25')).toBe('2,760.25');
  });
});

describe('isPlainDecimal', () => {
  it('accepts what the core reads exactly, nothing else', () => {
    expect(isPlainDecimal('150')).toBe(true);
    expect(isPlainDecimal(' 0.538 ')).toBe(true);
    expect(isPlainDecimal('-1')).toBe(false);
    expect(isPlainDecimal('1e3')).toBe(false);
    expect(isPlainDecimal('1.')).toBe(false);
  });
});
