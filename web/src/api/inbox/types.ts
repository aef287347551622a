import type { Inbox as GeneratedInbox, InboxItem } from '../generated/schemas';

// The API's shapes come from the server's schemas (server/src/features/inbox/api_schemas.json, issue 10).
export type { InboxItem } from '../generated/schemas';

/** The kinds of step an inbox item waits for (server/src/features/inbox/service.h). */
export type InboxKind = InboxItem['kind'];

/** GET /api/v1/inbox; the counts by kind are an open object in the schema. */
export interface Inbox extends Omit<GeneratedInbox, 'counts'> {
  counts: Partial<Record<InboxKind, number>>;
}
