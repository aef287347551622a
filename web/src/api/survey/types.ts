import type { LocalizedText, PageQuery } from '../types';

/** docs/api.md "Satisfaction surveys" (SUP-4). */
export type SurveyStatus = 'open' | 'closed';
export const SURVEY_STATUSES: SurveyStatus[] = ['open', 'closed'];

export type Rating = 'very_satisfied' | 'satisfied' | 'basically_satisfied' | 'dissatisfied';
export const RATINGS: Rating[] = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied'];

export type QuestionKind = 'rating' | 'text';

export interface SurveyQuestion {
  key: string;
  /** The template gives both languages; a survey stores the one text its respondents read. */
  text: LocalizedText | string;
  kind: QuestionKind;
}

/** A question as POST /surveys takes it: key (lower-case letters, digits, _), one text, kind. */
export interface QuestionInput {
  key: string;
  text: string;
  kind: QuestionKind;
}

export interface SurveyTemplate {
  rating_options: { code: Rating; name: LocalizedText | string }[];
  questions: SurveyQuestion[];
}

export interface QuestionResult {
  key: string;
  average: number | string | null;
  texts: string[];
}

export interface SurveyResults {
  counts: Record<Rating, number>;
  valid: number;
  satisfied: number;
  /** "83.33%", or null without valid answers. */
  rate: string | null;
  formula: LocalizedText;
  question_results: QuestionResult[];
  comments: string[];
  /** Who answered; null for an anonymous survey. */
  respondents: string[] | null;
}

export interface Survey {
  id: number;
  contract_id: number;
  contract_code: string;
  vendor_id: number;
  vendor_name: string;
  period: string;
  title: string;
  anonymous: boolean;
  status: SurveyStatus;
  opens_on: string;
  closes_on: string;
  questions: SurveyQuestion[];
  answered_by_me: boolean;
  answer_count: number;
  results: SurveyResults | null;
}

export interface SurveyQuery extends PageQuery {
  contract_id?: number | '';
  status?: SurveyStatus | '';
  /** `pending`: the surveys the caller can still answer. */
  mine?: 'pending' | '';
}

export interface SurveyInput {
  contract_id: number | null;
  period: string;
  title: string;
  anonymous: boolean;
  closes_on: string;
  questions: QuestionInput[];
}

/** A rating question's answer is 1..5, a text question's a string. */
export type AnswerValue = number | string;

export interface SurveyAnswerInput {
  rating: Rating;
  answers: Record<string, AnswerValue>;
  comment: string;
}
