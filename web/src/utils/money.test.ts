import { describe, expect, it } from 'vitest';
import { fenToMoney, formatMoney, isMoney, moneyToFen, normalizeMoney } from './money';

describe('normalizeMoney', () => {
  it('pads to two places and strips leading zeros', () => {
    expect(normalizeMoney('1234.5')).toBe('1234.50');
    expect(normalizeMoney('007')).toBe('7.00');
    expect(normalizeMoney('0')).toBe('0.00');
    expect(normalizeMoney('12.')).toBe('12.00');
    expect(normalizeMoney(' 5,000,000 ')).toBe('5000000.00');
  });
  it('refuses negatives, three decimals and text', () => {
    expect(normalizeMoney('-1')).toBeNull();
    expect(normalizeMoney('1.234')).toBeNull();
    expect(normalizeMoney('abc')).toBeNull();
    expect(normalizeMoney('')).toBeNull();
    expect(isMoney('1e5')).toBe(false);
  });
});

describe('fen conversion', () => {
  it('is exact where floating point is not', () => {
    // 0.1 + 0.2 style trouble must not appear
    expect(moneyToFen('0.10') + moneyToFen('0.20')).toBe(30);
    expect(moneyToFen('5000000.00')).toBe(500000000);
    expect(fenToMoney(30)).toBe('0.30');
    expect(fenToMoney(5)).toBe('0.05');
    expect(fenToMoney(123456)).toBe('1234.56');
  });
  it('round-trips', () => {
    for (const value of ['0.00', '0.01', '99.99', '123456789.12']) {
      expect(fenToMoney(moneyToFen(value))).toBe(value);
    }
  });
});

describe('formatMoney', () => {
  it('groups thousands', () => {
    expect(formatMoney('5000000.00')).toBe('5,000,000.00');
    expect(formatMoney('999.5')).toBe('999.50');
    expect(formatMoney('')).toBe('');
    expect(formatMoney('x')).toBe('x');
  });
});
