import { http } from '../http';
import type { Page } from '../types';
import type { AppealDecisionInput, AppealInput, Assessment, AssessmentForm, AssessmentInput, AssessmentQuery, AssessmentSummary } from './types';

export function getAssessmentPageApi(query: AssessmentQuery): Promise<Page<AssessmentSummary>> {
  return http.get<Page<AssessmentSummary>>('/assessments', { ...query });
}

export function getAssessmentApi(id: number): Promise<Assessment> {
  return http.get<Assessment>(`/assessments/${id}`);
}

/** Periods, checklist, pass mark, bands and deduction clauses of the contract version in force. */
export function getAssessmentFormApi(contractId: number, period?: string): Promise<AssessmentForm> {
  return http.get<AssessmentForm>(`/contracts/${contractId}/assessment-form`, { period });
}

export function createAssessmentApi(assessment: AssessmentInput): Promise<Assessment> {
  return http.post<Assessment>('/assessments', assessment);
}

/** The vendor's appeal (SUP-8): once, within `assessment.appeal_days` of the assessment. */
export function appealAssessmentApi(id: number, appeal: AppealInput): Promise<Assessment> {
  return http.post<Assessment>(`/assessments/${id}/appeal`, appeal);
}

/** The office's decision on a pending appeal; a changed score re-runs the rules (RP-4). */
export function decideAppealApi(id: number, decision: AppealDecisionInput): Promise<Assessment> {
  return http.post<Assessment>(`/assessments/${id}/appeal/decision`, decision);
}
