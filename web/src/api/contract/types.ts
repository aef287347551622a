import type { ChecklistItem } from '../catalogue/types';
import type { LocalizedText, PageQuery } from '../types';

/** Lifecycle of docs/api.md "Contracts" (CON-3); `expired` is derived by the server; `signed` is signed but not yet in force (its term has not begun). */
export type ContractStatus = 'draft' | 'in_review' | 'returned' | 'approved' | 'signed' | 'active' | 'expired' | 'terminated' | 'renewed';

export const CONTRACT_STATUSES: ContractStatus[] = ['draft', 'in_review', 'returned', 'approved', 'signed', 'active', 'expired', 'terminated', 'renewed'];

export type Frequency = 'monthly' | 'quarterly' | 'semiannual' | 'annual';
export const FREQUENCIES: Frequency[] = ['monthly', 'quarterly', 'semiannual', 'annual'];

export type DayType = 'workday' | 'weekend' | 'holiday';
export const DAY_TYPES: DayType[] = ['workday', 'weekend', 'holiday'];

export type DeductionKind = 'per_point_below_pass' | 'per_missing_staff_day' | 'per_failed_item' | 'percent_of_fee_per_point_below_pass';
export const DEDUCTION_KINDS: DeductionKind[] = ['per_point_below_pass', 'per_missing_staff_day', 'per_failed_item', 'percent_of_fee_per_point_below_pass'];

export interface Party {
  name: string;
  representative: string;
  phone: string;
  address: string;
  bank_account_name: string;
  bank_name: string;
  bank_account_no: string;
}

export interface ServiceItem {
  name: string;
  scope: string;
  /** Free text such as "每月 20000 元" (收费标准). */
  fee_standard: string;
  amount: string;
}

export interface Installment {
  /** "2027-01", "2027-Q1", ...: unique within a contract. */
  period: string;
  due_date: string;
  amount: string;
  /** The days the installment pays for (the contract's own month or quarter); only in a generated schedule. */
  first?: string;
  last?: string;
}

export interface PaymentTerms {
  method: string;
  frequency: Frequency;
  installments: Installment[];
}

export interface GradeBand {
  name: string;
  min: number;
}

export interface AssessmentTerms {
  frequency: Frequency;
  pass_mark: number;
  checklist: ChecklistItem[];
  bands: GradeBand[];
}

export interface StaffingRow {
  day_type: DayType;
  role: string;
  people: number;
  hours: number;
}

export interface DeductionClause {
  kind: DeductionKind;
  /** Fixed kinds: money per unit and per period ("0.00" for a percentage clause). */
  amount: string;
  cap: string;
  /** percent_of_fee_per_point_below_pass: of the period's fee per point below the pass mark, in basis points (100 = 1%). */
  rate_basis_points?: number;
  /** percent_of_fee_per_point_below_pass: the most deducted in a period, in basis points of the same fee. */
  cap_basis_points?: number;
  description: string;
}

/** One version of the contract text (CON-1). */
export interface ContractContent {
  title: string;
  /**
   * CON-1: the organisation's rules the text cites (setting organisation.rules_title) and the settings version, as
   * recorded by the server when the version went to review; whatever a client sends is overwritten then.
   */
  rules?: { title: string; settings_version: string };
  category_id: number | null;
  vendor_id: number | null;
  party_a: Party;
  party_b: Party;
  term_start: string;
  term_end: string;
  annual_amount: string;
  total_amount: string;
  service_items: ServiceItem[];
  payment: PaymentTerms;
  assessment: AssessmentTerms;
  staffing: StaffingRow[];
  deductions: DeductionClause[];
  confidentiality: string;
  breach_liability: string;
  responsible_department_id: number | null;
  responsible_person: string;
  responsible_phone: string;
}

export type ReviewDecision = 'approve' | 'return';

export interface ReviewRecord {
  decision: ReviewDecision;
  comment: string;
  /** The reviewer's user name, as recorded. */
  by: string;
  /** The reviewer as pages name them. */
  by_display_name: string;
  role_name: LocalizedText;
  at: string;
}

