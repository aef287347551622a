import { describe, expect, it } from 'vitest';
import { totalFromAnnual, wholeMonths } from './amounts';

describe('CON-1 contract total from the annual amount', () => {
  it('counts whole months from the start day', () => {
    expect(wholeMonths('2031-03-15', '2032-03-14')).toBe(12);
    expect(wholeMonths('2031-01-01', '2032-12-31')).toBe(24);
    expect(wholeMonths('2031-01-01', '2031-06-30')).toBe(6);
    expect(wholeMonths('2031-01-01', '2031-06-29')).toBeNull();
    expect(wholeMonths('', '2031-06-29')).toBeNull();
  });
  it('multiplies the annual amount by the years of the term', () => {
    expect(totalFromAnnual('600000', '2031-03-15', '2032-03-14')).toBe('600000.00');
    expect(totalFromAnnual('600000', '2031-01-01', '2032-12-31')).toBe('1200000.00');
    expect(totalFromAnnual('100000', '2031-01-01', '2031-06-30')).toBe('50000.00');
    expect(totalFromAnnual('', '2031-01-01', '2031-06-30')).toBeNull();
    expect(totalFromAnnual('100000', '2031-01-01', '2031-06-29')).toBeNull();
  });
});
