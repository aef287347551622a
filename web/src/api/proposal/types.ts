import type { LocalizedText, PageQuery } from '../types';

/** docs/api.md "Proposals" (RP-1 … RP-4). */
export type ProposalKind = 'termination' | 'deduction' | 'reward';
export const PROPOSAL_KINDS: ProposalKind[] = ['termination', 'deduction', 'reward'];

export type ProposalStatus = 'pending_office' | 'pending_leadership' | 'approved' | 'rejected' | 'withdrawn';
export const PROPOSAL_STATUSES: ProposalStatus[] = ['pending_office', 'pending_leadership', 'approved', 'rejected', 'withdrawn'];

export type EvidenceKind = 'assessment' | 'survey' | 'energy_saving' | string;

export interface Evidence {
  kind: EvidenceKind;
  id: number | string;
  period: string | null;
  date: string | null;
  /** Canonical text: "52.5" (score), "59.99%" (rate), "1200.00+350kWh" (saving). */
  value: string;
  description: LocalizedText | string;
}

export interface Threshold {
  name: string;
  value: string | number;
}

export interface ProposalOutcome {
  ledger_entry_id: number | null;
  terminated: boolean;
}

export interface ProposalHistoryEntry {
  at: string;
  actor_name: string;
  actor_display_name?: string | null;
  role: string;
  role_name?: LocalizedText | null;
  action: string;
  comment: string | null;
}

export type ProposalDecision = 'approve' | 'reject';

export interface Proposal {
  id: number;
  contract_id: number;
  contract_code: string;
  contract_title: string;
  vendor_id: number;
  vendor_name: string;
  kind: ProposalKind;
  rule: string;
  rule_version: string;
  settings_version: string;
  status: ProposalStatus;
  amount: string | null;
  approved_amount: string | null;
  period: string | null;
  evidence: Evidence[];
  thresholds: Threshold[];
  explanation: LocalizedText;
  outcome: ProposalOutcome | null;
  allowed_actions: string[];
  created_at: string;
  updated_at: string;
  history: ProposalHistoryEntry[];
}

export interface ProposalQuery extends PageQuery {
  kind?: ProposalKind | '';
  status?: ProposalStatus | '';
  contract_id?: number | '';
  vendor_id?: number | '';
}

export interface ProposalDecisionInput {
  decision: ProposalDecision;
  comment: string;
  /** Reward at the leadership step: the amount granted. */
  amount?: string;
}

export interface EvaluateInput {
  contract_id: number | null;
  year_end_review: boolean;
}

export interface EvaluationNote {
  code: string;
  subject_id: number | string;
  text: LocalizedText | string;
}

export interface EvaluationResult {
  evaluated: number;
  proposed: number[];
  withdrawn: number[];
  notes: EvaluationNote[];
}
