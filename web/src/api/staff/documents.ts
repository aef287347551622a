import { http } from '../http';
import type { Items, LocalizedText } from '../types';

// People's documents (D3 §9) and monthly social-insurance payments (D3 §3), STF-2.

export type DocumentKind = 'health_certificate' | 'labour_contract' | 'social_insurance_proof' | 'education_proof';
export type DocumentState = 'missing' | 'expired' | 'expiring';

export interface DocumentRequirement {
  role: string;
  role_name: LocalizedText;
  kind: DocumentKind;
  kind_name: LocalizedText;
  blocks_when_expired: boolean;
}

export interface DocumentFlag {
  kind: DocumentKind;
  state: DocumentState;
  expires_on: string | null;
  text: LocalizedText;
}

export interface PersonFlags {
  person_id: number;
  documents: DocumentFlag[];
  insurance_missing: string[];
  insurance_text: LocalizedText | null;
}

export interface RosterFlags {
  warning_days: number;
  people: PersonFlags[];
}

export interface StaffDocument {
  id: number;
  person_id: number;
  contract_id: number;
  kind: DocumentKind;
  attachment_id: number;
  file_name: string;
  sha256: string;
  issued_on: string;
  expires_on: string | null;
  note: string;
  created_at: string;
}

export interface InsurancePayment {
  id: number;
  person_id: number;
  contract_id: number;
  month: string;
  amount: string;
  attachment_id: number | null;
  file_name: string | null;
  created_at: string;
}

export interface PersonDocuments {
  person_id: number;
  person_name: string;
  role: string;
  kinds: { code: DocumentKind; name: LocalizedText }[];
  required: { code: DocumentKind; name: LocalizedText }[];
  documents: StaffDocument[];
  payments: InsurancePayment[];
  paid_total: string;
  flags: PersonFlags;
  can_write: boolean;
}

export interface DocumentInput {
  kind: DocumentKind;
  attachment_id: number | null;
  issued_on: string | null;
  expires_on: string | null;
  note: string;
}

export interface InsuranceInput {
  month: string;
  amount: string;
  attachment_id: number | null;
}

export function getDocumentRequirementsApi(): Promise<Items<DocumentRequirement>> {
  return http.get<Items<DocumentRequirement>>('/staff-document-requirements');
}

/** Per person on the contract's roster: documents missing, expired or expiring and unpaid insurance months, in words. */
export function getRosterDocumentFlagsApi(contractId: number): Promise<RosterFlags> {
  return http.get<RosterFlags>(`/contracts/${contractId}/staff/document-flags`);
}

export function getPersonDocumentsApi(personId: number): Promise<PersonDocuments> {
  return http.get<PersonDocuments>(`/staff/${personId}/documents`);
}

/** The scan must be uploaded first (attachment_id); without it the server refuses the document. */
export function addPersonDocumentApi(personId: number, input: DocumentInput): Promise<StaffDocument> {
  return http.post<StaffDocument>(`/staff/${personId}/documents`, input);
}

export function addInsurancePaymentApi(personId: number, input: InsuranceInput): Promise<InsurancePayment> {
  return http.post<InsurancePayment>(`/staff/${personId}/insurance`, input);
}
