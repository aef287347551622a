import { describe, expect, it } from 'vitest';
import { checkDays, dayIndexOf, daysToSave, editableDays, sortDays } from './days';

describe('holiday calendar editing (STF-6)', () => {
  it('finds the row of a field error in either spelling', () => {
    expect(dayIndexOf('days[3].kind')).toBe(3);
    expect(dayIndexOf('days.0.date')).toBe(0);
    expect(dayIndexOf('days')).toBeNull();
    expect(dayIndexOf('source')).toBeNull();
    expect(dayIndexOf('row.4.date')).toBeNull();
  });

  it('sorts by date with unfinished rows last and sends only the API fields', () => {
    const days = editableDays([
      { date: '2026-10-01', kind: 'off', name: ' 国庆节 ' },
      { date: '', kind: 'off', name: '' },
      { date: '2026-01-01', kind: 'off', name: '元旦' },
    ]);
    expect(days.map((day) => day.date)).toEqual(['2026-01-01', '2026-10-01', '']);
    expect(new Set(days.map((day) => day.key)).size).toBe(3);
    expect(daysToSave(days)[1]).toEqual({ date: '2026-10-01', kind: 'off', name: '国庆节' });
    expect(
      sortDays([
        { date: '2026-02-02', kind: 'off', name: '' },
        { date: '2026-02-01', kind: 'off', name: '' },
      ])[0].date,
    ).toBe('2026-02-01');
  });

  it('marks a date of another year, a date twice and a make-up day on a weekday', () => {
    const problems = checkDays(2026, [
      { date: '2026-02-14', kind: 'work', name: '春节' },
      { date: '2026-02-16', kind: 'work', name: '春节' },
      { date: '2027-01-01', kind: 'off', name: '元旦' },
      { date: '2026-02-14', kind: 'off', name: '春节' },
      { date: '', kind: 'off', name: '' },
    ]);
    expect([...problems.entries()]).toEqual([
      [1, 'staff.holiday.error.workOnWeekday'],
      [2, 'staff.holiday.error.year'],
      [3, 'staff.holiday.error.duplicate'],
      [4, 'staff.holiday.error.date'],
    ]);
  });
});
