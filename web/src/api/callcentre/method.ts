import { http } from '../http';
import type { LocalizedText } from '../types';
import type { StaffingRequestEvent } from '../staff/staffing';

// The agent scoring method (CC-3): the vendor drafts a version, edits and submits it; the office approves it or
// returns it with a reason. Approved versions are numbered 1, 2, ... per contract and never change.

export type ScoringMethodStatus = 'draft' | 'submitted' | 'returned' | 'approved';
export type ProRating = 'by_days_held' | 'none';

/** The method's values; points are numbers with at most two decimals. */
export interface ScoringMethodValues {
  weights: { discipline: number; visits: number; talk_time: number; training: number };
  visits_target: number;
  talk_seconds_target: number;
  visits_cap_percent: number;
  talk_cap_percent: number;
  absence_deduction: number;
  late_deduction: number;
  violation_deduction: number;
  penalty_deduction: number;
  training_full_score: number;
  pro_rating: ProRating;
}

export interface ScoringMethod {
  id: number;
  contract_id: number;
  status: ScoringMethodStatus;
  status_name: LocalizedText;
  /** Null until the office approves it. */
  version: number | null;
  effective_from: string;
  values: ScoringMethodValues;
  note: string;
  return_reason: string;
  drafted_by: string;
  approved_by: string | null;
  submitted_at: string | null;
  approved_at: string | null;
  created_at: string;
  /** edit, submit, approve, return: what the caller may do now. */
  allowed_actions: string[];
  events: StaffingRequestEvent[];
}

export interface ScoringMethodList {
  items: ScoringMethod[];
  can_draft: boolean;
  in_force_version: number | null;
  defaults: { effective_from: string; values: ScoringMethodValues };
}

export interface ScoringMethodInput extends ScoringMethodValues {
  effective_from: string;
  note: string;
}

export function getScoringMethodsApi(contractId: number): Promise<ScoringMethodList> {
  return http.get<ScoringMethodList>(`/contracts/${contractId}/scoring-methods`);
}

export function draftScoringMethodApi(contractId: number, input: ScoringMethodInput): Promise<ScoringMethod> {
  return http.post<ScoringMethod>(`/contracts/${contractId}/scoring-methods`, input);
}

export function editScoringMethodApi(id: number, input: ScoringMethodInput): Promise<ScoringMethod> {
  return http.put<ScoringMethod>(`/callcentre/scoring-methods/${id}`, input);
}

export function submitScoringMethodApi(id: number, note: string): Promise<ScoringMethod> {
  return http.post<ScoringMethod>(`/callcentre/scoring-methods/${id}/submit`, { note });
}

export function approveScoringMethodApi(id: number, note: string): Promise<ScoringMethod> {
  return http.post<ScoringMethod>(`/callcentre/scoring-methods/${id}/approve`, { note });
}

export function returnScoringMethodApi(id: number, reason: string): Promise<ScoringMethod> {
  return http.post<ScoringMethod>(`/callcentre/scoring-methods/${id}/return`, { reason });
}
