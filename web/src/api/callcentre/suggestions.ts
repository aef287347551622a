import { http } from '../http';
import type { PenaltySuggestion, PenaltySuggestionInput as SuggestionBody, PenaltySuggestionList } from '../generated/schemas';

// Penalty suggestions (CC-4): the office suggests a penalty for a named agent with written evidence, before 00:00 on
// the 2nd of the following month; the vendor verifies and accepts or rejects it with a reason.

// The API's shapes come from the server's schemas (server/src/features/callcentre/api_schemas.json, issue 10).
export type { PenaltySuggestion, PenaltySuggestionList, PenaltySuggestionStatus, SuggestionAgent } from '../generated/schemas';

/** The suggestion form sends every field (month empty for the oldest month still open). */
export type PenaltySuggestionInput = Required<SuggestionBody>;

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
