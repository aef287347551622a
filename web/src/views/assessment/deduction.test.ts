import { describe, expect, it } from 'vitest';
import type { Proposal } from '@/api/proposal/types';
import { proposalsOfAssessment } from './deduction';

const proposal = (id: number, evidence: Proposal['evidence']) => ({ id, evidence }) as Proposal;

describe('SUP-3 the deduction an assessment triggered', () => {
  it('finds the proposals whose evidence names the assessment', () => {
    const list = [
      proposal(1, [{ kind: 'assessment', id: 7, period: null, date: null, value: '52.5', description: '' }]),
      proposal(2, [{ kind: 'assessment', id: '8', period: null, date: null, value: '40', description: '' }]),
      proposal(3, [{ kind: 'survey', id: 7, period: null, date: null, value: '50%', description: '' }]),
    ];
    expect(proposalsOfAssessment(list, 7).map((item) => item.id)).toEqual([1]);
    expect(proposalsOfAssessment(list, 8).map((item) => item.id)).toEqual([2]);
  });
});
