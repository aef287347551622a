import type { LocalizedText, PageQuery } from '../types';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface AuditEntry {
  seq: number;
  at: string;
  actor_id: number | null;
  /** The user name the entry records (hashed); the page shows the display name and role instead. */
  actor_name: string;
  actor_display_name: string | null;
  actor_role: string | null;
  actor_role_name: LocalizedText | null;
  action: string;
  entity: string;
  entity_id: number | string | null;
  before: JsonValue;
  after: JsonValue;
  request_id: string;
  ip: string;
  prev_hash: string;
  hash: string;
}

export interface AuditQuery extends PageQuery {
  actor?: string;
  entity?: string;
  action?: string;
  entity_id?: number | '';
  from?: string;
  to?: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  first_bad_seq: number | null;
  reason: LocalizedText | null;
}
