import { describe, expect, it } from 'vitest';
import { fromFen, fromWh, toFen, toWh } from './exact';

describe('exact decimals', () => {
  it('reads and writes fen without floating point', () => {
    expect(toFen('118.50')).toBe(11850n);
    expect(toFen('118.5')).toBe(11850n);
    expect(toFen('-0.07')).toBe(-7n);
    expect(fromFen(11850n)).toBe('118.50');
    expect(fromFen(-7n)).toBe('-0.07');
    expect(fromFen(0n)).toBe('0.00');
    // 0.1 + 0.2 is exactly 0.30 here
    expect(fromFen(toFen('0.1') + toFen('0.2'))).toBe('0.30');
  });
  it('refuses more decimals than the scale and non-decimals', () => {
    expect(() => toFen('1.005')).toThrow(RangeError);
    expect(() => toFen('1e3')).toThrow(RangeError);
  });
  it('reads kWh to the Wh and prints them trimmed', () => {
    expect(toWh('9999999.999')).toBe(9999999999n);
    expect(fromWh(toWh('150') + toWh('0.5'))).toBe('150.5');
    expect(fromWh(250000n)).toBe('250');
  });
});
