import { http, request } from '../http';
import type { LocalizedText } from '../types';

// Call-record imports (CC-8): a CSV or .xlsx of call detail records is uploaded, queued and imported whole or not at
// all by the server's worker; the browser polls the import for its progress and report.

export type CallImportStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type CallLayoutChoice = 'auto' | 'asterisk' | 'freeswitch' | 'houqin';
export type CallEncoding = 'auto' | 'utf-8' | 'gb18030';

export interface CallImportAgent {
  agent_id: string;
  /** The people who held the agent ID on the calls' days (CC-1). */
  people: string[];
  calls: number;
  answered: number;
  successful: number;
  talk_seconds: number;
  /** Calls on days nobody on this contract held the ID. */
  unmatched_calls: number;
}

export interface CallImportError {
  field: string;
  row: number | null;
  column: string;
  message: LocalizedText;
}

export interface CallImportNumber {
  number: string;
  calls: number;
  first_row: number;
  first_day: string;
  last_day: string;
}

export interface CallImportReport {
  layout?: string;
  rows: number;
  records?: number;
  calls_added: number;
  duplicates?: number;
  legs_merged?: number;
  first_day?: string | null;
  last_day?: string | null;
  totals?: { calls: number; answered: number; successful: number; talk_seconds: number };
  agents?: CallImportAgent[];
  unmatched_calls?: number;
  unregistered_calls?: number;
  unregistered?: CallImportNumber[];
  /** Why nothing was imported (failed, cancelled); null when done. */
  message: LocalizedText | null;
  errors: CallImportError[];
  error_count: number;
  bad_rows: number;
}

export interface CallImport {
  id: number;
  contract_id: number;
  filename: string;
  layout: string;
  mapping_id: number | null;
  encoding: string;
  status: CallImportStatus;
  status_name: LocalizedText;
  bytes_total: number;
  bytes_read: number;
  rows_read: number;
  created_by_name: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  can_cancel: boolean;
  /** Present once the import has finished. */
  report: CallImportReport | null;
}

export interface CallMapping {
  id: number;
  name: string;
  header: boolean;
  columns: Record<string, number>;
  created_at: string;
}

export interface CallImportList {
  items: CallImport[];
  can_import: boolean;
  mappings: CallMapping[];
}

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

/** Sends the file as is; the server refuses an empty file or one of another layout at once, else queues it (202). */
export function uploadCallImportApi(
  contractId: number,
  file: File,
  choice: CallImportChoice,
  onUploadProgress?: (sent: number, total: number) => void,
): Promise<CallImport> {
  return request<CallImport>('POST', `/contracts/${contractId}/call-imports`, {
    raw: file,
    query: { layout: choice.mappingId ? 'mapped' : choice.layout, mapping_id: choice.mappingId ?? undefined, encoding: choice.encoding },
    headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-Filename': encodeURIComponent(file.name) },
    onUploadProgress,
  });
}

export function cancelCallImportApi(id: number): Promise<CallImport> {
  return http.post<CallImport>(`/call-imports/${id}/cancel`, {});
}
