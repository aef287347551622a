import { http } from '../http';
import type { Page } from '../types';
import type { Survey, SurveyAnswerInput, SurveyAnswerReceipt, SurveyInput, SurveyQuery, SurveySummary, SurveyTemplate } from './types';

export function getSurveyPageApi(query: SurveyQuery): Promise<Page<SurveySummary>> {
  return http.get<Page<SurveySummary>>('/surveys', { ...query });
}

/** The default questionnaire: the four rating options and the template questions. */
export function getSurveyTemplateApi(): Promise<SurveyTemplate> {
  return http.get<SurveyTemplate>('/survey-template');
}

export function createSurveyApi(survey: SurveyInput): Promise<Survey> {
  return http.post<Survey>('/surveys', survey);
}

/** With `results` for supervisors (and the vendor after closing) and `answered_by_me`. */
export function getSurveyApi(id: number): Promise<Survey> {
  return http.get<Survey>(`/surveys/${id}`);
}

/** Once per user while open; the second time is 409. */
export function answerSurveyApi(id: number, answer: SurveyAnswerInput): Promise<SurveyAnswerReceipt> {
  return http.post<SurveyAnswerReceipt>(`/surveys/${id}/answers`, answer);
}

/** Closing fixes the rate, which feeds the rules (RP-3, RP-1). */
export function closeSurveyApi(id: number): Promise<Survey> {
  return http.post<Survey>(`/surveys/${id}/close`, {});
}
