import { apiUrl, request } from '../http';
import type { Attachment } from './types';

/** Uploads raw bytes; the file name travels percent-encoded in X-Filename. */
export function uploadAttachmentApi(file: File): Promise<Attachment> {
  return request<Attachment>('POST', '/attachments', {
    raw: file,
    headers: {
      'Content-Type': file.type || 'application/octet-stream',
      'X-Filename': encodeURIComponent(file.name),
    },
  });
}

export function attachmentUrl(id: number): string {
  return apiUrl(`/attachments/${id}`);
}
