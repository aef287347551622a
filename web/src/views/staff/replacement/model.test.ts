import { describe, expect, it } from 'vitest';
import type { Replacement } from '@/api/staff/replacement';
import type { Person } from '@/api/staff/types';
import { addDaysTo, candidates, replaceable } from './model';

function person(id: number, status: Person['status']): Person {
  return {
    id,
    contract_id: 1,
    name: `P${id}`,
    id_number_masked: '',
    birth_date: '',
    sex: 'female',
    phone: '',
    role: 'cleaner',
    post: '',
    start_date: '',
    end_date: null,
    status,
    can_reveal: false,
    can_edit: false,
    equipment_unsettled: 0,
  };
}

function request(personId: number, status: Replacement['status']): Replacement {
  return {
    id: personId * 10,
    contract_id: 1,
    person_id: personId,
    person_name: '',
    reason: '',
    attachment_id: null,
    attachment_name: null,
    requested_on: '',
    deadline_days: 7,
    deadline: '',
    status,
    replacement_id: null,
    replacement_name: null,
    report_note: '',
    reported_at: null,
    overdue_days: 0,
    allowed_actions: [],
    events: [],
  };
}

describe('replacement model (STF-4)', () => {
  it('adds the deadline days across a month and a year end', () => {
    expect(addDaysTo('2030-01-28', 7)).toBe('2030-02-04');
    expect(addDaysTo('2030-12-29', 3)).toBe('2031-01-01');
  });

  it('offers only people still on the roster with no request in progress', () => {
    const people = [person(1, 'current'), person(2, 'left'), person(3, 'upcoming'), person(4, 'current')];
    const requests = [request(1, 'open'), request(4, 'closed')];
    expect(replaceable(people, requests).map((item) => item.id)).toEqual([3, 4]);
  });

  it('never offers the person being replaced, nor someone who left, as the replacement', () => {
    const people = [person(1, 'current'), person(2, 'left'), person(3, 'upcoming')];
    expect(candidates(people, request(1, 'open')).map((item) => item.id)).toEqual([3]);
  });
});
