import { http } from '../http';
import type { LocalizedText } from '../types';
import type { StaffingRequestEvent } from '../staff/staffing';

// Outbound numbers (外呼号码) by written request (CC-2): the office asks for a number to be added, changed or withdrawn;
// the vendor reports it carried out from a day (with what it prepared) or declines. The register is history rows
// closed and opened, never edited.

export type NumberRequestKind = 'add' | 'change' | 'withdraw';
export type NumberRequestStatus = 'requested' | 'carried_out' | 'declined';

export interface NumberRequest {
  id: number;
  contract_id: number;
  kind: NumberRequestKind;
  kind_name: LocalizedText;
  number: string;
  /** change: the number replacing it (null when only the purpose changes). */
  new_number: string | null;
  label: string;
  reason: string;
  attachment_id: number | null;
  attachment_name: string | null;
  requested_on: string;
  status: NumberRequestStatus;
  status_name: LocalizedText;
  effective_on: string | null;
  /** The vendor's report (what data it prepared), or its reason for declining. */
  decision_note: string;
  decided_at: string | null;
  /** carry_out, decline: what the caller may do now. */
  allowed_actions: string[];
  events: StaffingRequestEvent[];
}

export interface OutboundNumberRow {
  id: number;
  number: string;
  label: string;
  valid_from: string;
  /** The first day the number is no longer registered; null while it is. */
  valid_to: string | null;
  request_id: number | null;
}

export interface NumberRegister {
  items: NumberRequest[];
  can_request: boolean;
  current: OutboundNumberRow[];
  history: OutboundNumberRow[];
}

export interface NumberRequestInput {
  kind: NumberRequestKind;
  number: string;
  new_number: string;
  label: string;
  reason: string;
  attachment_id: number | null;
}

export interface NumberCarryOutInput {
  effective_on: string;
  note: string;
}

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
