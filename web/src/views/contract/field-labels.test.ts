import { describe, expect, it } from 'vitest';
import { fieldLabel } from './field-labels';

const t = (key: string, named?: Record<string, unknown>) => (named ? `${key}(${JSON.stringify(named)})` : key);

describe('fieldLabel', () => {
  it('names each segment and numbers rows from 1', () => {
    expect(fieldLabel('payment.installments[2].amount', t)).toBe('contract.section.payment · contract.editor.row({"row":3}) · contract.field.amount');
    expect(fieldLabel('staffing[0].hours', t)).toBe('contract.section.staffing · contract.editor.row({"row":1}) · contract.field.hours');
  });
  it('tells payment and assessment frequency apart', () => {
    expect(fieldLabel('assessment.frequency', t)).toBe('contract.section.assessment · contract.field.assessmentFrequency');
    expect(fieldLabel('payment.frequency', t)).toBe('contract.section.payment · contract.field.paymentFrequency');
  });
  it('names the rules the text cites and their settings version (CON-1)', () => {
    expect(fieldLabel('rules.title', t)).toBe('contract.field.rules');
    expect(fieldLabel('rules.settings_version', t)).toBe('contract.field.rules · contract.field.rulesSettingsVersion');
  });
  it('keeps unknown names', () => {
    expect(fieldLabel('X-CSRF-Token', t)).toBe('X-CSRF-Token');
  });
});
