import { http } from '../http';
import type { StaffingRequest, StaffingRequestInput, StaffingRequestList } from '../generated/schemas';

// Written requests for an extra duty manager or QA, and the staffing requirement's history (STF-9).

// The API's shapes come from the server's schemas (server/src/features/staff/api_schemas.json, issue 10).
export type {
  ExtraManagerRole,
  RequirementVersion,
  StaffingConsentInput,
  StaffingDeclineInput,
  StaffingRequest,
  StaffingRequestInput,
  StaffingRequestList,
  StaffingRequestStatus,
} from '../generated/schemas';

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
