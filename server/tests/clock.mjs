// The one clock of every test suite (API and browser): a fixed instant in Asia/Shanghai that the server under test
// receives as HOUQIN_FAKE_NOW and the browser as its own clock. No test reads the machine's date or writes a year:
// every date, period, contract code and deadline is derived from here, so the suites pass whatever the calendar says.
//
//   HOUQIN_TEST_NOW  the instant, ISO with offset (default below); e.g. HOUQIN_TEST_NOW=2031-01-01T10:00:00+08:00
//
// A date-only value (YYYY-MM-DD) is taken at 10:00 that day in Asia/Shanghai.
// scripts/check-test-clock.sh fails `make test` if a test file writes a year or calls the real clock.

const DEFAULT_NOW = '2027-06-01T10:00:00+08:00';

function normalise(raw) {
    const value = String(raw).trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T10:00:00+08:00`;
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?([+-]\d{2}:\d{2}|Z)$/.test(value)) {
        throw new Error(`HOUQIN_TEST_NOW must be an ISO date or time with offset, not '${value}'`);
    }
    return shanghaiIso(new Date(value));
}

const SHANGHAI_MS = 8 * 3600 * 1000;
const pad = (n, width = 2) => String(n).padStart(width, '0');

/** An instant as ISO 8601 in Asia/Shanghai (+08:00, no DST), seconds precision. */
export function shanghaiIso(date) {
    const local = new Date(date.getTime() + SHANGHAI_MS);
    return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
        `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}+08:00`;
}

/** The fixed "now" of the suites (ISO with +08:00). */
export const TEST_NOW = normalise(process.env.HOUQIN_TEST_NOW || DEFAULT_NOW);
/** The same instant as a Date, for the browser's clock. */
export const TEST_NOW_DATE = new Date(TEST_NOW);
/** Today in Asia/Shanghai (YYYY-MM-DD). */
export const TODAY = TEST_NOW.slice(0, 10);
/** This year, a number. */
export const YEAR = Number(TODAY.slice(0, 4));
/** This month (1-12). */
export const MONTH = Number(TODAY.slice(5, 7));

function parseDate(date) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) throw new Error(`not a date (YYYY-MM-DD): ${date}`);
    return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}
function formatDate(ms) {
    const d = new Date(ms);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** date + n days (n may be negative). */
export function addDays(date, days) {
    return formatDate(parseDate(date) + days * 86400000);
}
/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from, to) {
    return Math.round((parseDate(to) - parseDate(from)) / 86400000);
}
/** Today + n days. */
export function day(days = 0) {
    return addDays(TODAY, days);
}
/** A date of a year relative to this one: `dateOfYear(1, '01-01')` is next 1 January. */
export function dateOfYear(yearOffset, monthDay) {
    if (!/^\d{2}-\d{2}$/.test(monthDay)) throw new Error(`monthDay must be MM-DD, not ${monthDay}`);
    return `${YEAR + yearOffset}-${monthDay}`;
}
/** A year relative to this one, as a number. */
export function year(offset = 0) {
    return YEAR + offset;
}
/** A month period (YYYY-MM) relative to this month, or to `from` (YYYY-MM or a date). */
export function month(offset = 0, from = TODAY) {
    const y = Number(from.slice(0, 4));
    const m = Number(from.slice(5, 7)) - 1 + offset;
    const yy = y + Math.floor(m / 12);
    const mm = ((m % 12) + 12) % 12;
    return `${yy}-${pad(mm + 1)}`;
}
/** The first day of a month period relative to this month. */
export function monthStart(offset = 0, from = TODAY) {
    return `${month(offset, from)}-01`;
}
/** The last day of a month period relative to this month. */
export function monthEnd(offset = 0, from = TODAY) {
    return addDays(monthStart(offset + 1, from), -1);
}
/** A date plus whole months, the day kept (clamped to the month's end). */
export function addMonths(date, months) {
    const target = month(months, date);
    const last = Number(addDays(`${month(1, `${target}-01`)}-01`, -1).slice(8, 10));
    return `${target}-${pad(Math.min(Number(date.slice(8, 10)), last))}`;
}
/** A quarter period (YYYY-Qn) relative to this quarter. */
export function quarter(offset = 0) {
    const index = YEAR * 4 + Math.floor((MONTH - 1) / 3) + offset;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}
/** An instant (ISO, +08:00) on a date at a local time 'HH:MM' (default now's time of day). */
export function at(date, time = TEST_NOW.slice(11, 16)) {
    return `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;
}
/** An instant moved by whole days, hours, minutes or seconds (ISO with +08:00 out). */
export function shift(instant, { days = 0, hours = 0, minutes = 0, seconds = 0 } = {}) {
    const ms = new Date(instant).getTime() + ((days * 24 + hours) * 60 + minutes) * 60000 + seconds * 1000;
    return shanghaiIso(new Date(ms));
}
/** A contract's code as the server writes it for a contract created under this clock: HT-<year>-<nnnn>. */
export function contractCode(serial, createdYear = YEAR) {
    return `HT-${createdYear}-${pad(serial, 4)}`;
}
/** A project's code as the server writes it for a project created under this clock: XM-<year>-<nnnn>. */
export function projectCode(serial, createdYear = YEAR) {
    return `XM-${createdYear}-${pad(serial, 4)}`;
}
/** A pattern for any code of a kind created this year: `codePattern('HT')` matches HT-<YEAR>-0001 etc. */
export function codePattern(prefix, createdYear = YEAR) {
    return new RegExp(`^${prefix}-${createdYear}-\\d{4}$`);
}
