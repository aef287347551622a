import { describe, expect, it } from 'vitest';
import { percentValue } from './percent';

describe('percentValue', () => {
  it('reads "83.33%" and plain numbers', () => {
    expect(percentValue('83.33%')).toBe(83.33);
    expect(percentValue('100%')).toBe(100);
    expect(percentValue('59.99')).toBe(59.99);
    expect(percentValue(90)).toBe(90);
  });
  it('gives null for no rate or junk', () => {
    expect(percentValue(null)).toBeNull();
    expect(percentValue(undefined)).toBeNull();
    expect(percentValue('n/a')).toBeNull();
    expect(percentValue(Number.NaN)).toBeNull();
  });
});
