/**
 * How the staff pages read hours, days and months (X-6: words and plain numbers, never codes). Pure, so tested alone.
 */

/** Decimal hours as the server sends them ("24.0", "23.5", 8) without a needless ".0": "24", "23.5", "8". */
export function formatHours(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const number = Number(value);
  if (!Number.isFinite(number)) return String(value);
  return String(Math.round(number * 100) / 100);
}

/** "YYYY-MM" of a date "YYYY-MM-DD". */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** A month "YYYY-MM" moved by whole months. */
export function addMonths(month: string, offset: number): string {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + offset;
  const yy = Math.floor(index / 12);
  const mm = index - yy * 12 + 1;
  return `${yy}-${String(mm).padStart(2, '0')}`;
}

/**
 * The month the compliance view opens on: the last month that is over (its deductions can be proposed, RP-2), kept
 * within the contract's term, so a contract that began this month or ended long ago still opens on one of its months.
 */
export function defaultMonth(today: string, termStart?: string | null, termEnd?: string | null): string {
  let month = addMonths(monthOf(today), -1);
  if (termEnd && monthOf(termEnd) < month) month = monthOf(termEnd);
  if (termStart && monthOf(termStart) > month) month = monthOf(termStart);
  return month;
}

/** "YYYY-MM-DD HH:MM" of the date and time parts, as the attendance API takes a wall-clock time. */
export function wallClock(value: string | null | undefined): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})/.exec((value ?? '').trim());
  return match ? `${match[1]} ${match[2]}:${match[3]}` : null;
}

/** ISO weekday (1 Monday .. 7 Sunday) of a date "YYYY-MM-DD"; 0 for anything else. */
export function isoWeekday(date: string): number {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(time)) return 0;
  const day = new Date(time).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * Whether the holiday calendar made a day other than its weekday says (a make-up working Saturday, a public holiday on
 * a Wednesday or a Sunday): only then is the calendar's reason worth showing beside the day's type (STF-6).
 */
export function isCalendarDay(weekday: number, dayType: string | null): boolean {
  if (dayType === null) return false;
  return weekday >= 6 ? dayType !== 'weekend' : dayType !== 'workday';
}
