import { http } from '../http';
import type { Page } from '../types';
import type { AuditEntry, AuditQuery, AuditVerifyResult } from './types';

export function getAuditPageApi(query: AuditQuery): Promise<Page<AuditEntry>> {
  return http.get<Page<AuditEntry>>('/audit', { ...query });
}

export function verifyAuditChainApi(): Promise<AuditVerifyResult> {
  return http.get<AuditVerifyResult>('/audit/verify');
}
