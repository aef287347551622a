import { http } from '../http';
import type { LocalizedText } from '../types';
import type { StaffingRequestEvent } from '../staff/staffing';

// Agent IDs (工号) by written request (CC-1): the office asks, the vendor carries it out or declines; every ID's
// history is kept as rows that are closed and opened, never edited.

export type AgentIdRequestKind = 'open' | 'change' | 'close';
export type AgentIdRequestStatus = 'requested' | 'carried_out' | 'declined';

export interface AgentIdRequest {
  id: number;
  contract_id: number;
  kind: AgentIdRequestKind;
  kind_name: LocalizedText;
  person_id: number;
  person_name: string;
  /** The ID, once the vendor has opened it (or the ID a change or closure concerns). */
  agent_id: string | null;
  permissions: string[];
  reason: string;
  attachment_id: number | null;
  attachment_name: string | null;
  requested_on: string;
  status: AgentIdRequestStatus;
  status_name: LocalizedText;
  effective_on: string | null;
  decision_note: string;
  decided_at: string | null;
  /** carry_out, decline: what the caller may do now. */
  allowed_actions: string[];
  events: StaffingRequestEvent[];
}

export interface AgentIdRow {
  id: number;
  agent_id: string;
  person_id: number;
  person_name: string;
  permissions: string[];
  valid_from: string;
  /** The first day the row no longer holds; null while it still holds. */
  valid_to: string | null;
  request_id: number | null;
}

export interface AgentPermission {
  code: string;
  name: LocalizedText;
}

export interface AgentIdList {
  items: AgentIdRequest[];
  can_request: boolean;
  permissions: AgentPermission[];
  current: AgentIdRow[];
  history: AgentIdRow[];
}

export interface AgentIdRequestInput {
  kind: AgentIdRequestKind;
  person_id: number | null;
  permissions: string[];
  reason: string;
  attachment_id: number | null;
}

export interface AgentIdCarryOutInput {
  agent_id: string;
  effective_on: string;
  note: string;
}

export function getAgentIdsApi(contractId: number): Promise<AgentIdList> {
  return http.get<AgentIdList>(`/contracts/${contractId}/agent-ids`);
}

export function requestAgentIdApi(contractId: number, input: AgentIdRequestInput): Promise<AgentIdRequest> {
  return http.post<AgentIdRequest>(`/contracts/${contractId}/agent-id-requests`, input);
}

export function carryOutAgentIdApi(id: number, input: AgentIdCarryOutInput): Promise<AgentIdRequest> {
  return http.post<AgentIdRequest>(`/callcentre/agent-id-requests/${id}/carry-out`, input);
}

export function declineAgentIdApi(id: number, reason: string): Promise<AgentIdRequest> {
  return http.post<AgentIdRequest>(`/callcentre/agent-id-requests/${id}/decline`, { reason });
}
