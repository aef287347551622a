import type { PageQuery } from '../types';
import type { MeetingStatus, OpinionKind } from '../generated/schemas';

// The API's shapes come from the server's schemas (server/src/features/supervision/api_schemas.json, issue 10).
export type {
  CancelInput,
  Meeting,
  MeetingInput,
  MeetingStatus,
  MeetingSummary,
  MinutesInput,
  NamedRef,
  Opinion,
  OpinionInput,
  OpinionKind,
} from '../generated/schemas';

export const MEETING_STATUSES: MeetingStatus[] = ['scheduled', 'held', 'cancelled'];
export const OPINION_KINDS: OpinionKind[] = ['opinion', 'suggestion'];

export interface MeetingQuery extends PageQuery {
  status?: MeetingStatus | '';
  /** Dates (YYYY-MM-DD) bounding `scheduled_at`. */
  from?: string;
  to?: string;
}
