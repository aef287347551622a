import type { PageQuery } from '../types';
import type { Rectification } from '../rectification/types';

/** Work meetings (SUP-1): scheduled by the office, held when minutes are recorded, or cancelled with a reason. */
export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';
export const MEETING_STATUSES: MeetingStatus[] = ['scheduled', 'held', 'cancelled'];

export type OpinionKind = 'opinion' | 'suggestion';
export const OPINION_KINDS: OpinionKind[] = ['opinion', 'suggestion'];

/** An opinion or suggestion a department submitted online, with its author's organisation and time. */
export interface Opinion {
  id: number;
  meeting_id?: number;
  kind: OpinionKind;
  content: string;
  org_id: number | null;
  org_name: string;
  author: string;
  created_at: string;
}

export interface MeetingInput {
  title: string;
  /** ISO-8601 with offset, e.g. "2027-05-08T09:30:00+08:00". */
  scheduled_at: string;
  location: string;
  vendor_ids: number[];
  /** The attending departments (organisations of kind `department`). */
  attendee_org_ids: number[];
  agenda: string;
}

/** A named reference the server may send next to the ids. */
export interface NamedRef {
  id: number;
  name: string;
}

export interface Meeting extends MeetingInput {
  id: number;
  status: MeetingStatus;
  minutes: string;
  attendees_present: string;
  cancel_reason: string;
  vendors?: NamedRef[];
  vendor_names?: string[];
  attendee_orgs?: NamedRef[];
  attendee_org_names?: string[];
  opinion_count?: number;
  created_by?: string | number | null;
  created_at?: string;
  updated_at?: string;
  /** Detail only. */
  opinions?: Opinion[];
  /** Detail only: rectifications created from this meeting. */
  rectifications?: Rectification[];
}

export interface MeetingQuery extends PageQuery {
  status?: MeetingStatus | '';
  /** Dates (YYYY-MM-DD) bounding `scheduled_at`. */
  from?: string;
  to?: string;
}

export interface OpinionInput {
  kind: OpinionKind;
  content: string;
}

export interface MinutesInput {
  minutes: string;
  attendees_present: string;
}

export interface CancelInput {
  reason: string;
}
