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

const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A wall-clock time typed in a picker ("2027-05-08 09:30"), read as Asia/Shanghai time, as the ISO-8601
 * instant the API takes ("2027-05-08T09:30:00+08:00"). China keeps no daylight-saving time, so the offset is fixed.
 * Anything else yields null.
 */
export function shanghaiIso(wall: string | null | undefined): string | null {
  const match = WALL_CLOCK.exec((wall ?? '').trim());
  if (!match) return null;
  const [, day, hour, minute, second] = match;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return null;
  return `${day}T${hour}:${minute}:${second ?? '00'}+08:00`;
}

/** Whole days from one date (YYYY-MM-DD) to another: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return 0;
  return Math.round((end - start) / 86_400_000);
}
