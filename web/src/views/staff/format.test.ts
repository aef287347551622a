import { describe, expect, it } from 'vitest';
import { addMonths, defaultMonth, formatHours, isCalendarDay, isoWeekday, wallClock } from './format';

describe('staff formats', () => {
  it('STF-6 shows hours without a needless decimal', () => {
    expect(formatHours('24.0')).toBe('24');
    expect(formatHours('23.5')).toBe('23.5');
    expect(formatHours(8)).toBe('8');
    expect(formatHours('7.25')).toBe('7.25');
    expect(formatHours('')).toBe('');
    expect(formatHours(null)).toBe('');
    expect(formatHours('n/a')).toBe('n/a');
  });

  it('moves months across years', () => {
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-05', -17)).toBe('2024-12');
  });

  it('STF-6 opens on the last month that is over, kept within the term', () => {
    expect(defaultMonth('2027-06-01')).toBe('2027-05');
    expect(defaultMonth('2027-06-01', '2027-05-01', '2028-04-30')).toBe('2027-05');
    expect(defaultMonth('2027-06-01', '2027-06-01', '2028-05-31')).toBe('2027-06');
    expect(defaultMonth('2027-06-01', '2025-01-01', '2025-12-31')).toBe('2025-12');
  });

  it('reads a picker value as the wall-clock time the API takes', () => {
    expect(wallClock('2027-05-07 22:00')).toBe('2027-05-07 22:00');
    expect(wallClock('2027-05-07T08:30:00')).toBe('2027-05-07 08:30');
    expect(wallClock('')).toBeNull();
    expect(wallClock(null)).toBeNull();
  });

  it('gives the ISO weekday of a date', () => {
    expect(isoWeekday('2026-02-14')).toBe(6);
    expect(isoWeekday('2026-09-20')).toBe(7);
    expect(isoWeekday('2026-09-21')).toBe(1);
    expect(isoWeekday('nope')).toBe(0);
  });

  it("STF-6 shows the calendar's reason only for days it changed", () => {
    expect(isCalendarDay(6, 'workday')).toBe(true);
    expect(isCalendarDay(3, 'holiday')).toBe(true);
    expect(isCalendarDay(7, 'holiday')).toBe(true);
    expect(isCalendarDay(6, 'weekend')).toBe(false);
    expect(isCalendarDay(2, 'workday')).toBe(false);
    expect(isCalendarDay(2, null)).toBe(false);
  });
});
