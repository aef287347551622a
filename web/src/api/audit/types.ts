import type { AuditEntry as GeneratedAuditEntry } from '../generated/schemas';
import type { PageQuery } from '../types';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// The API's shapes come from the server's schemas (server/src/platform/http/api_schemas.json and
// server/src/features/audit/api_schemas.json, issue 10); `before` and `after` are any JSON there.
export type { AuditVerifyResult } from '../generated/schemas';

export interface AuditEntry extends Omit<GeneratedAuditEntry, 'before' | 'after'> {
  before: JsonValue;
  after: JsonValue;
}

export interface AuditQuery extends PageQuery {
  actor?: string;
  entity?: string;
  action?: string;
  entity_id?: number | '';
  from?: string;
  to?: string;
}
