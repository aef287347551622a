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

/** The JSON form of a report: its shape is per report, so the page draws whatever it holds. */
export type ReportData = Record<string, unknown>;

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
  recommendation: Recommendation;
  reasons: LocalizedText[];
}
