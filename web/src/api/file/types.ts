export interface Attachment {
  id: number;
  filename: string;
  content_type?: string;
  size: number;
  sha256: string;
}

/** Largest upload the server accepts (docs/api.md, X-5). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
