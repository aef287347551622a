import type { ChecklistItem } from '@/api/catalogue/types';

/** A checklist is either empty or its integer points 1..100 sum to exactly 100 (CAT-2, SUP-3). */
export const CHECKLIST_TOTAL = 100;

export type ChecklistProblem = 'empty-item' | 'bad-points' | 'sum';

export function checklistTotal(items: readonly ChecklistItem[]): number {
  return items.reduce((sum, item) => sum + (Number.isFinite(item.points) ? item.points : 0), 0);
}

/** The first reason the checklist cannot be saved, or null when it can. */
export function checklistProblem(items: readonly ChecklistItem[]): ChecklistProblem | null {
  if (items.length === 0) return null;
  if (items.some((item) => item.item.trim() === '')) return 'empty-item';
  if (items.some((item) => !Number.isInteger(item.points) || item.points < 1 || item.points > CHECKLIST_TOTAL)) {
    return 'bad-points';
  }
  return checklistTotal(items) === CHECKLIST_TOTAL ? null : 'sum';
}
