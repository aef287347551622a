import { describe, expect, it } from 'vitest';
import { isPercentClause, normalizeClause, percentText, toBasisPoints } from './deduction';

// RP-2: a deduction clause in percent of the period's fee is edited as a percentage and sent as basis points.
describe('RP-2 deduction clauses in percent of the fee', () => {
  it('prints basis points as a percentage with two decimals', () => {
    expect(percentText(100)).toBe('1.00%');
    expect(percentText(150)).toBe('1.50%');
    expect(percentText(10000)).toBe('100.00%');
    expect(percentText(undefined)).toBe('0.00%');
  });

  it('turns a typed percentage into whole basis points', () => {
    expect(toBasisPoints(1.15)).toBe(115);
    expect(toBasisPoints(10)).toBe(1000);
    expect(toBasisPoints(null)).toBe(0);
  });

  it('sends a percentage clause without money and a fixed one without percentages', () => {
    const money = (value: string) => Number(value).toFixed(2);
    const percent = normalizeClause(
      { kind: 'percent_of_fee_per_point_below_pass', amount: '5', cap: '', rate_basis_points: 100, cap_basis_points: 1000, description: '' },
      money,
    );
    expect(isPercentClause(percent)).toBe(true);
    expect(percent).toMatchObject({ amount: '0.00', cap: '0.00', rate_basis_points: 100, cap_basis_points: 1000 });
    const fixed = normalizeClause({ kind: 'per_point_below_pass', amount: '100', cap: '3000', rate_basis_points: 100, description: '' }, money);
    expect(fixed).toMatchObject({ amount: '100.00', cap: '3000.00', rate_basis_points: 0, cap_basis_points: 0 });
  });
});
