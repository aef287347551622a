import { describe, expect, it } from 'vitest';
import { groupBySection, rootOf, rowErrorOf, sectionOfField } from './sections';

describe('error field → section', () => {
  it('maps nested and indexed paths to their section', () => {
    expect(sectionOfField('payment.installments[2].amount')).toBe('payment');
    expect(sectionOfField('staffing[0].hours')).toBe('staffing');
    expect(sectionOfField('assessment.checklist')).toBe('assessment');
    expect(sectionOfField('party_b.bank_account_no')).toBe('party_b');
    expect(sectionOfField('deductions[1].cap')).toBe('deductions');
    expect(sectionOfField('total_amount')).toBe('basic');
    expect(sectionOfField('confidentiality')).toBe('terms');
    expect(sectionOfField('responsible_department_id')).toBe('responsible');
    expect(sectionOfField('service_items')).toBe('service_items');
  });
  it('has no section for fields outside the content', () => {
    expect(sectionOfField('X-CSRF-Token')).toBeNull();
    expect(sectionOfField('')).toBeNull();
  });
  it('takes the root of a path', () => {
    expect(rootOf('payment.installments[2].amount')).toBe('payment');
    expect(rootOf('staffing[0].hours')).toBe('staffing');
  });
  it('finds the row and column inside a table', () => {
    expect(rowErrorOf('payment.installments[2].amount', 'payment.installments')).toEqual({ row: 2, column: 'amount' });
    expect(rowErrorOf('payment.installments', 'payment.installments')).toEqual({ row: null, column: '' });
    expect(rowErrorOf('staffing[3]', 'staffing')).toEqual({ row: 3, column: '' });
    expect(rowErrorOf('payment.method', 'payment.installments')).toBeNull();
    expect(rowErrorOf('staffingx[0].role', 'staffing')).toBeNull();
  });
  it('groups errors by section in order', () => {
    const groups = groupBySection(['staffing[0].hours', 'title', 'staffing[1].people', 'X-CSRF-Token']);
    expect([...groups.entries()]).toEqual([
      ['staffing', ['staffing[0].hours', 'staffing[1].people']],
      ['basic', ['title']],
      [null, ['X-CSRF-Token']],
    ]);
  });
});
