import type { Installment, ServiceItem } from '@/api/contract/types';
import { fenToMoney, moneyToFen, normalizeMoney } from '@/utils/money';

/** docs/api.md: 1..120 installments, unique periods, amounts summing exactly to `total_amount`. */
export const MAX_INSTALLMENTS = 120;

export type InstallmentProblem = 'none' | 'too-many' | 'empty-period' | 'duplicate-period' | 'bad-amount' | 'sum';

/** Sum of money strings in fen; invalid entries count as zero and are reported by `invalid`. */
export function sumFen(amounts: readonly (string | null | undefined)[]): { fen: number; invalid: number } {
  let fen = 0;
  let invalid = 0;
  for (const amount of amounts) {
    if (normalizeMoney(amount) === null) invalid += 1;
    else fen += moneyToFen(amount as string);
  }
  return { fen, invalid };
}

/** Running total as a money string ("0.00" for nothing). */
export function sumMoney(amounts: readonly (string | null | undefined)[]): string {
  return fenToMoney(sumFen(amounts).fen);
}

/** Signed difference total - sum in fen; null when the total itself is not money. */
export function remainderFen(total: string, amounts: readonly (string | null | undefined)[]): number | null {
  if (normalizeMoney(total) === null) return null;
  return moneyToFen(total) - sumFen(amounts).fen;
}

/** The first reason the installments cannot be saved, or null when they can (CON-1 payment schedule). */
export function installmentProblem(installments: readonly Installment[], total: string): InstallmentProblem | null {
  if (installments.length === 0) return 'none';
  if (installments.length > MAX_INSTALLMENTS) return 'too-many';
  if (installments.some((row) => row.period.trim() === '')) return 'empty-period';
  const periods = new Set(installments.map((row) => row.period.trim()));
  if (periods.size !== installments.length) return 'duplicate-period';
  if (installments.some((row) => normalizeMoney(row.amount) === null)) return 'bad-amount';
  return remainderFen(
    total,
    installments.map((row) => row.amount),
  ) === 0
    ? null
    : 'sum';
}

/** Whether the service items add up to the total (null: they do, or there are none yet). */
export function serviceItemsProblem(items: readonly ServiceItem[], total: string): 'bad-amount' | 'sum' | null {
  if (items.length === 0) return null;
  if (items.some((row) => normalizeMoney(row.amount) === null)) return 'bad-amount';
  return remainderFen(
    total,
    items.map((row) => row.amount),
  ) === 0
    ? null
    : 'sum';
}
