import type { PageQuery } from '../types';
import type { RectificationStatus, VerifyEffect, WorkflowEvent } from '../generated/schemas';

// The API's shapes come from the server's schemas (server/src/features/supervision/api_schemas.json, issue 10).
export type {
  CompletionReport,
  Rectification,
  RectificationInput,
  RectificationStatus,
  RectificationSummary,
  Verification,
  VerifyEffect,
  VerifyResult,
} from '../generated/schemas';

export const RECTIFICATION_STATUSES: RectificationStatus[] = ['open', 'reported', 'closed'];
export const VERIFY_EFFECTS: VerifyEffect[] = ['effective', 'partly_effective', 'ineffective'];

/** One step of a rectification's workflow. */
export type RectificationHistoryEntry = WorkflowEvent;

export interface RectificationQuery extends PageQuery {
  status?: RectificationStatus | '';
  /** Only `true` filters; anything else lists all. */
  overdue?: boolean | '';
  vendor_id?: number | '';
  contract_id?: number | '';
}
