import type { LocalizedText } from '../types';

/** The kinds of step an inbox item waits for (server/src/features/inbox/service.h). */
export type InboxKind =
  | 'project_approval'
  | 'project_ceiling'
  | 'witness_open_bidding'
  | 'witness_opening'
  | 'contract_review'
  | 'contract_sign'
  | 'proposal_decision'
  | 'appeal_decision'
  | 'rectification_verify'
  | 'rectification_report'
  | 'survey_answer'
  | 'replacement_report'
  | 'replacement_confirm'
  | 'replacement_overdue';

/** One thing waiting for the signed-in user's own step. */
export interface InboxItem {
  kind: InboxKind;
  title: LocalizedText;
  object_type: string;
  object_id: number;
  object_name: string;
  /** The page where the step is taken, e.g. /projects/3. */
  link: string;
  /** Since when it waits (ISO instant). */
  since: string;
  /** A real deadline only (a rectification's, a survey's closing day); null otherwise. */
  due: string | null;
}

/** GET /api/v1/inbox. */
export interface Inbox {
  items: InboxItem[];
  counts: Partial<Record<InboxKind, number>>;
  total: number;
}
