import { apiUrl, http } from '../http';
import type { Query } from '../types';
import type { ReportData, ReportFormat, ReportRequest } from './types';

function reportQuery(request: ReportRequest, format: ReportFormat): Query {
  const vendor = request.vendor_id || undefined;
  return request.kind === 'quality' ? { period: request.period, vendor_id: vendor, format } : { from: request.from, to: request.to, vendor_id: vendor, format };
}

/** The report as JSON, for the page. */
export function getReportApi(request: ReportRequest): Promise<ReportData> {
  return http.get<ReportData>(`/reports/${request.kind}`, reportQuery(request, 'json'));
}

/** Address of the PDF or Excel file of the same report (SUP-7). */
export function reportFileUrl(request: ReportRequest, format: Exclude<ReportFormat, 'json'>): string {
  return apiUrl(`/reports/${request.kind}`, reportQuery(request, format));
}
