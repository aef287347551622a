import { describe, expect, it } from 'vitest';
import { installmentProblem, remainderFen, serviceItemsProblem, sumMoney } from './installments';

const row = (period: string, amount: string) => ({ period, due_date: `${period}-28`, amount });

describe('installment sum check (CON-1 payment schedule)', () => {
  it('accepts installments summing exactly to the total, in fen', () => {
    const rows = [row('2027-01', '33333.33'), row('2027-02', '33333.33'), row('2027-03', '33333.34')];
    expect(sumMoney(rows.map((r) => r.amount))).toBe('100000.00');
    expect(installmentProblem(rows, '100000.00')).toBeNull();
  });
  it('refuses a sum off by one fen and tells by how much', () => {
    const rows = [row('2027-01', '33333.33'), row('2027-02', '33333.33'), row('2027-03', '33333.33')];
    expect(installmentProblem(rows, '100000.00')).toBe('sum');
    expect(
      remainderFen(
        '100000.00',
        rows.map((r) => r.amount),
      ),
    ).toBe(1);
  });
  it('never uses floating point: 0.1 + 0.2 is 0.30', () => {
    expect(installmentProblem([row('a', '0.1'), row('b', '0.2')], '0.30')).toBeNull();
  });
  it('reports empty, duplicate periods and bad amounts', () => {
    expect(installmentProblem([], '1.00')).toBe('none');
    expect(installmentProblem([row(' ', '1.00')], '1.00')).toBe('empty-period');
    expect(installmentProblem([row('2027-01', '1.00'), row('2027-01', '1.00')], '2.00')).toBe('duplicate-period');
    expect(installmentProblem([row('2027-01', '-1')], '1.00')).toBe('bad-amount');
    const many = Array.from({ length: 121 }, (_, i) => row(`p${i}`, '1.00'));
    expect(installmentProblem(many, '121.00')).toBe('too-many');
  });
  it('checks service items against the total too', () => {
    const items = [
      { name: 'a', scope: '', fee_standard: '', amount: '240000.00' },
      { name: 'b', scope: '', fee_standard: '', amount: '120000' },
    ];
    expect(serviceItemsProblem(items, '360000.00')).toBeNull();
    expect(serviceItemsProblem(items, '360000.01')).toBe('sum');
    expect(serviceItemsProblem([], '1.00')).toBeNull();
  });
  it('has no remainder for a total that is not money', () => {
    expect(remainderFen('abc', ['1.00'])).toBeNull();
  });
});
