import { http } from '../http';
import type { LocalizedText } from '../types';

// Incidents on a contract (STF-7): labour disputes (D3 §4), injuries at and outside work (D3 §5), damaged or lost
// documents and property (D4 §3.7), on-site rule violations (D2) and data leaks (D2 on-site rule 3, CC-7), with the
// responsible party who pays the compensation, scans, and a one-way closure with a note.

export type IncidentType = 'labour_dispute' | 'injury_at_work' | 'injury_off_work' | 'damage_loss' | 'rule_violation' | 'data_leak';
export type LeakChannel = 'usb_copy' | 'print' | 'email' | 'other';
export type ResponsibleParty = 'party_a' | 'party_b' | 'third_party' | 'undetermined';
export type IncidentStatus = 'open' | 'closed';

export const INCIDENT_TYPES: readonly IncidentType[] = ['labour_dispute', 'injury_at_work', 'injury_off_work', 'damage_loss', 'rule_violation', 'data_leak'];
export const LEAK_CHANNELS: readonly LeakChannel[] = ['usb_copy', 'print', 'email', 'other'];
export const RESPONSIBLE_PARTIES: readonly ResponsibleParty[] = ['party_a', 'party_b', 'third_party', 'undetermined'];

export interface IncidentEvent {
  at: string;
  /** record, close */
  action: string;
  actor_name: string;
  actor_display_name?: string | null;
  role?: string;
  role_name?: LocalizedText | null;
  from_state: string;
  to_state: string;
  comment?: string | null;
}

export interface Incident {
  id: number;
  contract_id: number;
  type: IncidentType;
  leak_channel: LeakChannel | null;
  /** CC-7: the export a data leak is traced to, as the audit trail recorded it. */
  export: IncidentExport | null;
  occurred_on: string;
  people: { id: number; name: string }[];
  description: string;
  responsible_party: ResponsibleParty;
  /** The responsible party, who pays; null while undetermined. */
  payer: ResponsibleParty | null;
  /** Decimal string, yuan. */
  compensation: string;
  attachments: { id: number; filename: string }[];
  status: IncidentStatus;
  closing_note: string;
  closed_on: string | null;
  created_at: string;
  allowed_actions: 'close'[];
  events: IncidentEvent[];
}

export interface IncidentExport {
  /** The audit entry's number (审计记录编号). */
  seq: number;
  at: string;
  actor_name: string;
  record: { what?: string; format?: string; filters?: Record<string, string>; rows?: number };
}

export interface IncidentList {
  items: Incident[];
  can_record: boolean;
}

export interface IncidentInput {
  type: IncidentType | null;
  leak_channel: LeakChannel | null;
  occurred_on: string | null;
  person_ids: number[];
  description: string;
  responsible_party: ResponsibleParty | null;
  compensation: string;
  attachment_ids: number[];
  /** CC-7: data leaks only, the audit entry number of the export it is traced to. */
  export_seq: number | null;
}

export interface IncidentClosing {
  closed_on: string | null;
  note: string;
}

/** What the period report and the renewal basis say about a contract's incidents (SUP-7, RP-5). */
export interface IncidentTally {
  total: number;
  open: number;
  closed: number;
  by_type: { type: IncidentType; name: LocalizedText; count: number }[];
  compensation: string;
  party_b: number;
  party_b_compensation: string;
  data_leaks: number;
}

export function getIncidentsApi(contractId: number): Promise<IncidentList> {
  return http.get<IncidentList>(`/contracts/${contractId}/incidents`);
}

export function recordIncidentApi(contractId: number, input: IncidentInput): Promise<Incident> {
  return http.post<Incident>(`/contracts/${contractId}/incidents`, input);
}

export function getIncidentApi(id: number): Promise<Incident> {
  return http.get<Incident>(`/incidents/${id}`);
}

export function closeIncidentApi(id: number, input: IncidentClosing): Promise<Incident> {
  return http.post<Incident>(`/incidents/${id}/close`, input);
}
