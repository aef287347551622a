import type { QuestionInput, QuestionKind, Rating, SurveyQuestion, SurveyResults, TemplateQuestion } from '@/api/survey/types';
import { RATINGS } from '@/api/survey/types';
import { localizedText } from '@/utils/localized';

/** Survey questions (SUP-4): the template's, editable by the office before the survey opens. */

/** A question's text in a locale; the server may send both languages or one string. */
export const questionText = localizedText;

/**
 * An editable question. A survey stores one text per question (what respondents read), so the template's Chinese
 * text, the primary language, is what the office starts from, as the server does when no questions are sent.
 */
export interface QuestionDraft {
  key: string;
  kind: QuestionKind;
  text: string;
}

export function toDraft(question: SurveyQuestion | TemplateQuestion): QuestionDraft {
  const text = question.text;
  return { key: question.key, kind: question.kind, text: typeof text === 'string' ? text : text['zh-CN'] || text.en || '' };
}

export function fromDraft(draft: QuestionDraft): QuestionInput {
  return { key: draft.key, kind: draft.kind, text: draft.text.trim() };
}

/** A key not used yet: q1, q2, … */
export function nextQuestionKey(drafts: readonly Pick<QuestionDraft, 'key'>[]): string {
  const used = new Set(drafts.map((draft) => draft.key));
  let n = drafts.length + 1;
  while (used.has(`q${n}`)) n += 1;
  return `q${n}`;
}

export type QuestionProblem = 'empty-text' | 'duplicate-key';

/** The first reason the questions cannot be sent, or null. No questions at all is allowed (rating only). */
export function questionsProblem(drafts: readonly QuestionDraft[]): QuestionProblem | null {
  if (drafts.some((draft) => !draft.text.trim())) return 'empty-text';
  const keys = drafts.map((draft) => draft.key);
  if (new Set(keys).size !== keys.length) return 'duplicate-key';
  return null;
}

/** Chart rows, in the order of the four options, with the labels the page passes. */
export function countRows(results: Pick<SurveyResults, 'counts'>, label: (rating: Rating) => string): { rating: Rating; name: string; value: number }[] {
  return RATINGS.map((rating) => ({ rating, name: label(rating), value: results.counts?.[rating] ?? 0 }));
}

/** An average answer to a rating question, "4.25", or '' when nobody answered it. */
export function formatAverage(average: number | string | null | undefined): string {
  if (average === null || average === undefined || average === '') return '';
  if (typeof average === 'string') return average;
  return Number.isFinite(average) ? String(Math.round(average * 100) / 100) : '';
}

/** The date `days` after a YYYY-MM-DD date (calendar arithmetic in UTC, so no zone can shift it). */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time)) return date;
  return new Date(time + days * 86_400_000).toISOString().slice(0, 10);
}

/** Survey periods default to the month the survey is made in ("2027-03"). */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}
