import { http } from '../http';
import type { LocalizedText } from '../types';
import type { StaffingRequestEvent } from '../staff/staffing';

// Penalty suggestions (CC-4): the office suggests a penalty for a named agent with written evidence, before 00:00 on
// the 2nd of the following month; the vendor verifies and accepts or rejects it with a reason.

export type PenaltySuggestionStatus = 'submitted' | 'accepted' | 'rejected';

export interface PenaltySuggestion {
  id: number;
  contract_id: number;
  person_id: number;
  person_name: string;
  month: string;
  recording_ref: string;
  supervision_note: string;
  attachment_id: number | null;
  attachment_name: string | null;
  submitted_at: string;
  /** The first instant too late for the month. */
  deadline: string;
  in_time: boolean;
  deadline_reason: LocalizedText;
  status: PenaltySuggestionStatus;
  status_name: LocalizedText;
  decision_note: string;
  decided_at: string | null;
  /** accept, reject: what the caller may do now. */
  allowed_actions: string[];
  events: StaffingRequestEvent[];
}

export interface PenaltySuggestionList {
  month: string | null;
  /** The month a new suggestion is for unless another is chosen: last month until 00:00 on the 2nd. */
  open_month: string;
  open_deadline: string;
  open_deadline_text: string;
  can_submit: boolean;
  agents: { person_id: number; name: string }[];
  items: PenaltySuggestion[];
}

export interface PenaltySuggestionInput {
  person_id: number | null;
  month: string;
  recording_ref: string;
  supervision_note: string;
  attachment_id: number | null;
}

export function getPenaltySuggestionsApi(contractId: number, month = ''): Promise<PenaltySuggestionList> {
  const query = month ? `?month=${encodeURIComponent(month)}` : '';
  return http.get<PenaltySuggestionList>(`/contracts/${contractId}/penalty-suggestions${query}`);
}

export function suggestPenaltyApi(contractId: number, input: PenaltySuggestionInput): Promise<PenaltySuggestion> {
  return http.post<PenaltySuggestion>(`/contracts/${contractId}/penalty-suggestions`, input);
}

export function acceptPenaltySuggestionApi(id: number, note: string): Promise<PenaltySuggestion> {
  return http.post<PenaltySuggestion>(`/callcentre/penalty-suggestions/${id}/accept`, { note });
}

export function rejectPenaltySuggestionApi(id: number, reason: string): Promise<PenaltySuggestion> {
  return http.post<PenaltySuggestion>(`/callcentre/penalty-suggestions/${id}/reject`, { reason });
}
