import type { IncidentTally } from '../staff/incidents';
import type { LocalizedText } from '../types';

/** The two reports of SUP-7. */
export type ReportKind = 'quality' | 'internal-audit';
export const REPORT_KINDS: ReportKind[] = ['quality', 'internal-audit'];

export type ReportFormat = 'json' | 'pdf' | 'xlsx';

export interface ReportRequest {
  kind: ReportKind;
  /** Quality-and-safety: an assessment period label such as "2027-03", "2027-Q1", "2027-H1" or "2027". */
  period?: string;
  /** Internal audit: dates YYYY-MM-DD. */
  from?: string;
  to?: string;
  vendor_id?: number | '' | null;
}

/** A contract as the reports name it (docs/api.md "Renewal basis and reports"). */
export interface ReportContract {
  id: number;
  code: string;
  title: string;
  vendor_id: number;
  vendor_name: string;
  status: string;
  status_name: LocalizedText;
  term_start: string;
  term_end: string;
  /** Money, "1200000.00". */
  total_amount: string;
}

export interface ReportAssessmentItem {
  item: string;
  points: number;
  lost: number;
  score: number;
  failed: boolean;
}

export interface ReportAssessment {
  id: number;
  period: string;
  /** routine, special */
  kind: string;
  assessed_on: string;
  total: number;
  pass_mark: number;
  passed: boolean;
  /** The grade band's name as the settings give it (data, in Chinese). */
  grade: string;
  failed_items: number;
  /** The inspector's display name. */
  inspector?: string;
  items?: ReportAssessmentItem[];
}

export interface ReportSurvey {
  id: number;
  period: string;
  title: string;
  status: string;
  valid: number;
  satisfied: number;
  /** "83.33%", null without valid answers. */
  rate: string | null;
}

export interface ReportRectification {
  id: number;
  title: string;
  deadline: string;
  /** open, reported, closed */
  status: string;
  overdue: boolean;
  result: string | null;
  /** effective, partly_effective, ineffective */
  effect: string | null;
}

export interface RectificationTally {
  total: number;
  open: number;
  reported: number;
  closed: number;
  overdue: number;
}

export interface QualitySection {
  contract: ReportContract;
  assessments: ReportAssessment[];
  surveys: ReportSurvey[];
  rectifications: ReportRectification[];
  /** STF-7: the incidents that occurred in the period. */
  incidents?: IncidentTally;
}

/** GET /reports/quality (SUP-7). */
export interface QualityReportData {
  period: string;
  first: string;
  last: string;
  vendor_id: number | null;
  contracts: QualitySection[];
  summary: {
    contracts: number;
    assessments: number;
    passed: number;
    failed: number;
    average: number | null;
    satisfaction: string | null;
    rectifications: RectificationTally;
  };
  generated_at: string;
  /** The display name of who asked for the report. */
  generated_by: string;
}

export interface MoneyFigures {
  amount: string;
  deductions: string;
  rewards: string;
  due: string;
  paid: string;
  balance: string;
}

export interface ReportLedgerEntry {
  id: number;
  /** deduction, reward */
  kind: string;
  period: string;
  amount: string;
  reason: string;
  /** manual, proposal */
  source: string;
  proposal_id: number | null;
  /** Display name of who recorded it. */
  created_by: string;
  created_at: string;
}

export interface ReportProposal {
  id: number;
  /** termination, deduction, reward */
  kind: string;
  rule: string;
  status: string;
  period: string;
  amount: string | null;
  approved_amount: string | null;
  explanation: LocalizedText;
  created_at: string;
  updated_at: string;
}

export interface ReportContractEvent {
  at: string;
  /** amend, sign (an amendment in force), renew, terminate */
  action: string;
  version_no: number;
  /** Display name of who did it. */
  actor_name: string;
  comment: string;
}

export interface AuditSection extends MoneyFigures {
  contract: ReportContract;
  entries: ReportLedgerEntry[];
  proposals: ReportProposal[];
  events: ReportContractEvent[];
}

/** GET /reports/internal-audit (SUP-7). */
export interface InternalAuditReportData {
  from: string;
  to: string;
  vendor_id: number | null;
  contracts: AuditSection[];
  totals: MoneyFigures;
  audit_chain: { ok: boolean; checked: number; first_bad_seq: number | null; reason: LocalizedText | null };
  generated_at: string;
  generated_by: string;
}

/** A report as the page holds it: its kind beside its JSON form. */
export type ShownReport = { kind: 'quality'; data: QualityReportData } | { kind: 'internal-audit'; data: InternalAuditReportData };

export type Recommendation = 'renew' | 'renew_with_conditions' | 'do_not_renew';

export interface RenewalAssessment {
  period: string;
  assessed_on: string;
  total: number | string;
  passed: boolean;
  grade: string;
}

export interface RenewalProposal {
  id: number;
  kind: string;
  status: string;
  rule?: string;
  period?: string | null;
  amount?: string | null;
  approved_amount?: string | null;
  explanation?: LocalizedText;
  created_at?: string;
}

/** What the renewal decision rests on (RP-5). */
export interface RenewalBasis {
  contract: { id: number; code?: string; title?: string; vendor_name?: string; term_start?: string; term_end?: string; status?: string };
  assessments: RenewalAssessment[];
  average: number | string | null;
  failures: number;
  surveys: { period: string; rate: string | null }[];
  satisfaction: string | number | null;
  rectifications: { total: number; closed: number; open: number; overdue: number };
  deductions: { count: number; amount: string };
  rewards: { count: number; amount: string };
  proposals: RenewalProposal[];
  /** STF-7 as evidence: the incidents of the term, with what Party B is responsible for. */
  incidents?: IncidentTally;
  recommendation: Recommendation;
  reasons: LocalizedText[];
}
