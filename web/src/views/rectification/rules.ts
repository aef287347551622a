import type { Permission } from '@/api/auth/types';
import type { Rectification, RectificationStatus, Verification, VerifyEffect, VerifyResult } from '@/api/rectification/types';
import { daysBetween } from '@/utils/date';

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

/**
 * Days a rectification is overdue, 0 when it is not. The server's `overdue` and `days_overdue` win; the page only
 * computes them (open and the deadline before today, docs/api.md SUP-2) when an older answer lacks them.
 * A report awaiting verification is not the vendor's delay.
 */
export function overdueDays(
  rectification: Pick<Rectification, 'status' | 'deadline'> & Partial<Pick<Rectification, 'overdue' | 'days_overdue'>>,
  today: string,
): number {
  if (rectification.overdue === false) return 0;
  const computed = rectification.status === 'open' ? daysBetween(rectification.deadline, today) : 0;
  if (rectification.overdue === true) return Math.max(rectification.days_overdue ?? computed, 1);
  return computed > 0 ? computed : 0;
}

export function statusTag(status: RectificationStatus | string): TagType {
  switch (status) {
    case 'open':
      return 'warning';
    case 'reported':
      return 'primary';
    case 'closed':
      return 'success';
    default:
      return 'info';
  }
}

export function effectTag(effect: VerifyEffect | string | null | undefined): TagType {
  if (effect === 'effective') return 'success';
  if (effect === 'partly_effective') return 'warning';
  if (effect === 'ineffective') return 'danger';
  return 'info';
}

export interface RectificationActions {
  /** The vendor reports completion with evidence. */
  report: boolean;
  /** The office accepts or rejects the report. */
  verify: boolean;
}

/** What the user may do now; the server checks again (own vendor, state). */
export function rectificationActions(status: RectificationStatus | string, permissions: readonly Permission[]): RectificationActions {
  return {
    report: status === 'open' && permissions.includes('supervision:respond'),
    verify: status === 'reported' && permissions.includes('supervision:write'),
  };
}

export interface VerificationForm {
  result: VerifyResult | '';
  effect: VerifyEffect | '';
  comment: string;
}

/** Field → i18n key of what is missing: an effect to accept, a comment to reject. */
export function verificationProblems(form: VerificationForm): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!form.result) problems.result = 'common.validation.required';
  if (form.result === 'accepted' && !form.effect) problems.effect = 'rectification.verify.effectRequired';
  if (form.result === 'rejected' && !form.comment.trim()) problems.comment = 'rectification.verify.commentRequired';
  return problems;
}

/** The body of POST /rectifications/{id}/verify: the effect only goes with an acceptance. */
export function verificationBody(form: VerificationForm): Verification {
  if (form.result === 'accepted') return { result: 'accepted', effect: form.effect as VerifyEffect, comment: form.comment.trim() };
  return { result: 'rejected', comment: form.comment.trim() };
}
