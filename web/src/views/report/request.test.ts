import { describe, expect, it } from 'vitest';
import { defaultRequest, isPeriodLabel, reportProblems } from './request';

describe('report request (SUP-7)', () => {
  it('knows the period labels of every assessment frequency', () => {
    for (const label of ['2027-03', '2027-12', '2027-Q1', '2027-Q4', '2027-H1', '2027-H2', '2027']) expect(isPeriodLabel(label)).toBe(true);
    for (const label of ['2027-13', '2027-Q5', '2027-H3', '27-03', '2027-3', '']) expect(isPeriodLabel(label)).toBe(false);
  });
  it('needs a period for the quality report', () => {
    expect(reportProblems({ kind: 'quality', period: '' })).toEqual({ period: 'common.validation.required' });
    expect(reportProblems({ kind: 'quality', period: 'March' })).toEqual({ period: 'report.form.periodInvalid' });
    expect(reportProblems({ kind: 'quality', period: '2027-Q1' })).toEqual({});
  });
  it('needs dates in order for the internal audit', () => {
    expect(reportProblems({ kind: 'internal-audit', from: '', to: '2027-01-01' })).toEqual({ dates: 'common.validation.required' });
    expect(reportProblems({ kind: 'internal-audit', from: '2027-02-01', to: '2027-01-01' })).toEqual({ dates: 'report.form.datesReversed' });
    expect(reportProblems({ kind: 'internal-audit', from: '2027-01-01', to: '2027-01-01' })).toEqual({});
  });
  it('opens on this month, or this year so far', () => {
    expect(defaultRequest('quality', '2027-05-10')).toEqual({ kind: 'quality', period: '2027-05', vendor_id: '' });
    expect(defaultRequest('internal-audit', '2027-05-10')).toEqual({ kind: 'internal-audit', from: '2027-01-01', to: '2027-05-10', vendor_id: '' });
  });
});
