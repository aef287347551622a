import { http } from '../http';
import type { NumberCarryOutInput, NumberRegister, NumberRequest, NumberRequestInput as RequestBody } from '../generated/schemas';

// Outbound numbers (外呼号码) by written request (CC-2): the office asks for a number to be added, changed or withdrawn;
// the vendor reports it carried out from a day (with what it prepared) or declines. The register is history rows
// closed and opened, never edited.

// The API's shapes come from the server's schemas (server/src/features/callcentre/api_schemas.json, issue 10).
export type { NumberCarryOutInput, NumberRegister, NumberRequest, NumberRequestKind, NumberRequestStatus, OutboundNumberRow } from '../generated/schemas';

/** The request form sends every field (new_number and label empty when they do not apply). */
export type NumberRequestInput = Required<RequestBody>;

export function getNumberRegisterApi(contractId: number): Promise<NumberRegister> {
  return http.get<NumberRegister>(`/contracts/${contractId}/outbound-numbers`);
}

export function requestNumberApi(contractId: number, input: NumberRequestInput): Promise<NumberRequest> {
  return http.post<NumberRequest>(`/contracts/${contractId}/number-requests`, input);
}

export function carryOutNumberApi(id: number, input: NumberCarryOutInput): Promise<NumberRequest> {
  return http.post<NumberRequest>(`/callcentre/number-requests/${id}/carry-out`, input);
}

export function declineNumberApi(id: number, reason: string): Promise<NumberRequest> {
  return http.post<NumberRequest>(`/callcentre/number-requests/${id}/decline`, { reason });
}
