import { describe, expect, it } from 'vitest';
import type { PersonTraining, QualificationTest } from '@/api/staff/training';
import { guidanceWeek, requiredParty, rosterTags } from './model';

const t = (key: string, named?: Record<string, unknown>) => (named ? `${key} ${JSON.stringify(named)}` : key);

function test(result: 'pass' | 'fail', replacementStatus: 'open' | 'closed' | null): QualificationTest {
  return {
    id: 1,
    contract_id: 1,
    person_id: 7,
    person_name: '王话务',
    taken_on: '2000-01-05',
    subject: '话务',
    score: result === 'pass' ? 85 : 45,
    pass_score: 60,
    result,
    replacement_id: replacementStatus ? 3 : null,
    replacement_opened: false,
    replacement: replacementStatus ? { id: 3, status: replacementStatus, requested_on: '2000-01-06', deadline: '2000-01-13', reason: '' } : null,
  };
}

describe('training helpers', () => {
  it('STF-8 who trains: Party A the managers and new business, the vendor the agents, either the pre-job', () => {
    expect(requiredParty('managers')).toBe('party_a');
    expect(requiredParty('new_business')).toBe('party_a');
    expect(requiredParty('agents')).toBe('vendor');
    expect(requiredParty('pre_job')).toBeNull();
  });

  it('STF-8 the on-site guidance is the week after the training, across a month end', () => {
    expect(guidanceWeek('2000-01-28')).toEqual({ from: '2000-01-29', to: '2000-02-04' });
  });

  it('STF-3 the roster shows hours and the latest test; a failure shows the replacement due until it is closed', () => {
    const person: PersonTraining = { person_id: 7, name: '王话务', hours: '6.5', sessions: 2, latest_test: test('fail', 'open') };
    expect(rosterTags(person, t).map((tag) => [tag.key, tag.type])).toEqual([
      ['hours', 'info'],
      ['test', 'danger'],
      ['replacement', 'danger'],
    ]);
    expect(rosterTags(person, t)[2].text).toContain('2000-01-13');
    expect(rosterTags({ ...person, latest_test: test('fail', 'closed') }, t).map((tag) => tag.key)).toEqual(['hours', 'test']);
    expect(rosterTags({ ...person, latest_test: test('pass', null) }, t)[1].type).toBe('success');
    expect(rosterTags({ ...person, sessions: 0, hours: '0.0', latest_test: null }, t)).toEqual([
      { key: 'hours', type: 'warning', text: 'training.roster.noTraining' },
    ]);
    expect(rosterTags(undefined, t)).toEqual([]);
  });
});
