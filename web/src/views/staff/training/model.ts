import type { PersonTraining, TrainerParty, TrainingKind } from '@/api/staff/training';

// Pure helpers of the training page (STF-3, STF-8), tested beside them.

export const KINDS: readonly TrainingKind[] = ['pre_job', 'managers', 'agents', 'new_business'];

/** D2 staff rules 2 and 8 fix who trains for three kinds (the server refuses the other party); pre-job is either's. */
export function requiredParty(kind: TrainingKind): TrainerParty | null {
  if (kind === 'managers' || kind === 'new_business') return 'party_a';
  if (kind === 'agents') return 'vendor';
  return null;
}

/** `date` (YYYY-MM-DD) plus `days`. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** D2 staff rule 8: a week of on-site guidance from the day after the training, both days included. */
export function guidanceWeek(trainedOn: string): { from: string; to: string } {
  return { from: addDays(trainedOn, 1), to: addDays(trainedOn, 7) };
}

/** What the roster shows beside a name: the hours, the latest test and, after a failure, the replacement due. */
export interface RosterTrainingTag {
  key: 'hours' | 'test' | 'replacement';
  type: 'info' | 'success' | 'danger' | 'warning';
  text: string;
}

export function rosterTags(person: PersonTraining | undefined, t: (key: string, named?: Record<string, unknown>) => string): RosterTrainingTag[] {
  if (!person) return [];
  const tags: RosterTrainingTag[] = [];
  tags.push(
    person.sessions > 0
      ? { key: 'hours', type: 'info', text: t('training.roster.hours', { hours: person.hours }) }
      : { key: 'hours', type: 'warning', text: t('training.roster.noTraining') },
  );
  const test = person.latest_test;
  if (test) {
    tags.push({
      key: 'test',
      type: test.result === 'pass' ? 'success' : 'danger',
      text: t('training.roster.test', { score: test.score, result: t(`training.result.${test.result}`) }),
    });
    if (test.result === 'fail' && test.replacement && test.replacement.status !== 'closed') {
      tags.push({ key: 'replacement', type: 'danger', text: t('training.roster.replacement', { deadline: test.replacement.deadline }) });
    }
  }
  return tags;
}
