import type { ProposalSummary } from '@/api/proposal/types';

/**
 * The proposals an assessment triggered (SUP-3 → RP-2): the policy engine names the assessment in each
 * proposal's evidence, so the assessment page can show the deduction it started without a new route.
 */
export function proposalsOfAssessment(proposals: readonly ProposalSummary[], assessmentId: number): ProposalSummary[] {
  return proposals.filter((proposal) => proposal.evidence.some((item) => item.kind === 'assessment' && Number(item.id) === assessmentId));
}
