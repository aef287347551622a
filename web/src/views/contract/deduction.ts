import type { DeductionClause, DeductionKind } from '@/api/contract/types';

/**
 * Deduction clauses (RP-2) are either a fixed amount per unit with a cap in money, or a percentage of the period's
 * fee per point below the pass mark with a cap as a percentage of the same fee. Percentages travel as integer basis
 * points (100 = 1.00%), so no floating point reaches the server.
 */
export const PERCENT_KIND: DeductionKind = 'percent_of_fee_per_point_below_pass';

export function isPercentClause(clause: Pick<DeductionClause, 'kind'>): boolean {
  return clause.kind === PERCENT_KIND;
}

/** 150 -> "1.50%". */
export function percentText(basisPoints: number | undefined): string {
  const value = Math.max(0, Math.trunc(basisPoints ?? 0));
  return `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}%`;
}

/** A percentage typed with at most two decimals (1.5) -> basis points (150). */
export function toBasisPoints(percent: number | null | undefined): number {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return 0;
  return Math.round(percent * 100);
}

/** The clause as sent: a percentage clause carries no money, a fixed one no percentages. */
export function normalizeClause(clause: DeductionClause, money: (value: string) => string): DeductionClause {
  if (isPercentClause(clause)) {
    return { ...clause, amount: '0.00', cap: '0.00', rate_basis_points: clause.rate_basis_points ?? 0, cap_basis_points: clause.cap_basis_points ?? 0 };
  }
  return { ...clause, amount: money(clause.amount), cap: money(clause.cap), rate_basis_points: 0, cap_basis_points: 0 };
}
