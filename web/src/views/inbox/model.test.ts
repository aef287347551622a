import { describe, expect, it } from 'vitest';
import type { Inbox, InboxItem } from '@/api/inbox/types';
import { daysWaiting, groupInbox } from './model';

function item(kind: InboxItem['kind'], id: number, since: string): InboxItem {
  return {
    kind,
    title: { 'zh-CN': `事项 ${id}`, en: `Item ${id}` },
    object_type: 'project',
    object_id: id,
    object_name: `XM-${id}`,
    link: `/projects/${id}`,
    since,
    due: null,
  };
}

describe('inbox grouping (issue 12: one to-do list per role)', () => {
  it('groups by kind in the page order, with counts, oldest waiting first', () => {
    const inbox: Inbox = {
      items: [
        item('proposal_decision', 3, '2000-01-03T00:00:00.000+08:00'),
        item('project_approval', 2, '2000-01-02T00:00:00.000+08:00'),
        item('project_approval', 1, '2000-01-01T00:00:00.000+08:00'),
      ],
      counts: { project_approval: 2, proposal_decision: 1 },
      total: 3,
    };
    const groups = groupInbox(inbox);
    expect(groups.map((group) => [group.kind, group.count])).toEqual([
      ['project_approval', 2],
      ['proposal_decision', 1],
    ]);
    expect(groups[0].items.map((entry) => entry.object_id)).toEqual([1, 2]);
  });

  it("places a served staff member's expiring document (STF-2) with the supervision steps, before what others answer", () => {
    const inbox: Inbox = {
      items: [
        item('survey_answer', 5, '2000-01-01T00:00:00.000+08:00'),
        item('staff_document', 4, '2000-01-02T00:00:00.000+08:00'),
        item('rectification_report', 6, '2000-01-03T00:00:00.000+08:00'),
      ],
      counts: { survey_answer: 1, staff_document: 1, rectification_report: 1 },
      total: 3,
    };
    expect(groupInbox(inbox).map((group) => group.kind)).toEqual(['rectification_report', 'staff_document', 'survey_answer']);
  });

  it('has no groups before the answer', () => {
    expect(groupInbox(null)).toEqual([]);
  });

  it('counts whole days waited by the Shanghai calendar', () => {
    const now = new Date('2000-01-03T01:00:00.000+08:00');
    expect(daysWaiting('2000-01-02T23:30:00.000+08:00', now)).toBe(1);
    expect(daysWaiting('2000-01-03T00:10:00.000+08:00', now)).toBe(0);
  });
});
