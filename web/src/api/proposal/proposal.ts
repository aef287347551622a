import { http } from '../http';
import type { Page } from '../types';
import type { EvaluateInput, EvaluationResult, Proposal, ProposalDecisionInput, ProposalQuery, ProposalSummary } from './types';

export function getProposalPageApi(query: ProposalQuery): Promise<Page<ProposalSummary>> {
  return http.get<Page<ProposalSummary>>('/proposals', { ...query });
}

export function getProposalApi(id: number): Promise<Proposal> {
  return http.get<Proposal>(`/proposals/${id}`);
}

/** The office step (pending_office) or leadership's final step (pending_leadership). */
export function decideProposalApi(id: number, decision: ProposalDecisionInput): Promise<Proposal> {
  return http.post<Proposal>(`/proposals/${id}/decision`, decision);
}

/** Runs the rules now (RP-4): one contract, or all when contract_id is null. */
export function evaluatePolicyApi(input: EvaluateInput): Promise<EvaluationResult> {
  return http.post<EvaluationResult>('/policy/evaluate', input);
}
