/** The staff feature (issue 13): a contract's roster (STF-1), the holiday calendar, attendance and staffing compliance (STF-6). */
import type { LocalizedText, PageQuery } from '../types';

export type PersonStatus = 'upcoming' | 'current' | 'left';
export const PERSON_STATUSES: PersonStatus[] = ['upcoming', 'current', 'left'];
export type Sex = 'male' | 'female';

/** A person on a contract's roster; the ID number only masked (the full one on an audited reveal). */
export interface Person {
  id: number;
  contract_id: number;
  name: string;
  id_number_masked: string;
  /** Only for whoever may reveal the ID number (the masked number hides exactly the birth date); else null. */
  birth_date: string | null;
  sex: Sex;
  phone: string;
  /** A role code of GET /staff-roles. */
  role: string;
  /** The post, as the contract's staffing terms name it (e.g. 保洁员): attendance counts against it. */
  post: string;
  start_date: string;
  end_date: string | null;
  status: PersonStatus;
  can_reveal: boolean;
  can_edit: boolean;
  /** STF-5: items not yet returned or reported lost, counted once the end date is set (the departure flag); else 0. */
  equipment_unsettled: number;
}

/** POST /contracts/{id}/staff and PUT /staff/{id}; on PUT an omitted id_number keeps the stored one. */
export interface PersonInput {
  name: string;
  id_number?: string;
  phone: string;
  role: string;
  post: string;
  start_date: string;
  end_date: string | null;
}

export type RosterStatusFilter = 'current' | 'all';

export interface RosterQuery extends PageQuery {
  status?: RosterStatusFilter;
  q?: string;
}

export interface StaffRole {
  code: string;
  name: LocalizedText;
}

/** What an accepted roster import did. */
export interface RosterImportResult {
  rows: number;
  imported: number;
  unchanged: number;
}

/** How the server reads a CSV's bytes; `auto` tells UTF-8 from GB18030 (Chinese Excel) itself. */
export type ImportEncoding = 'auto' | 'utf-8' | 'gb18030';
export const IMPORT_ENCODINGS: ImportEncoding[] = ['auto', 'utf-8', 'gb18030'];

// Holiday calendar (STF-6): the State Council's notice of a year, kept by the administrator.

export type HolidayKind = 'off' | 'work';

export interface HolidayDay {
  date: string;
  /** off: a public holiday; work: a make-up working day (调休上班) on a weekend. */
  kind: HolidayKind;
  name: string;
}

export interface HolidayCalendarSummary {
  year: number;
  days_off: number;
  make_up_days: number;
  source: string;
  updated_at: string;
  updated_by: string;
}

export interface HolidayCalendar {
  year: number;
  source: string;
  days: HolidayDay[];
}

export interface HolidayCalendarInput {
  source: string;
  days: HolidayDay[];
}

export type HolidayImportFormat = 'holiday-cn' | 'csv';

export interface HolidayCalendarImport {
  format: HolidayImportFormat;
  content: string;
  source: string;
}

// Attendance and compliance (STF-6, RP-2).

export type PunchSource = 'manual' | 'import';

/** One clock-in (and clock-out) of a person; times are Asia/Shanghai wall-clock "YYYY-MM-DD HH:MM". */
export interface Punch {
  id: number;
  person_id: number;
  person_name: string;
  post: string;
  clock_in: string;
  clock_out: string | null;
  source: PunchSource;
  import_file: string | null;
}

export interface PunchInput {
  person_id: number;
  post?: string;
  clock_in: string;
  clock_out: string | null;
}

export interface AttendanceQuery extends PageQuery {
  month: string;
  person_id?: number | '';
}

export interface AttendanceImportResult {
  rows: number;
  imported: number;
  unchanged: number;
}

export type DayType = 'workday' | 'weekend' | 'holiday';

export interface StaffingRequirement {
  day_type: DayType;
  post: string;
  people: number;
  hours: number;
}

export interface PresentPerson {
  person_id: number;
  name: string;
  /** Decimal hours as text, e.g. "8.0". */
  hours: string;
}

export interface PostCompliance {
  post: string;
  required_people: number;
  required_hours: number;
  /** Decimal hours as text, e.g. "23.5". */
  provided_hours: string;
  missing_person_days: number;
  present: PresentPerson[];
}

export interface ComplianceDay {
  date: string;
  /** ISO weekday, 1 Monday .. 7 Sunday. */
  weekday: number;
  /** null when the year has no holiday calendar: the day's type is not guessed. */
  day_type: DayType | null;
  /** Why the day has its type when the calendar says so, e.g. 调休上班(春节). */
  day_reason: LocalizedText | null;
  short: boolean;
  posts: PostCompliance[];
}

export interface ComplianceNote {
  date: string;
  person_id: number | null;
  person_name: string;
  text: LocalizedText;
}

export interface Compliance {
  month: string;
  warnings: LocalizedText[];
  /** The requirement in force on the month's first day. */
  requirement: StaffingRequirement[];
  /** Consented requests for extra staff taking effect later in the month (STF-9): the requirement from each date. */
  requirement_changes: { effective_from: string; source: LocalizedText; requirement: StaffingRequirement[] }[];
  totals: { short_days: number; missing_person_days: number; unknown_days: number };
  days: ComplianceDay[];
  notes: ComplianceNote[];
  /** The deduction proposal the rules made for this month (RP-2), if any. */
  proposal: { id: number; status: string } | null;
  can_propose: boolean;
}

// Equipment issued per person (STF-5).

export type EquipmentKind = 'tool' | 'uniform' | 'badge' | 'access_card' | 'key' | 'other';
export type EquipmentStatus = 'issued' | 'returned' | 'lost';

export interface EquipmentItem {
  id: number;
  person_id: number;
  contract_id: number;
  kind: EquipmentKind;
  description: string;
  quantity: number;
  /** Decimal yuan as text, e.g. "150.50" (integer fen on the server). */
  unit_value: string;
  total_value: string | null;
  issued_on: string;
  status: EquipmentStatus;
  settled_on: string | null;
  /** Lost only; "0.00" otherwise. */
  compensation: string;
  note: string;
  can_settle: boolean;
}

/** GET /staff/{id}/equipment: what a person holds and whether the caller may record more. */
export interface PersonEquipment {
  person: Person;
  /** Items not yet settled, whether or not the person has an end date. */
  unsettled: number;
  can_issue: boolean;
  items: EquipmentItem[];
}

export interface EquipmentInput {
  kind: EquipmentKind;
  description: string;
  quantity: number;
  unit_value: string;
  issued_on: string;
}

export interface ReturnInput {
  settled_on: string;
  note?: string;
}

export interface LostInput {
  settled_on: string;
  compensation: string;
  note: string;
}

/** STF-1: a contract in force that serves the signed-in department (GET /served-contracts). */
export interface ServedContract {
  id: number;
  code: string;
  title: string;
  vendor_name: string;
  term_start: string;
  term_end: string;
  /** How many people are on its roster today. */
  people_current: number;
}
