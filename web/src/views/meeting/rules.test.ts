import { describe, expect, it } from 'vitest';
import type { MeetingSummary } from '@/api/meeting/types';
import { departmentNames, meetingActions, namesFor, statusTag, vendorNames } from './rules';

const OFFICE = ['supervision:read', 'supervision:write'] as const;
const DEPARTMENT = ['supervision:read', 'opinion:write', 'survey:answer'] as const;

describe('meeting actions (SUP-1)', () => {
  it('gives the office every step of a scheduled meeting', () => {
    expect(meetingActions('scheduled', [...OFFICE])).toEqual({ opinion: true, minutes: true, cancel: true, rectify: true });
  });
  it('lets a department only submit opinions', () => {
    expect(meetingActions('scheduled', [...DEPARTMENT])).toEqual({ opinion: true, minutes: false, cancel: false, rectify: false });
  });
  it('keeps opinions open after the meeting but no cancel', () => {
    expect(meetingActions('held', [...OFFICE])).toEqual({ opinion: true, minutes: true, cancel: false, rectify: true });
  });
  it('closes a cancelled meeting to everyone', () => {
    expect(meetingActions('cancelled', [...OFFICE, 'opinion:write'])).toEqual({ opinion: false, minutes: false, cancel: false, rectify: false });
  });
  it('gives readers nothing to do', () => {
    expect(meetingActions('scheduled', ['supervision:read'])).toEqual({ opinion: false, minutes: false, cancel: false, rectify: false });
  });
  it('colours statuses', () => {
    expect(statusTag('held')).toBe('success');
    expect(statusTag('cancelled')).toBe('info');
  });
});

describe('names of vendors and departments', () => {
  const base = { vendor_ids: [3, 7], attendee_org_ids: [5] } as MeetingSummary;
  it('prefers what the server sent', () => {
    expect(departmentNames({ ...base, attendees: [{ id: 5, name: 'Dept' }] }, [])).toEqual(['Dept']);
    expect(
      vendorNames(
        {
          ...base,
          vendors: [
            { id: 7, name: 'B' },
            { id: 3, name: 'A' },
          ],
        },
        [],
      ),
    ).toEqual(['A', 'B']);
  });
  it('falls back to loaded lists, then to the id', () => {
    expect(vendorNames(base, [{ id: 3, name: 'Known' }])).toEqual(['Known', '#7']);
    expect(departmentNames(base, [{ id: 5, name: 'Dept' }])).toEqual(['Dept']);
    expect(namesFor([], undefined, [])).toEqual([]);
  });
});
