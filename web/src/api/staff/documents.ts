import { http } from '../http';
import type { Items } from '../types';
import type { DocumentInput, DocumentRequirement, InsuranceInput, InsurancePayment, PersonDocuments, RosterFlags, StaffDocument } from '../generated/schemas';

// People's documents (D3 §9) and monthly social-insurance payments (D3 §3), STF-2.

// The API's shapes come from the server's schemas (server/src/features/staff/api_schemas.json, issue 10).
export type {
  DocumentFlag,
  DocumentInput,
  DocumentKind,
  DocumentKindName,
  DocumentRequirement,
  DocumentState,
  InsuranceInput,
  InsurancePayment,
  PersonDocuments,
  PersonFlags,
  RosterFlags,
  StaffDocument,
} from '../generated/schemas';

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
