import type { PageQuery } from '../types';
import type { Rating, SurveyStatus } from '../generated/schemas';

// The API's shapes come from the server's schemas (server/src/features/supervision/api_schemas.json, issue 10).
export type {
  QuestionInput,
  QuestionKind,
  QuestionResult,
  Rating,
  RatingCounts,
  RatingOption,
  Survey,
  SurveyAnswerInput,
  SurveyAnswerReceipt,
  SurveyInput,
  SurveyQuestion,
  SurveyResults,
  SurveyStatus,
  SurveySummary,
  SurveyTemplate,
  TemplateQuestion,
} from '../generated/schemas';

/** docs/api.md "Satisfaction surveys" (SUP-4). */
export const SURVEY_STATUSES: SurveyStatus[] = ['open', 'closed'];
export const RATINGS: Rating[] = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied'];

/** A rating question's answer is 1..5, a text question's a string. */
export type AnswerValue = number | string;

export interface SurveyQuery extends PageQuery {
  contract_id?: number | '';
  status?: SurveyStatus | '';
  /** `pending`: the surveys the caller can still answer. */
  mine?: 'pending' | '';
}
