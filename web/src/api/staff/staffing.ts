import { http } from '../http';
import type { LocalizedText } from '../types';
import type { DayType, StaffingRequirement } from './types';

// Written requests for an extra duty manager or QA, and the staffing requirement's history (STF-9).

export type StaffingRequestStatus = 'requested' | 'consented' | 'declined';
export type ExtraManagerRole = 'duty_manager' | 'qa';

export interface StaffingRequestEvent {
  at: string;
  action: string;
  actor_name: string;
  actor_display_name?: string | null;
  role?: string;
  role_name?: LocalizedText | null;
  comment?: string | null;
}

export interface StaffingRequest {
  id: number;
  contract_id: number;
  role: ExtraManagerRole;
  post: string;
  day_types: DayType[];
  people: number;
  hours: number;
  effective_from: string;
  /** Once consented: the later of effective_from and the day of consent. */
  effective_on: string | null;
  reason: string;
  attachment_id: number | null;
  attachment_name: string | null;
  requested_on: string;
  status: StaffingRequestStatus;
  status_name: LocalizedText;
  decision_note: string;
  decided_at: string | null;
  /** consent, decline: what the caller may do now. */
  allowed_actions: string[];
  events: StaffingRequestEvent[];
}

export interface RequirementVersion {
  effective_from: string;
  source: LocalizedText;
  staffing: StaffingRequirement[];
}

export interface StaffingRequestList {
  items: StaffingRequest[];
  can_request: boolean;
  /** The contract's requirement, then every consented change, oldest first. */
  history: RequirementVersion[];
  warnings: LocalizedText[];
}

export interface StaffingRequestInput {
  role: ExtraManagerRole;
  post: string;
  day_types: DayType[];
  people: number;
  hours: number;
  effective_from: string;
  reason: string;
  attachment_id: number | null;
}

export function getStaffingRequestsApi(contractId: number): Promise<StaffingRequestList> {
  return http.get<StaffingRequestList>(`/contracts/${contractId}/staffing-requests`);
}

export function requestStaffingApi(contractId: number, input: StaffingRequestInput): Promise<StaffingRequest> {
  return http.post<StaffingRequest>(`/contracts/${contractId}/staffing-requests`, input);
}

export function consentStaffingApi(id: number, comment: string): Promise<StaffingRequest> {
  return http.post<StaffingRequest>(`/staff/staffing-requests/${id}/consent`, { comment });
}

export function declineStaffingApi(id: number, reason: string): Promise<StaffingRequest> {
  return http.post<StaffingRequest>(`/staff/staffing-requests/${id}/decline`, { reason });
}
