/** The staff feature (issue 13): a contract's roster (STF-1), the holiday calendar, attendance and staffing compliance (STF-6). */
import type { PageQuery } from '../types';
import type { HolidayCalendarImport, PersonStatus, StaffImportOutcome } from '../generated/schemas';

// The API's shapes come from the server's schemas (server/src/features/staff/api_schemas.json, issue 10): the roster,
// roles, equipment, the holiday calendar, attendance and staffing compliance.
export type {
  Compliance,
  ComplianceDay,
  ComplianceNote,
  ComplianceTotals,
  DayType,
  EquipmentInput,
  EquipmentItem,
  EquipmentKind,
  EquipmentStatus,
  HolidayCalendar,
  HolidayCalendarImport,
  HolidayCalendarInput,
  HolidayCalendarSummary,
  HolidayDay,
  HolidayDayInput,
  HolidayKind,
  Person,
  PersonEquipment,
  PersonInput,
  PersonStatus,
  PostCompliance,
  PresentPerson,
  Punch,
  PunchInput,
  PunchSource,
  RequirementChange,
  RevealedIdNumber,
  ServedContract,
  Sex,
  StaffImportOutcome,
  StaffingProposalReceipt,
  StaffingProposalRef,
  StaffingRequirement,
  StaffRole,
  StaffRoleInput,
} from '../generated/schemas';
export type { EquipmentLostInput as LostInput, EquipmentReturnInput as ReturnInput } from '../generated/schemas';

export const PERSON_STATUSES: PersonStatus[] = ['upcoming', 'current', 'left'];

export type RosterStatusFilter = 'current' | 'all';

export interface RosterQuery extends PageQuery {
  status?: RosterStatusFilter;
  q?: string;
}

/** What an accepted roster import did. */
export type RosterImportResult = StaffImportOutcome;

/** How the server reads a CSV's bytes; `auto` tells UTF-8 from GB18030 (Chinese Excel) itself. */
export type ImportEncoding = 'auto' | 'utf-8' | 'gb18030';
export const IMPORT_ENCODINGS: ImportEncoding[] = ['auto', 'utf-8', 'gb18030'];

export type HolidayImportFormat = HolidayCalendarImport['format'];

// Attendance and compliance (STF-6, RP-2).

export interface AttendanceQuery extends PageQuery {
  month: string;
  person_id?: number | '';
}

export type AttendanceImportResult = StaffImportOutcome;
