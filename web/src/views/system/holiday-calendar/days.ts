import type { HolidayDayInput } from '@/api/staff/types';
import { isoWeekday } from '@/views/staff/format';

/**
 * A day of the calendar being edited, as the API takes it (the page works out the weekday itself): `key` keeps a row's
 * identity while dates are typed and rows removed.
 */
export interface EditedDay extends HolidayDayInput {
  key: number;
}

let nextKey = 1;

export function editableDays(days: readonly HolidayDayInput[]): EditedDay[] {
  return sortDays(days).map((day) => ({ ...day, key: nextKey++ }));
}

export function blankDay(): EditedDay {
  return { date: '', kind: 'off', name: '', key: nextKey++ };
}

/** Days in date order (an empty date last), as the calendar is read. */
export function sortDays<T extends HolidayDayInput>(days: readonly T[]): T[] {
  return [...days].sort((left, right) => (left.date || '9999').localeCompare(right.date || '9999'));
}

/** What is sent: the fields the API takes, names trimmed. */
export function daysToSave(days: readonly EditedDay[]): HolidayDayInput[] {
  return days.map(({ date, kind, name }) => ({ date, kind, name: name.trim() }));
}

/**
 * The row a server's field error points at: `days[3].kind`, `days.3.date` (0-based, the list sent) or `row.4.date`
 * (1-based, a line of an imported file, reported apart); null for the calendar as a whole.
 */
export function dayIndexOf(field: string): number | null {
  const match = /^days(?:\[(\d+)\]|\.(\d+))/.exec(field.trim());
  if (!match) return null;
  return Number(match[1] ?? match[2]);
}

/**
 * The same checks the server makes (STF-6), so the editor marks a row before saving: a date of the year, no date twice,
 * a make-up working day only on a Saturday or Sunday. Returns row index -> translation key of the problem.
 */
export function checkDays(year: number, days: readonly HolidayDayInput[]): Map<number, string> {
  const problems = new Map<number, string>();
  const seen = new Set<string>();
  days.forEach((day, index) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day.date)) problems.set(index, 'staff.holiday.error.date');
    else if (!day.date.startsWith(`${year}-`)) problems.set(index, 'staff.holiday.error.year');
    else if (seen.has(day.date)) problems.set(index, 'staff.holiday.error.duplicate');
    else if (day.kind === 'work' && isoWeekday(day.date) < 6) problems.set(index, 'staff.holiday.error.workOnWeekday');
    if (day.date) seen.add(day.date);
  });
  return problems;
}
