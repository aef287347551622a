import type { InternalAuditReport, QualityReport, ReportProposal } from '../generated/schemas';

// The API's shapes come from the server's schemas (server/src/features/reports/api_schemas.json, issue 10).
export type {
  AuditChainCheck,
  AuditSection,
  EnergySavingTally,
  InternalAuditReport,
  LedgerTally,
  MoneyFigures,
  QualityReport,
  QualitySection,
  QualitySummary,
  Recommendation,
  RectificationTally,
  RenewalAssessment,
  RenewalBasis,
  RenewalReason,
  ReportAssessment,
  ReportAssessmentItem,
  ReportContract,
  ReportContractEvent,
  ReportLedgerEntry,
  ReportProposal,
  ReportRectification,
  ReportSurvey,
} from '../generated/schemas';

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

/** GET /reports/quality (SUP-7) as JSON. */
export type QualityReportData = QualityReport;

/** GET /reports/internal-audit (SUP-7) as JSON. */
export type InternalAuditReportData = InternalAuditReport;

/** A proposal as the renewal basis lists it. */
export type RenewalProposal = ReportProposal;

/** A report as the page holds it: its kind beside its JSON form. */
export type ShownReport = { kind: 'quality'; data: QualityReportData } | { kind: 'internal-audit'; data: InternalAuditReportData };
