import { http } from '../http';
import type { LocalizedText } from '../types';

// Written replacement requests (STF-4, D2 staff rule 6): the office asks for a person on a roster to be replaced, the
// vendor names the replacement and reports back by the deadline, the office confirms or returns the report.

export type ReplacementStatus = 'open' | 'reported' | 'returned' | 'closed';
export type ReplacementAction = 'report' | 'confirm' | 'return';

export interface ReplacementEvent {
  at: string;
  /** request, report, confirm, return */
  action: string;
  actor_name: string;
  actor_display_name?: string | null;
  role?: string;
  role_name?: LocalizedText | null;
  from_state: string;
  to_state: string;
  comment?: string | null;
}

export interface Replacement {
  id: number;
  contract_id: number;
  /** The person to be replaced. */
  person_id: number;
  person_name: string;
  reason: string;
  attachment_id: number | null;
  attachment_name: string | null;
  requested_on: string;
  /** The setting staff.replacement_days in force when asked, kept with the request. */
  deadline_days: number;
  /** requested_on + deadline_days: the report is due by the end of this day. */
  deadline: string;
  status: ReplacementStatus;
  /** The person the vendor names. */
  replacement_id: number | null;
  replacement_name: string | null;
  report_note: string;
  reported_at: string | null;
  /** Days past the deadline with no report in (open or returned); 0 otherwise. */
  overdue_days: number;
  /** What the caller may do now. */
  allowed_actions: ReplacementAction[];
  events: ReplacementEvent[];
}

export interface ReplacementList {
  items: Replacement[];
  can_request: boolean;
  /** The setting in force: a new request is due this many days after today. */
  deadline_days: number;
}

export interface ReplacementInput {
  person_id: number | null;
  reason: string;
  attachment_id: number | null;
}

export interface ReplacementReportInput {
  replacement_id: number | null;
  note: string;
}

export function getReplacementsApi(contractId: number): Promise<ReplacementList> {
  return http.get<ReplacementList>(`/contracts/${contractId}/replacements`);
}

export function requestReplacementApi(contractId: number, input: ReplacementInput): Promise<Replacement> {
  return http.post<Replacement>(`/contracts/${contractId}/replacements`, input);
}

export function reportReplacementApi(id: number, input: ReplacementReportInput): Promise<Replacement> {
  return http.post<Replacement>(`/staff/replacements/${id}/report`, input);
}

export function confirmReplacementApi(id: number, comment: string): Promise<Replacement> {
  return http.post<Replacement>(`/staff/replacements/${id}/confirm`, { comment });
}

export function returnReplacementApi(id: number, reason: string): Promise<Replacement> {
  return http.post<Replacement>(`/staff/replacements/${id}/return`, { reason });
}
