import { http } from '../http';
import type { Qualification, QualificationInput } from './types';

export function createQualificationApi(vendorId: number, qualification: QualificationInput): Promise<Qualification> {
  return http.post<Qualification>(`/vendors/${vendorId}/qualifications`, qualification);
}

export function updateQualificationApi(vendorId: number, id: number, qualification: QualificationInput): Promise<Qualification> {
  return http.put<Qualification>(`/vendors/${vendorId}/qualifications/${id}`, { ...qualification, id, vendor_id: vendorId });
}

export function deleteQualificationApi(vendorId: number, id: number): Promise<void> {
  return http.delete(`/vendors/${vendorId}/qualifications/${id}`);
}

/** The office verifies a pending qualification against its scan (PRJ-4): it then counts for bidding eligibility. */
export function verifyQualificationApi(vendorId: number, id: number): Promise<Qualification> {
  return http.post<Qualification>(`/vendors/${vendorId}/qualifications/${id}/verify`, {});
}

/** The office rejects a pending qualification with a reason the vendor sees. */
export function rejectQualificationApi(vendorId: number, id: number, reason: string): Promise<Qualification> {
  return http.post<Qualification>(`/vendors/${vendorId}/qualifications/${id}/reject`, { reason });
}
