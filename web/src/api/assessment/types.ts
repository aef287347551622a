import type { PageQuery } from '../types';
import type { AppealDecisionInput, AssessmentKind, AssessmentStatus, WorkflowEvent } from '../generated/schemas';

// The API's shapes come from the server's schemas (server/src/features/supervision/api_schemas.json, issue 10).
export type {
  Appeal,
  AppealDecisionInput,
  AppealInput,
  AppealStatus,
  Assessment,
  AssessmentForm,
  AssessmentFormPeriod,
  AssessmentInput,
  AssessmentItem,
  AssessmentItemInput,
  AssessmentKind,
  AssessmentStatus,
  AssessmentSummary,
} from '../generated/schemas';

/** docs/api.md "Assessments" (SUP-3, SUP-8). Scores have at most one decimal; the server sends them as text ("52.5"). */
export type Score = number | string;

export const ASSESSMENT_KINDS: AssessmentKind[] = ['routine', 'special'];
export const ASSESSMENT_STATUSES: AssessmentStatus[] = ['submitted', 'appealed', 'decided'];

export type AppealDecision = AppealDecisionInput['decision'];

/** A stored file as an upload list holds it: the server's Attachment, or what an upload answered. */
export interface AttachmentRef {
  id: number;
  filename: string;
  sha256?: string;
}

/** One step of an assessment's workflow. */
export type AssessmentHistoryEntry = WorkflowEvent;

export type AssessmentSortField = 'assessed_on' | 'period' | 'total';

export interface AssessmentQuery extends PageQuery {
  contract_id?: number | '';
  vendor_id?: number | '';
  period?: string;
  passed?: boolean | '';
  status?: AssessmentStatus | '';
  sort?: AssessmentSortField;
}
