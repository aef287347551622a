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
