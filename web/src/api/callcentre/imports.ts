import { ApiError, http, request } from '../http';
import type { CallEncoding, CallImport, CallImportList, CallUpload } from '../generated/schemas';

// Call-record imports (CC-8): a CSV or .xlsx of call detail records is uploaded, queued and imported whole or not at
// all by the server's worker; the browser polls the import for its progress and report.

// The API's shapes come from the server's schemas (server/src/features/callcentre/api_schemas.json, issue 10).
export type {
  CallEncoding,
  CallImport,
  CallImportAgent,
  CallImportError,
  CallImportList,
  CallImportNumber,
  CallImportReport,
  CallImportStatus,
  CallImportTotals,
  CallLayout,
  CallMapping,
  CallMappingColumns,
  CallUpload,
} from '../generated/schemas';

/** The layouts the upload form offers; a saved mapping is chosen apart (mappingId). */
export type CallLayoutChoice = 'auto' | 'asterisk' | 'freeswitch' | 'houqin';

export interface CallImportChoice {
  layout: CallLayoutChoice;
  mappingId: number | null;
  encoding: CallEncoding;
}

export function getCallImportsApi(contractId: number): Promise<CallImportList> {
  return http.get<CallImportList>(`/contracts/${contractId}/call-imports`);
}

export function getCallImportApi(id: number): Promise<CallImport> {
  return http.get<CallImport>(`/call-imports/${id}`);
}

/** A part that fails on the way (a dropped connection) is sent again this many times before the upload gives up. */
const PART_ATTEMPTS = 3;

const PART_FAILED = {
  'zh-CN': '网络中断，文件未能上传完，未导入任何话单；请检查网络后重新上传',
  en: 'The connection kept dropping and the file did not finish uploading; nothing was imported. Upload it again',
};

/** Sends the part that starts where the server has come to; on a dropped connection, asks where it stands now. */
async function sendPart(
  upload: CallUpload,
  file: File,
  onUploadProgress: ((sent: number, total: number) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<CallUpload> {
  const offset = upload.bytes_received;
  const part = file.slice(offset, Math.min(offset + upload.part_bytes, upload.bytes_total));
  try {
    return await request<CallUpload>('PUT', `/call-uploads/${upload.id}/parts`, {
      raw: part,
      query: { offset },
      headers: { 'Content-Type': 'application/octet-stream' },
      onUploadProgress: (sent) => onUploadProgress?.(offset + sent, upload.bytes_total),
      signal,
    });
  } catch (error) {
    const dropped = error instanceof ApiError && (error.code === 'Network' || error.status === 409);
    if (!dropped || signal?.aborted) throw error;
    return request<CallUpload>('GET', `/call-uploads/${upload.id}`, { signal });
  }
}

/**
 * Sends the file in parts (any size up to 4 GB: a month of a large centre is over a gigabyte), then queues it (202).
 * The server refuses an empty file at once, and a text file of another layout with its first part; a part that fails
 * on the way is sent again. Aborting `signal` abandons the upload: what came of it is removed.
 */
export async function uploadCallImportApi(
  contractId: number,
  file: File,
  choice: CallImportChoice,
  onUploadProgress?: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<CallImport> {
  let upload = await request<CallUpload>('POST', `/contracts/${contractId}/call-uploads`, {
    body: {
      filename: file.name,
      size: file.size,
      layout: choice.mappingId ? 'mapped' : choice.layout,
      mapping_id: choice.mappingId ?? undefined,
      encoding: choice.encoding,
    },
    signal,
  });
  try {
    let stalled = 0;
    while (upload.bytes_received < upload.bytes_total) {
      const before = upload.bytes_received;
      upload = await sendPart(upload, file, onUploadProgress, signal);
      onUploadProgress?.(upload.bytes_received, upload.bytes_total);
      stalled = upload.bytes_received > before ? 0 : stalled + 1;
      if (stalled >= PART_ATTEMPTS) throw new ApiError(0, { code: 'Network', message: PART_FAILED });
    }
    return await request<CallImport>('POST', `/call-uploads/${upload.id}/finish`, { body: {}, signal });
  } catch (error) {
    if (signal?.aborted) await request('DELETE', `/call-uploads/${upload.id}`).catch(() => undefined);
    throw error;
  }
}

export function cancelCallImportApi(id: number): Promise<CallImport> {
  return http.post<CallImport>(`/call-imports/${id}/cancel`, {});
}
