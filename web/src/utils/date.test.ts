import { describe, expect, it } from 'vitest';
import { daysBetween, formatDate, formatDateTime, shanghaiIso, todayInShanghai } from './date';

describe('formatDate', () => {
  it('keeps a plain date as it is', () => {
    expect(formatDate('2026-03-01')).toBe('2026-03-01');
  });
  it('shows an instant as the date in Shanghai, not UTC', () => {
    // 2026-01-31 17:30 UTC is already 2026-02-01 01:30 in Shanghai
    expect(formatDate('2026-01-31T17:30:00Z')).toBe('2026-02-01');
    expect(formatDate('2026-02-01T01:30:00+08:00')).toBe('2026-02-01');
  });
  it('is empty for missing values and echoes garbage', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('not a date')).toBe('not a date');
  });
});

describe('formatDateTime', () => {
  it('formats in 24h Shanghai time', () => {
    expect(formatDateTime('2026-01-31T17:30:05Z')).toBe('2026-02-01 01:30:05');
    expect(formatDateTime('2026-06-15T23:59:59+08:00')).toBe('2026-06-15 23:59:59');
  });
});

describe('todayInShanghai', () => {
  it('uses the Shanghai calendar day', () => {
    expect(todayInShanghai(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});

describe('shanghaiIso', () => {
  it('reads a picked wall-clock time as Shanghai time', () => {
    expect(shanghaiIso('2027-05-08 09:30')).toBe('2027-05-08T09:30:00+08:00');
    expect(shanghaiIso('2027-05-08T09:30:15')).toBe('2027-05-08T09:30:15+08:00');
  });
  it('round-trips through formatDateTime whatever the browser zone', () => {
    expect(formatDateTime(shanghaiIso('2027-01-01 00:05'))).toBe('2027-01-01 00:05:00');
  });
  it('refuses what is not a wall-clock time', () => {
    expect(shanghaiIso('')).toBeNull();
    expect(shanghaiIso(null)).toBeNull();
    expect(shanghaiIso('2027-05-08')).toBeNull();
    expect(shanghaiIso('2027-05-08 24:00')).toBeNull();
  });
});

describe('daysBetween', () => {
  it('counts calendar days, across months and leap days', () => {
    expect(daysBetween('2027-05-01', '2027-05-04')).toBe(3);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-05-04', '2027-05-01')).toBe(-3);
  });
  it('is zero for unreadable dates', () => {
    expect(daysBetween('', '2027-05-01')).toBe(0);
  });
});
