import type { PageQuery } from '../types';
import type { ProposalDecisionInput, ProposalKind, ProposalStatus, WorkflowEvent } from '../generated/schemas';

// The API's shapes come from the server's schemas (server/src/features/supervision/api_schemas.json, issue 10).
export type {
  EvaluateInput,
  EvaluationNote,
  EvaluationResult,
  Evidence,
  Proposal,
  ProposalDecisionInput,
  ProposalKind,
  ProposalOutcome,
  ProposalStatus,
  ProposalSummary,
  Threshold,
} from '../generated/schemas';

export const PROPOSAL_KINDS: ProposalKind[] = ['termination', 'deduction', 'reward'];
export const PROPOSAL_STATUSES: ProposalStatus[] = ['pending_office', 'pending_leadership', 'approved', 'rejected', 'withdrawn'];

/** What an evidence item is about: assessment, survey, energy_saving … */
export type EvidenceKind = 'assessment' | 'survey' | 'energy_saving' | string;

/** One step of a proposal's workflow. */
export type ProposalHistoryEntry = WorkflowEvent;

export type ProposalDecision = ProposalDecisionInput['decision'];

export interface ProposalQuery extends PageQuery {
  kind?: ProposalKind | '';
  status?: ProposalStatus | '';
  contract_id?: number | '';
  vendor_id?: number | '';
}
