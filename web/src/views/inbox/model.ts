import type { Inbox, InboxItem, InboxKind } from '@/api/inbox/types';

/** The order of the groups on the page: approvals and reviews first, then supervision, then what others answer. */
export const KIND_ORDER: InboxKind[] = [
  'project_approval',
  'project_ceiling',
  'contract_review',
  'contract_sign',
  'proposal_decision',
  'appeal_decision',
  'rectification_verify',
  'rectification_report',
  'replacement_confirm',
  'replacement_overdue',
  'replacement_report',
  'survey_answer',
  'witness_open_bidding',
  'witness_opening',
];

export interface InboxGroup {
  kind: InboxKind;
  count: number;
  items: InboxItem[];
}

/** The items grouped by kind, in KIND_ORDER (an unknown kind last), each group oldest waiting first. */
export function groupInbox(inbox: Inbox | null): InboxGroup[] {
  if (!inbox) return [];
  const groups = new Map<InboxKind, InboxItem[]>();
  for (const item of inbox.items) {
    const list = groups.get(item.kind) ?? [];
    list.push(item);
    groups.set(item.kind, list);
  }
  const rank = (kind: InboxKind) => {
    const index = KIND_ORDER.indexOf(kind);
    return index < 0 ? KIND_ORDER.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([kind, items]) => ({
      kind,
      count: items.length,
      items: [...items].sort((a, b) => Date.parse(a.since) - Date.parse(b.since)),
    }));
}

/** Whole days an item has waited, by the Shanghai calendar (0 on the day it arrived). */
export function daysWaiting(since: string, now: Date = new Date()): number {
  const day = (at: Date) => Math.floor((at.getTime() + 8 * 3_600_000) / 86_400_000);
  return Math.max(0, day(now) - day(new Date(since)));
}
