import type { ChecklistItem } from '../catalogue/types';
import type { DeductionClause, GradeBand } from '../contract/types';
import type { LocalizedText, PageQuery } from '../types';

/** docs/api.md "Assessments" (SUP-3, SUP-8). Scores have at most one decimal; the server sends them as text ("52.5"). */
export type Score = number | string;

export type AssessmentKind = 'routine' | 'special';
export const ASSESSMENT_KINDS: AssessmentKind[] = ['routine', 'special'];

export type AssessmentStatus = 'submitted' | 'appealed' | 'decided';
export const ASSESSMENT_STATUSES: AssessmentStatus[] = ['submitted', 'appealed', 'decided'];

export type AppealStatus = 'pending' | 'upheld' | 'changed';
export type AppealDecision = 'upheld' | 'changed';

/** A stored file as an assessment, an item or an appeal refers to it. */
export interface AttachmentRef {
  id: number;
  filename: string;
  sha256?: string;
}

export interface AssessmentItem {
  item: string;
  points: number;
  lost: Score;
  score: Score;
  failed: boolean;
  note: string;
  photos: AttachmentRef[];
}

export interface Appeal {
  reason: string;
  attachments: AttachmentRef[];
  created_by: string;
  created_at: string;
  status: AppealStatus;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  previous_total: Score | null;
}

export interface AssessmentHistoryEntry {
  at: string;
  actor_name: string;
  actor_display_name?: string | null;
  role: string;
  role_name?: LocalizedText | null;
  action: string;
  comment: string | null;
}

export interface AssessmentSummary {
  id: number;
  contract_id: number;
  contract_code: string;
  contract_title: string;
  vendor_id: number;
  vendor_name: string;
  period: string;
  kind: AssessmentKind;
  assessed_on: string;
  inspector: string;
  total: Score;
  original_total: Score | null;
  pass_mark: number;
  passed: boolean;
  grade: string;
  failed_items: number;
  missing_staff_days: number;
  summary: string;
  status: AssessmentStatus;
  appeal_deadline: string | null;
  can_appeal: boolean;
  contract_version_no: number;
  created_at: string;
}

export interface Assessment extends AssessmentSummary {
  items: AssessmentItem[];
  /** How the total, grade and failed items were computed, step by step. */
  computation: LocalizedText | null;
  appeal: Appeal | null;
  history: AssessmentHistoryEntry[];
  /** The terms the assessment was made under, for recomputing a changed score. */
  bands?: GradeBand[];
  failed_item_percent?: number;
}

export type AssessmentSortField = 'assessed_on' | 'period' | 'total';

export interface AssessmentQuery extends PageQuery {
  contract_id?: number | '';
  vendor_id?: number | '';
  period?: string;
  passed?: boolean | '';
  status?: AssessmentStatus | '';
  sort?: AssessmentSortField;
}

export interface AssessmentFormPeriod {
  period: string;
  first: string;
  last: string;
  assessed: boolean;
  /** Not started yet, by the server's clock. */
  future?: boolean;
}

/** What an inspector fills in, from the contract version in force. */
export interface AssessmentForm {
  contract_id: number;
  contract_code?: string;
  contract_title?: string;
  vendor_name?: string;
  version_no?: number;
  appeal_days?: number;
  periods: AssessmentFormPeriod[];
  checklist: ChecklistItem[];
  pass_mark: number;
  bands: GradeBand[];
  deductions: DeductionClause[];
  /** Setting `assessment.failed_item_percent`, when the server sends it (50 otherwise). */
  failed_item_percent?: number;
}

export interface AssessmentItemInput {
  item: string;
  lost: number;
  note: string;
  photo_ids: number[];
}

export interface AssessmentInput {
  contract_id: number;
  period: string;
  kind: AssessmentKind;
  assessed_on: string;
  items: AssessmentItemInput[];
  missing_staff_days: number;
  summary: string;
}

export interface AppealInput {
  reason: string;
  attachment_ids: number[];
}

export interface AppealDecisionInput {
  decision: AppealDecision;
  reason: string;
  /** The new points lost per item; required when the decision is `changed`. */
  items?: { item: string; lost: number; note: string }[];
}
