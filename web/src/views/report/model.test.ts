import { describe, expect, it } from 'vitest';
import type { ReportProposal } from '@/api/report/types';
import { messages } from '@/locales';
import { OTHER_KEY, entryReason, entrySource, moneyText, proposalAmount, scoreText, wordKey } from './model';

function has(locale: 'zh-CN' | 'en', key: string): boolean {
  let node: unknown = messages[locale];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

const proposal: ReportProposal = {
  id: 12,
  kind: 'deduction',
  rule: 'RP-2',
  status: 'approved',
  period: '2027-03',
  amount: '3000.00',
  approved_amount: '2500.00',
  explanation: { 'zh-CN': '3月考核不合格，按合同扣款', en: 'Failed the March assessment: deduction per the contract' },
  created_at: '2027-04-02T09:00:00+08:00',
  updated_at: '2027-04-05T09:00:00+08:00',
};

describe('report words', () => {
  it('X-6 names every value the reports send in both languages', () => {
    const values: [Parameters<typeof wordKey>[0], string[]][] = [
      ['assessmentKind', ['routine', 'special']],
      ['ledgerKind', ['deduction', 'reward']],
      ['proposalKind', ['termination', 'deduction', 'reward']],
      ['proposalStatus', ['pending_office', 'pending_leadership', 'approved', 'rejected', 'withdrawn']],
      ['rectificationStatus', ['open', 'reported', 'closed']],
      ['rectificationEffect', ['effective', 'partly_effective', 'ineffective']],
      ['contractEvent', ['amend', 'sign', 'renew', 'terminate']],
      ['contractStatus', ['signed', 'active', 'expired', 'terminated', 'renewed']],
    ];
    for (const [group, list] of values) {
      for (const value of list) {
        const key = wordKey(group, value);
        expect(has('zh-CN', key), `zh-CN ${key}`).toBe(true);
        expect(has('en', key), `en ${key}`).toBe(true);
      }
    }
    expect(wordKey('assessmentKind', 'routine')).toBe('assessment.kind.routine');
  });

  it('X-6 falls back to a plain word for a value nobody named, never a key built from odd input', () => {
    expect(wordKey('proposalStatus', '')).toBe(OTHER_KEY);
    expect(wordKey('proposalStatus', null)).toBe(OTHER_KEY);
    expect(wordKey('proposalStatus', 'x.y')).toBe(OTHER_KEY);
    expect(wordKey('proposalStatus', 'Approved')).toBe(OTHER_KEY);
    expect(has('zh-CN', OTHER_KEY) && has('en', OTHER_KEY)).toBe(true);
  });
});

describe('report figures', () => {
  it('SUP-7 writes scores as the PDF does and a dash for none', () => {
    expect(scoreText(85)).toBe('85');
    expect(scoreText(52.5)).toBe('52.5');
    expect(scoreText(83.333)).toBe('83.3');
    expect(scoreText(null)).toBe('—');
    expect(scoreText(Number.NaN)).toBe('—');
  });

  it('SUP-7 writes money in yuan with thousands separators', () => {
    expect(moneyText('1200000.00')).toBe('1,200,000.00');
    expect(moneyText('0.50')).toBe('0.50');
    expect(moneyText(null)).toBe('—');
  });

  it('SUP-7 takes the approved amount of a proposal, else the proposed one', () => {
    expect(proposalAmount(proposal)).toBe('2,500.00');
    expect(proposalAmount({ amount: '3000.00', approved_amount: null })).toBe('3,000.00');
    expect(proposalAmount({ amount: null, approved_amount: null })).toBe('—');
  });
});

describe('ledger entries in the audit report', () => {
  const fromProposal = { reason: '建议 #12(RP-2):3月考核不合格，按合同扣款', source: 'proposal', proposal_id: 12 };

  it('X-6 explains an entry from a proposal in the reader language, without the rule code', () => {
    expect(entryReason(fromProposal, [proposal], 'en')).toBe('Failed the March assessment: deduction per the contract');
    expect(entryReason(fromProposal, [proposal], 'zh-CN')).toBe('3月考核不合格，按合同扣款');
  });

  it('X-6 strips the proposal prefix when the proposal was decided outside the dates', () => {
    expect(entryReason(fromProposal, [], 'en')).toBe('3月考核不合格，按合同扣款');
    expect(entryReason({ ...fromProposal, reason: '建议 #3（RP-3/failures）：终止' }, [], 'zh-CN')).toBe('终止');
  });

  it('SUP-7 keeps a reason typed by hand as it is', () => {
    expect(entryReason({ reason: '#3 岗位空缺', source: 'manual', proposal_id: null }, [proposal], 'en')).toBe('#3 岗位空缺');
  });

  it('SUP-7 says where an entry came from', () => {
    expect(entrySource(fromProposal)).toEqual({ key: 'report.source.proposal', id: 12 });
    expect(entrySource({ source: 'proposal', proposal_id: null })).toEqual({ key: 'report.source.proposalUnnumbered' });
    expect(entrySource({ source: 'manual', proposal_id: null })).toEqual({ key: 'report.source.manual' });
    for (const key of ['report.source.proposal', 'report.source.proposalUnnumbered', 'report.source.manual']) {
      expect(has('zh-CN', key) && has('en', key), key).toBe(true);
    }
  });
});
