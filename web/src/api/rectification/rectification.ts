import { http } from '../http';
import type { Page } from '../types';
import type { CompletionReport, Rectification, RectificationInput, RectificationQuery, RectificationSummary, Verification } from './types';

export function getRectificationPageApi(query: RectificationQuery): Promise<Page<RectificationSummary>> {
  // `overdue=false` is not a filter in the API: send it only when it is on.
  const { overdue, ...rest } = query;
  return http.get<Page<RectificationSummary>>('/rectifications', { ...rest, overdue: overdue === true ? true : undefined });
}

export function getRectificationApi(id: number): Promise<Rectification> {
  return http.get<Rectification>(`/rectifications/${id}`);
}

export function createRectificationApi(rectification: RectificationInput): Promise<Rectification> {
  return http.post<Rectification>('/rectifications', rectification);
}

/** The vendor's completion report with its evidence (supervision:respond). */
export function reportRectificationApi(id: number, report: CompletionReport): Promise<Rectification> {
  return http.post<Rectification>(`/rectifications/${id}/report`, report);
}

/** The office accepts (closing it, with the effect) or rejects (back to open, with a comment). */
export function verifyRectificationApi(id: number, verification: Verification): Promise<Rectification> {
  return http.post<Rectification>(`/rectifications/${id}/verify`, verification);
}
