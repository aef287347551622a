import { http } from '../http';
import type { ScoringMethod, ScoringMethodInput as MethodBody, ScoringMethodList } from '../generated/schemas';

// The agent scoring method (CC-3): the vendor drafts a version, edits and submits it; the office approves it or
// returns it with a reason. Approved versions are numbered 1, 2, ... per contract and never change.

// The API's shapes come from the server's schemas (server/src/features/callcentre/api_schemas.json, issue 10).
export type { ProRating, ScoringMethod, ScoringMethodList, ScoringMethodStatus, ScoringMethodValues, ScoringWeights } from '../generated/schemas';

/** The method form sends every value (the server takes a value left out as its default). */
export type ScoringMethodInput = Required<MethodBody>;

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
