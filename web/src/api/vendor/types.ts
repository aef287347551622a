import type { PageQuery } from '../types';
import type { Qualification, VendorInput, VendorSummary } from '../generated/schemas';

// The API's shapes come from the server's schemas (server/src/features/vendors/api_schemas.json, issue 10).
export type { Qualification, QualificationInput, Vendor, VendorInput, VendorSummary } from '../generated/schemas';

export type VendorStatus = VendorInput['status'];
export type QualificationStatus = Qualification['status'];
export type VendorQualificationStatus = VendorSummary['qualification_status'];
export type QualificationVerification = Qualification['verification'];

export type VendorSortField = 'name' | 'credit_code' | 'created_at' | 'staff_count';

export interface VendorQuery extends PageQuery {
  q?: string;
  status?: VendorStatus | '';
  category_id?: number | '';
  qualification?: QualificationStatus | '';
  sort?: VendorSortField;
}
