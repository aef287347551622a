import type { Attachment } from '../file/types';
import type { LocalizedText, PageQuery } from '../types';

/** Rectifications (SUP-2): open → (vendor reports) reported → (office verifies) closed, or back to open. */
export type RectificationStatus = 'open' | 'reported' | 'closed';
export const RECTIFICATION_STATUSES: RectificationStatus[] = ['open', 'reported', 'closed'];

export type VerifyResult = 'accepted' | 'rejected';
export type VerifyEffect = 'effective' | 'partly_effective' | 'ineffective';
export const VERIFY_EFFECTS: VerifyEffect[] = ['effective', 'partly_effective', 'ineffective'];

export interface RectificationInput {
  contract_id: number | null;
  meeting_id: number | null;
  assessment_id: number | null;
  title: string;
  requirement: string;
  /** The person responsible on the vendor's side (free text). */
  owner: string;
  /** YYYY-MM-DD, not in the past. */
  deadline: string;
}

export interface RectificationHistoryEntry {
  at: string;
  actor_name: string;
  actor_display_name?: string | null;
  role?: string;
  role_name?: LocalizedText | null;
  action: string;
  comment?: string | null;
}

export interface Rectification {
  id: number;
  contract_id: number;
  contract_code: string;
  contract_title?: string;
  vendor_id: number;
  vendor_name: string;
  meeting_id: number | null;
  assessment_id: number | null;
  title: string;
  requirement: string;
  owner: string;
  deadline: string;
  status: RectificationStatus;
  /** Open and past the deadline (a report awaiting verification is not the vendor's delay). */
  overdue: boolean;
  days_overdue: number;
  completion: string;
  evidence: Attachment[];
  reported_at: string | null;
  verified_by: string | null;
  verified_at: string | null;
  result: VerifyResult | '' | null;
  effect: VerifyEffect | '' | null;
  comment: string | null;
  created_by: string | number | null;
  created_at: string;
  /** Detail only. */
  history?: RectificationHistoryEntry[];
}

export interface RectificationQuery extends PageQuery {
  status?: RectificationStatus | '';
  /** Only `true` filters; anything else lists all. */
  overdue?: boolean | '';
  vendor_id?: number | '';
  contract_id?: number | '';
}

export interface CompletionReport {
  completion: string;
  /** At least one uploaded attachment. */
  evidence_ids: number[];
}

export interface Verification {
  result: VerifyResult;
  /** Required when accepted; left out when rejected. */
  effect?: VerifyEffect;
  /** Required when rejected. */
  comment: string;
}
