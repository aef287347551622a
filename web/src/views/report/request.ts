import type { ReportRequest } from '@/api/report/types';

/** Period labels of docs/api.md "Assessments": 2027-03 (monthly), 2027-Q1, 2027-H1, 2027. */
const PERIOD = /^\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isPeriodLabel(value: string): boolean {
  return PERIOD.test(value.trim());
}

/** Field → i18n key of what keeps the report from being asked for; empty when it can be. */
export function reportProblems(request: ReportRequest): Record<string, string> {
  const problems: Record<string, string> = {};
  if (request.kind === 'quality') {
    if (!request.period?.trim()) problems.period = 'common.validation.required';
    else if (!isPeriodLabel(request.period)) problems.period = 'report.form.periodInvalid';
  } else {
    if (!request.from || !request.to || !DATE.test(request.from) || !DATE.test(request.to)) problems.dates = 'common.validation.required';
    else if (request.from > request.to) problems.dates = 'report.form.datesReversed';
  }
  return problems;
}

/** The defaults a page opens with: this month for quality, 1 January to today for the audit. */
export function defaultRequest(kind: ReportRequest['kind'], today: string): ReportRequest {
  return kind === 'quality' ? { kind, period: today.slice(0, 7), vendor_id: '' } : { kind, from: `${today.slice(0, 4)}-01-01`, to: today, vendor_id: '' };
}
