import type { Assessment, AssessmentStatus } from '@/api/assessment/types';

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

/** 申诉: the server says whether the appeal window is open for this user (`can_appeal`); vendors respond. */
export function canAppeal(assessment: Pick<Assessment, 'can_appeal'>, permissions: readonly string[]): boolean {
  return assessment.can_appeal && permissions.includes('supervision:respond');
}

/** 处理申诉: the office decides a pending appeal (SUP-8). */
export function canDecideAppeal(assessment: Pick<Assessment, 'appeal'>, permissions: readonly string[]): boolean {
  return assessment.appeal?.status === 'pending' && permissions.includes('supervision:write');
}

export function statusTagType(status: AssessmentStatus | string): TagType {
  switch (status) {
    case 'submitted':
      return 'primary';
    case 'appealed':
      return 'warning';
    case 'decided':
      return 'success';
    default:
      return 'info';
  }
}
