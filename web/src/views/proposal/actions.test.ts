import { describe, expect, it } from 'vitest';
import { amountRequired, decisionButtons, decisionProblems, evidenceRoute, ruleKey, stepPermission, statusTagType } from './actions';

const OFFICE = ['supervision:read', 'supervision:write'];
const LEADERSHIP = ['supervision:read', 'proposal:decide'];

describe('proposal decision buttons (RP-1..RP-4)', () => {
  it('gives the office the first step and leadership the last', () => {
    expect(stepPermission('pending_office')).toBe('supervision:write');
    expect(stepPermission('pending_leadership')).toBe('proposal:decide');
    expect(stepPermission('approved')).toBeNull();
    const office = { status: 'pending_office' as const, allowed_actions: ['approve', 'reject'] };
    expect(decisionButtons(office, OFFICE).map((b) => b.testId)).toEqual(['proposal-approve', 'proposal-reject']);
    expect(decisionButtons(office, LEADERSHIP)).toEqual([]);
    const leadership = { status: 'pending_leadership' as const, allowed_actions: ['approve', 'reject'] };
    expect(decisionButtons(leadership, LEADERSHIP).map((b) => b.decision)).toEqual(['approve', 'reject']);
    expect(decisionButtons(leadership, OFFICE)).toEqual([]);
  });
  it('follows allowed_actions, including a single "decide"', () => {
    expect(decisionButtons({ status: 'pending_office', allowed_actions: ['reject'] }, OFFICE).map((b) => b.decision)).toEqual(['reject']);
    expect(decisionButtons({ status: 'pending_office', allowed_actions: ['decide'] }, OFFICE)).toHaveLength(2);
    expect(decisionButtons({ status: 'pending_office', allowed_actions: [] }, OFFICE)).toEqual([]);
    expect(decisionButtons({ status: 'approved', allowed_actions: ['approve'] }, [...OFFICE, ...LEADERSHIP])).toEqual([]);
  });
});

describe('decision checks', () => {
  const reward = { kind: 'reward' as const, status: 'pending_leadership' as const };
  const deduction = { kind: 'deduction' as const, status: 'pending_leadership' as const };
  it('needs an amount only for a reward approved by leadership', () => {
    expect(amountRequired(reward, 'approve')).toBe(true);
    expect(amountRequired(reward, 'reject')).toBe(false);
    expect(amountRequired({ kind: 'reward', status: 'pending_office' }, 'approve')).toBe(false);
    expect(amountRequired(deduction, 'approve')).toBe(false);
  });
  it('needs a comment to reject', () => {
    expect(decisionProblems(deduction, { decision: 'reject', comment: ' ', amount: '' })).toEqual({ comment: 'comment-required' });
    expect(decisionProblems(deduction, { decision: 'reject', comment: '证据不足', amount: '' })).toEqual({});
    expect(decisionProblems(deduction, { decision: 'approve', comment: '', amount: '' })).toEqual({});
  });
  it('checks the reward amount as money above zero', () => {
    expect(decisionProblems(reward, { decision: 'approve', comment: '', amount: '' })).toEqual({ amount: 'amount-required' });
    expect(decisionProblems(reward, { decision: 'approve', comment: '', amount: '0' })).toEqual({ amount: 'amount-invalid' });
    expect(decisionProblems(reward, { decision: 'approve', comment: '', amount: '12.345' })).toEqual({ amount: 'amount-invalid' });
    expect(decisionProblems(reward, { decision: 'approve', comment: '', amount: '5000' })).toEqual({});
  });
});

describe('evidence links and tags', () => {
  it('links assessments and surveys', () => {
    expect(evidenceRoute({ kind: 'assessment', id: '7' })).toBe('/assessments/7');
    expect(evidenceRoute({ kind: 'survey', id: '3' })).toBe('/surveys/3');
    expect(evidenceRoute({ kind: 'energy_saving', id: '2' })).toBeNull();
    expect(evidenceRoute({ kind: 'assessment', id: 'x' })).toBeNull();
  });
  it('names rules with keys vue-i18n can read', () => {
    expect(ruleKey('RP-3/failures')).toBe('proposal.rule.RP_3_failures');
    expect(ruleKey('RP-2')).toBe('proposal.rule.RP_2');
  });
  it('colours statuses', () => {
    expect(statusTagType('pending_office')).toBe('warning');
    expect(statusTagType('withdrawn')).toBe('info');
  });
});
