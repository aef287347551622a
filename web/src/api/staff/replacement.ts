import { http } from '../http';
import type { Replacement, ReplacementInput, ReplacementList, ReplacementReportInput, WorkflowEvent } from '../generated/schemas';

// Written replacement requests (STF-4, D2 staff rule 6): the office asks for a person on a roster to be replaced, the
// vendor names the replacement and reports back by the deadline, the office confirms or returns the report.

// The API's shapes come from the server's schemas (server/src/features/staff/api_schemas.json, issue 10).
export type {
  Replacement,
  ReplacementAction,
  ReplacementConfirmInput,
  ReplacementInput,
  ReplacementList,
  ReplacementReportInput,
  ReplacementReturnInput,
  ReplacementStatus,
} from '../generated/schemas';

/** A step of a request: request, report, confirm, return. */
export type ReplacementEvent = WorkflowEvent;

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
