import type { PageQuery } from '../types';
import type { Attachment } from '../file/types';

export type VendorStatus = 'active' | 'suspended';
export type QualificationStatus = 'ok' | 'expiring' | 'expired';
export type VendorQualificationStatus = QualificationStatus | 'none';
export type QualificationVerification = 'verified' | 'pending' | 'rejected';

export interface Qualification {
  id: number;
  vendor_id: number;
  type: string;
  cert_no: string;
  issuer: string;
  valid_from: string;
  valid_until: string;
  attachment_id: number | null;
  attachment: Attachment | null;
  status: QualificationStatus;
  days_left: number;
  /** PRJ-4: only a verified qualification counts for bidding eligibility; the office's own entries are verified at once. */
  verification: QualificationVerification;
  /** Who verified or rejected it (or entered it, for the office's own); empty while pending. */
  verified_by: string;
  verified_at: string | null;
  /** Why the office rejected it, shown to the vendor. */
  rejection_reason: string;
}

export type QualificationInput = Pick<Qualification, 'type' | 'cert_no' | 'issuer' | 'valid_from' | 'valid_until' | 'attachment_id'>;

/** The fields a user edits; the rest is set by the server. */
export interface VendorInput {
  name: string;
  credit_code: string;
  legal_representative: string;
  contact_name: string;
  contact_phone: string;
  address: string;
  bank_account_name: string;
  bank_name: string;
  bank_account_no: string;
  staff_count: number;
  /** Money as a decimal string with two places, e.g. "5000000.00". */
  registered_capital: string;
  has_training_system: boolean;
  has_management_system: boolean;
  category_ids: number[];
  status: VendorStatus;
}

export interface VendorSummary extends VendorInput {
  id: number;
  org_id: number;
  owner_org_id: number | null;
  created_at: string;
  updated_at: string;
  qualification_status: VendorQualificationStatus;
  expired_count?: number;
  expiring_count?: number;
}

export interface Vendor extends VendorSummary {
  qualifications: Qualification[];
}

export type VendorSortField = 'name' | 'credit_code' | 'created_at' | 'staff_count';

export interface VendorQuery extends PageQuery {
  q?: string;
  status?: VendorStatus | '';
  category_id?: number | '';
  qualification?: QualificationStatus | '';
  sort?: VendorSortField;
}
