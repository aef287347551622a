import { fenToMoney, moneyToFen, normalizeMoney } from '@/utils/money';

/**
 * How many whole months a term covers: 2026-03-15..2027-03-14 is 12. Null when the term does not end
 * the day before a month-day anniversary of its start (the user then states the total themselves).
 */
export function wholeMonths(termStart: string, termEnd: string): number | null {
  const start = /^(\d{4})-(\d{2})-(\d{2})$/.exec(termStart);
  const end = /^(\d{4})-(\d{2})-(\d{2})$/.exec(termEnd);
  if (!start || !end) return null;
  const endNext = new Date(Date.UTC(Number(end[1]), Number(end[2]) - 1, Number(end[3]) + 1));
  const months = (endNext.getUTCFullYear() - Number(start[1])) * 12 + (endNext.getUTCMonth() + 1 - Number(start[2]));
  if (months <= 0 || endNext.getUTCDate() !== Number(start[3])) return null;
  return months;
}

/**
 * CON-1: the contract total is the annual amount times the term in years (annual x months / 12, to the fen).
 * The annual amount is the yearly rate the renewal and percentage clauses read; the total is what the
 * service items and the installments add up to. Null when either input is missing or the term is not whole months.
 */
export function totalFromAnnual(annual: string, termStart: string, termEnd: string): string | null {
  const money = normalizeMoney(annual);
  const months = wholeMonths(termStart, termEnd);
  if (money === null || months === null) return null;
  return fenToMoney(Math.round((moneyToFen(money) * months) / 12));
}
