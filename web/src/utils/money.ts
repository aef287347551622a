/**
 * Money is a decimal string with two places ("12345.67"), exact to the fen.
 * Everything here works on strings and integers: never on floating point.
 */
const MONEY_INPUT = /^\s*(\d{1,15})(?:\.(\d{0,2}))?\s*$/;

/** "1234.5" → "1234.50"; "007" → "7.00"; invalid or negative input → null. */
export function normalizeMoney(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const match = MONEY_INPUT.exec(input.replace(/,/g, ''));
  if (!match) return null;
  const whole = match[1].replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return `${whole}.${fraction}`;
}

export function isMoney(input: string | null | undefined): boolean {
  return normalizeMoney(input) !== null;
}

/** "5000000.00" → 500000000 (fen) using BigInt-free integer string math. */
export function moneyToFen(money: string): number {
  const normalized = normalizeMoney(money);
  if (normalized === null) throw new Error(`not a money value: ${money}`);
  const [whole, fraction] = normalized.split('.');
  return Number(whole + fraction);
}

/** 123456 → "1234.56". */
export function fenToMoney(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new Error(`not a fen amount: ${fen}`);
  const text = String(fen).padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

/** "5000000.00" → "5,000,000.00" for display; invalid input is returned unchanged. */
export function formatMoney(money: string | null | undefined): string {
  if (money === null || money === undefined || money === '') return '';
  const normalized = normalizeMoney(money);
  if (normalized === null) return money;
  const [whole, fraction] = normalized.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}
