import type { Replacement, ReplacementStatus } from '@/api/staff/replacement';
import type { Person } from '@/api/staff/types';

// Pure helpers of the replacement requests (STF-4), tested beside them.

/** `date` (YYYY-MM-DD) plus `days`, as the server computes a new request's deadline. */
export function addDaysTo(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return moved.toISOString().slice(0, 10);
}

/** The people the office may ask to have replaced: on the roster now or about to start, without a request in progress. */
export function replaceable(people: readonly Person[], requests: readonly Replacement[]): Person[] {
  const busy = new Set(requests.filter((request) => request.status !== 'closed').map((request) => request.person_id));
  return people.filter((person) => person.status !== 'left' && !busy.has(person.id));
}

/** The people who may take over from `request.person_id`: anyone else on the roster who has not left. */
export function candidates(people: readonly Person[], request: Replacement): Person[] {
  return people.filter((person) => person.id !== request.person_id && person.status !== 'left');
}

export const STATUS_TAG: Record<ReplacementStatus, 'warning' | 'primary' | 'danger' | 'success'> = {
  open: 'warning',
  reported: 'primary',
  returned: 'danger',
  closed: 'success',
};
