import { apiUrl, http, request } from '../http';
import type { Items, Page } from '../types';
import type {
  AttendanceImportResult,
  AttendanceQuery,
  Compliance,
  EquipmentInput,
  EquipmentItem,
  ImportEncoding,
  LostInput,
  Person,
  PersonEquipment,
  PersonInput,
  Punch,
  PunchInput,
  ReturnInput,
  RevealedIdNumber,
  RosterImportResult,
  RosterQuery,
  StaffingProposalReceipt,
  StaffRole,
} from './types';

// The roster (STF-1).

export function getRosterPageApi(contractId: number, query: RosterQuery): Promise<Page<Person>> {
  return http.get<Page<Person>>(`/contracts/${contractId}/staff`, { ...query });
}

export function createPersonApi(contractId: number, person: PersonInput): Promise<Person> {
  return http.post<Person>(`/contracts/${contractId}/staff`, person);
}

/** Without id_number the stored number is kept. */
export function updatePersonApi(id: number, person: PersonInput): Promise<Person> {
  return http.put<Person>(`/staff/${id}`, person);
}

/** The full ID number on an explicit request; the server writes an audit entry (staff.reveal_id). */
export function revealIdNumberApi(id: number): Promise<RevealedIdNumber> {
  return http.post<RevealedIdNumber>(`/staff/${id}/reveal-id`, {});
}

// Equipment issued per person and settled at departure (STF-5).

export function getPersonEquipmentApi(personId: number): Promise<PersonEquipment> {
  return http.get<PersonEquipment>(`/staff/${personId}/equipment`);
}

export function issueEquipmentApi(personId: number, input: EquipmentInput): Promise<EquipmentItem> {
  return http.post<EquipmentItem>(`/staff/${personId}/equipment`, input);
}

/** One-way: an item settled already is refused (409) with the reason. */
export function returnEquipmentApi(itemId: number, input: ReturnInput): Promise<EquipmentItem> {
  return http.post<EquipmentItem>(`/staff/equipment/${itemId}/return`, input);
}

export function reportEquipmentLostApi(itemId: number, input: LostInput): Promise<EquipmentItem> {
  return http.post<EquipmentItem>(`/staff/equipment/${itemId}/lost`, input);
}

export function getStaffRolesApi(): Promise<Items<StaffRole>> {
  return http.get<Items<StaffRole>>('/staff-roles');
}

/** Sends a CSV or .xlsx file as is; the name travels percent-encoded, the encoding as chosen. */
/** How an import reports its progress and is cancelled: see RequestOptions. */
export interface ImportProgressOptions {
  onUploadProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

function importFile<T>(path: string, file: File, encoding: ImportEncoding, progress: ImportProgressOptions = {}): Promise<T> {
  return request<T>('POST', path, {
    ...progress,
    raw: file,
    headers: {
      'Content-Type': file.type || 'application/octet-stream',
      'X-Filename': encodeURIComponent(file.name),
      'X-Encoding': encoding,
    },
  });
}

/** All rows or none: a refusal names each bad cell as row.<n>.<column>. */
export function importRosterApi(contractId: number, file: File, encoding: ImportEncoding, progress: ImportProgressOptions = {}): Promise<RosterImportResult> {
  return importFile<RosterImportResult>(`/contracts/${contractId}/staff/import`, file, encoding, progress);
}

export type StaffTemplate = 'roster' | 'attendance';

/** The template workbook of an import: its header row and one example row. */
export function staffTemplateUrl(template: StaffTemplate): string {
  return apiUrl(`/staff/templates/${template}.xlsx`);
}

// Attendance and staffing compliance (STF-6), the shortfall deduction (RP-2).

export function getAttendancePageApi(contractId: number, query: AttendanceQuery): Promise<Page<Punch>> {
  return http.get<Page<Punch>>(`/contracts/${contractId}/attendance`, { ...query });
}

export function createPunchApi(contractId: number, punch: PunchInput): Promise<Punch> {
  return http.post<Punch>(`/contracts/${contractId}/attendance`, punch);
}

/** The same file twice adds nothing twice (unchanged counts the rows already there). */
export function importAttendanceApi(
  contractId: number,
  file: File,
  encoding: ImportEncoding,
  progress: ImportProgressOptions = {},
): Promise<AttendanceImportResult> {
  return importFile<AttendanceImportResult>(`/contracts/${contractId}/attendance/import`, file, encoding, progress);
}

export function getComplianceApi(contractId: number, month: string): Promise<Compliance> {
  return http.get<Compliance>(`/contracts/${contractId}/staffing`, { month });
}

/** Runs the rules for the contract now; answers the month's deduction proposal, or refuses saying why there is none. */
export function proposeShortfallApi(contractId: number, month: string): Promise<StaffingProposalReceipt> {
  return http.post<StaffingProposalReceipt>(`/contracts/${contractId}/staffing/${month}/propose`, {});
}