export interface ContractReview {
  version_no: number;
  /** Legal review by the judicial office (司法所). */
  legal: ReviewRecord | null;
  /** Text review (文字把关) by the party-government office (党政办). */
  text: ReviewRecord | null;
}

export interface Signing {
  signed_on: string;
  party_a_signatory: string;
  party_b_signatory: string;
  attachment: { id: number; filename: string; sha256: string } | null;
}

export interface Termination {
  reason: string;
  breach_liability: string;
  effective_on: string;
  by: string;
  at: string;
}

export interface Amendment {
  status: 'draft' | 'in_review' | 'returned' | 'approved';
  consultation_id: number;
  reason: string;
}

/** Known workflow actions; the server decides which apply (`allowed_actions`). */
export type ContractAction = 'edit' | 'submit' | 'review' | 'sign' | 'amend' | 'renew' | 'terminate' | string;

export interface ContractSummary {
  id: number;
  code: string;
  title: string;
  vendor_id: number;
  vendor_name: string;
  category_id: number | null;
  status: ContractStatus;
  version_no: number;
  active_version_no: number | null;
  term_start: string;
  term_end: string;
  total_amount: string;
  days_to_expiry: number | null;
  predecessor_id: number | null;
  successor_id: number | null;
  review: ContractReview | null;
  signing: Signing | null;
  termination: Termination | null;
  amendment: Amendment | null;
  created_at: string;
  updated_at: string;
  allowed_actions: ContractAction[];
}

export interface Contract extends ContractSummary {
  content: ContractContent;
}

export type ContractSortField = 'code' | 'term_end' | 'created_at' | 'updated_at';

export interface ContractQuery extends PageQuery {
  q?: string;
  status?: ContractStatus | '';
  vendor_id?: number | '';
  sort?: ContractSortField;
}

export interface ScheduleRequest {
  term_start: string;
  term_end: string;
  frequency: Frequency;
  total_amount: string;
}

export interface ContractVersion {
  version_no: number;
  kind: 'original' | 'amendment';
  status: string;
  created_at: string;
  created_by: string;
  submitted_at: string | null;
  content: ContractContent;
}

export interface HistoryEntry {
  at: string;
  actor_name: string;
  actor_display_name?: string | null;
  role: string;
  role_name?: LocalizedText | null;
  action: string;
  version_no: number | null;
  comment: string | null;
}

export interface ReviewInput {
  version_no: number;
  decision: ReviewDecision;
  comment: string;
}

export interface SignInput {
  signed_on: string;
  party_a_signatory: string;
  party_b_signatory: string;
  attachment_id: number | null;
}

export interface ConsultationInput {
  held_on: string;
  participants: string;
  summary: string;
}

export interface Consultation extends ConsultationInput {
  id: number;
  contract_id?: number;
  created_at?: string;
  created_by?: string;
}

export interface AmendmentInput {
  consultation_id: number | null;
  reason: string;
}

export interface TerminateInput {
  reason: string;
  breach_liability: string;
  effective_on: string;
}

export interface RenewInput {
  reason: string;
  term_start: string;
  term_end: string;
}

export interface LedgerPeriod {
  period: string;
  due_date: string;
  amount: string;
  deductions: string;
  rewards: string;
  due: string;
  paid: string;
  balance: string;
}

export type LedgerEntryKind = 'deduction' | 'reward';

export interface LedgerEntryInput {
  kind: LedgerEntryKind;
  period: string;
  amount: string;
  reason: string;
}

export interface LedgerEntry extends LedgerEntryInput {
  id: number;
  /** `manual` (entered in the ledger) or `proposal` (an approved proposal of the rules). */
  source?: 'manual' | 'proposal' | string;
  created_at?: string;
  created_by?: string;
}

export interface PaymentInput {
  period: string;
  amount: string;
  paid_on: string;
  reference: string;
  note: string;
}

export interface Payment extends PaymentInput {
  id: number;
  created_at?: string;
  created_by?: string;
}

export interface LedgerTotals {
  amount: string;
  deductions: string;
  rewards: string;
  due: string;
  paid: string;
  balance: string;
}

export interface Ledger {
  periods: LedgerPeriod[];
  entries: LedgerEntry[];
  payments: Payment[];
  totals: LedgerTotals;
}
