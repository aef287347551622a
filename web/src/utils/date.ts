/** Dates are shown in Asia/Shanghai whatever the browser's zone. */
const ZONE = 'Asia/Shanghai';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parse(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function datePart(date: Date): string {
  const parts = Object.fromEntries(dateFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** "YYYY-MM-DD" in Asia/Shanghai; a plain date string is returned unchanged; empty for nothing. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  const date = parse(value);
  return date ? datePart(date) : String(value);
}

/** "YYYY-MM-DD HH:mm:ss" in Asia/Shanghai. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  const date = parse(value);
  return date ? `${datePart(date)} ${timeFormat.format(date)}` : String(value);
}

/** Today's date in Asia/Shanghai as "YYYY-MM-DD". */
export function todayInShanghai(now: Date = new Date()): string {
  return datePart(now);
}
