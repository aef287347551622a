import { http } from '../http';
import type { Incident, IncidentClosing, IncidentInput, IncidentList, IncidentType, LeakChannel, ResponsibleParty, WorkflowEvent } from '../generated/schemas';

// Incidents on a contract (STF-7): labour disputes (D3 §4), injuries at and outside work (D3 §5), damaged or lost
// documents and property (D4 §3.7), on-site rule violations (D2) and data leaks (D2 on-site rule 3, CC-7), with the
// responsible party who pays the compensation, scans, and a one-way closure with a note.

// The API's shapes come from the server's schemas (server/src/features/staff/api_schemas.json, issue 10).
export type {
  Incident,
  IncidentClosing,
  IncidentExport,
  IncidentExportRecord,
  IncidentFile,
  IncidentInput,
  IncidentList,
  IncidentPerson,
  IncidentStatus,
  IncidentTally,
  IncidentType,
  IncidentTypeCount,
  LeakChannel,
  ResponsibleParty,
} from '../generated/schemas';

/** A step of an incident (record, close). */
export type IncidentEvent = WorkflowEvent;

export const INCIDENT_TYPES: readonly IncidentType[] = ['labour_dispute', 'injury_at_work', 'injury_off_work', 'damage_loss', 'rule_violation', 'data_leak'];
export const LEAK_CHANNELS: readonly LeakChannel[] = ['usb_copy', 'print', 'email', 'other'];
export const RESPONSIBLE_PARTIES: readonly ResponsibleParty[] = ['party_a', 'party_b', 'third_party', 'undetermined'];

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
