// The API's shape comes from the server's schemas (server/src/features/vendors/api_schemas.json, issue 10).
export type { Attachment } from '../generated/schemas';

/** Largest upload the server accepts (docs/api.md, X-5). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
