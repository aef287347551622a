import { describe, expect, it } from 'vitest';
import type { ProposalSummary } from '@/api/proposal/types';
import { proposalsOfAssessment } from './deduction';

const proposal = (id: number, evidence: ProposalSummary['evidence']) => ({ id, evidence }) as ProposalSummary;
const text = { 'zh-CN': '', en: '' };

describe('SUP-3 the deduction an assessment triggered', () => {
  it('finds the proposals whose evidence names the assessment', () => {
    const list = [
      proposal(1, [{ kind: 'assessment', id: '7', period: '', date: '', value: '52.5', description: text }]),
      proposal(2, [{ kind: 'assessment', id: '8', period: '', date: '', value: '40', description: text }]),
      proposal(3, [{ kind: 'survey', id: '7', period: '', date: '', value: '50%', description: text }]),
    ];
    expect(proposalsOfAssessment(list, 7).map((item) => item.id)).toEqual([1]);
    expect(proposalsOfAssessment(list, 8).map((item) => item.id)).toEqual([2]);
  });
});
