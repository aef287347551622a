import { describe, expect, it } from 'vitest';
import { effectTag, overdueDays, rectificationActions, statusTag, verificationBody, verificationProblems } from './rules';

const TODAY = '2027-05-10';

describe('overdueDays (SUP-2)', () => {
  it('takes the server figure when it says overdue', () => {
    expect(overdueDays({ status: 'open', deadline: '2027-05-01', overdue: true, days_overdue: 9 }, TODAY)).toBe(9);
  });
  it('trusts the server when it says not overdue', () => {
    expect(overdueDays({ status: 'open', deadline: '2027-05-01', overdue: false, days_overdue: 0 }, TODAY)).toBe(0);
  });
  it('computes open rectifications past their deadline when the server left it out', () => {
    expect(overdueDays({ status: 'open', deadline: '2027-05-07' }, TODAY)).toBe(3);
    expect(overdueDays({ status: 'open', deadline: TODAY }, TODAY)).toBe(0);
    expect(overdueDays({ status: 'open', deadline: '2027-06-01' }, TODAY)).toBe(0);
  });
  it('does not count a report awaiting verification or a closed one', () => {
    expect(overdueDays({ status: 'reported', deadline: '2027-05-01' }, TODAY)).toBe(0);
    expect(overdueDays({ status: 'closed', deadline: '2027-05-01' }, TODAY)).toBe(0);
  });
  it('shows at least one day for an overdue flag without a count', () => {
    expect(overdueDays({ status: 'open', deadline: TODAY, overdue: true }, TODAY)).toBe(1);
  });
});

describe('rectification actions', () => {
  it('lets the vendor report an open one and the office verify a reported one', () => {
    expect(rectificationActions('open', ['supervision:read', 'supervision:respond'])).toEqual({ report: true, verify: false });
    expect(rectificationActions('reported', ['supervision:read', 'supervision:write'])).toEqual({ report: false, verify: true });
  });
  it('offers nothing out of turn or without the permission', () => {
    expect(rectificationActions('reported', ['supervision:respond'])).toEqual({ report: false, verify: false });
    expect(rectificationActions('open', ['supervision:write'])).toEqual({ report: false, verify: false });
    expect(rectificationActions('closed', ['supervision:write', 'supervision:respond'])).toEqual({ report: false, verify: false });
  });
  it('colours statuses and effects', () => {
    expect(statusTag('open')).toBe('warning');
    expect(statusTag('closed')).toBe('success');
    expect(effectTag('ineffective')).toBe('danger');
    expect(effectTag(null)).toBe('info');
  });
});

describe('verification', () => {
  it('needs an effect to accept and a comment to reject', () => {
    expect(verificationProblems({ result: 'accepted', effect: '', comment: '' })).toEqual({ effect: 'rectification.verify.effectRequired' });
    expect(verificationProblems({ result: 'rejected', effect: '', comment: '  ' })).toEqual({ comment: 'rectification.verify.commentRequired' });
    expect(verificationProblems({ result: '', effect: '', comment: '' })).toEqual({ result: 'common.validation.required' });
    expect(verificationProblems({ result: 'accepted', effect: 'partly_effective', comment: '' })).toEqual({});
  });
  it('sends the effect only with an acceptance', () => {
    expect(verificationBody({ result: 'accepted', effect: 'effective', comment: ' ok ' })).toEqual({ result: 'accepted', effect: 'effective', comment: 'ok' });
    expect(verificationBody({ result: 'rejected', effect: 'effective', comment: 'photos missing' })).toEqual({ result: 'rejected', comment: 'photos missing' });
  });
});
