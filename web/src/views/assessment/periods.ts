import type { AssessmentFormPeriod, AssessmentKind } from '@/api/assessment/types';

/**
 * Which periods an inspector may pick (SUP-3): a period must have started (first ≤ today), and a routine assessment
 * is made once per period. A special assessment may be made in an assessed period.
 */
export type PeriodBlock = 'future' | 'assessed' | null;

/** A period as the form gives it; the date compare stands in when `future` is absent (a period built by hand). */
export type PeriodInput = Omit<AssessmentFormPeriod, 'future'> & { future?: boolean };

export interface PeriodOption extends PeriodInput {
  disabled: boolean;
  block: PeriodBlock;
}

/** Newest period first (SUP-3): the one an inspector usually wants is at the top of the list. */
export function periodOptions(periods: readonly PeriodInput[], today: string, kind: AssessmentKind): PeriodOption[] {
  const newestFirst = [...periods].sort((a, b) => (a.first < b.first ? 1 : a.first > b.first ? -1 : 0));
  return newestFirst.map((period) => {
    // The server's `future` flag wins: its clock decides what has started; the date compare covers its absence.
    const future = period.future ?? period.first > today;
    const block: PeriodBlock = future ? 'future' : period.assessed && kind === 'routine' ? 'assessed' : null;
    return { ...period, disabled: block !== null, block };
  });
}

/** The latest period that may still be picked, or '' when none may. */
export function defaultPeriod(options: readonly PeriodOption[]): string {
  const open = options.filter((option) => !option.disabled);
  if (open.length === 0) return '';
  return open.reduce((latest, option) => (option.first > latest.first ? option : latest)).period;
}

/** A period that has started but not ended: assessing it now judges only the days so far. */
export function isUnfinished(period: Pick<AssessmentFormPeriod, 'first' | 'last'> | undefined, today: string): boolean {
  return !!period && period.first <= today && period.last >= today;
}
