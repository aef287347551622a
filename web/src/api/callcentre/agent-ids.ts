import { http } from '../http';
import type { AgentIdCarryOutInput as CarryOutBody, AgentIdList, AgentIdRequest, AgentIdRequestInput as RequestBody } from '../generated/schemas';

// Agent IDs (工号) by written request (CC-1): the office asks, the vendor carries it out or declines; every ID's
// history is kept as rows that are closed and opened, never edited.

// The API's shapes come from the server's schemas (server/src/features/callcentre/api_schemas.json, issue 10).
export type { AgentIdList, AgentIdRequest, AgentIdRequestKind, AgentIdRequestStatus, AgentIdRow, AgentPermission } from '../generated/schemas';

/** The request form sends every field (the server names an empty one). */
export type AgentIdRequestInput = Required<RequestBody>;

/** The carry-out form sends every field (the agent ID matters for an opening only). */
export type AgentIdCarryOutInput = Required<CarryOutBody>;

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
