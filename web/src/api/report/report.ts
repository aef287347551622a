import { apiUrl, http } from '../http';
import type { Query } from '../types';
import type { InternalAuditReportData, QualityReportData, ReportFormat, ReportRequest } from './types';

function reportQuery(request: ReportRequest, format: ReportFormat): Query {
  const vendor = request.vendor_id || undefined;
  return request.kind === 'quality' ? { period: request.period, vendor_id: vendor, format } : { from: request.from, to: request.to, vendor_id: vendor, format };
}

/** The quality-and-safety report of a period as JSON, for the page (SUP-7). */
export function getQualityReportApi(request: ReportRequest): Promise<QualityReportData> {
  return http.get<QualityReportData>('/reports/quality', reportQuery({ ...request, kind: 'quality' }, 'json'));
}

/** The internal audit report of a date range as JSON, for the page (SUP-7). */
export function getInternalAuditReportApi(request: ReportRequest): Promise<InternalAuditReportData> {
  return http.get<InternalAuditReportData>('/reports/internal-audit', reportQuery({ ...request, kind: 'internal-audit' }, 'json'));
}

/** Address of the PDF or Excel file of the same report (SUP-7). */
export function reportFileUrl(request: ReportRequest, format: Exclude<ReportFormat, 'json'>): string {
  return apiUrl(`/reports/${request.kind}`, reportQuery(request, format));
}
