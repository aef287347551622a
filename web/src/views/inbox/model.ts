import type { Inbox, InboxItem, InboxKind } from '@/api/inbox/types';

/**
 * The rank of each group on the page: approvals and reviews first, then supervision, then what others answer. A
 * record of every kind the server sends (the generated InboxItem), so a new kind fails the type check until it is
 * placed here.
 */
const KIND_RANK: Record<InboxKind, number> = {
  project_approval: 0,
  project_ceiling: 1,
  contract_review: 2,
  contract_sign: 3,
  proposal_decision: 4,
  appeal_decision: 5,
  rectification_verify: 6,
  rectification_report: 7,
  replacement_confirm: 8,
  replacement_overdue: 9,
  replacement_report: 10,
  staff_document: 11,
  survey_answer: 12,
  witness_open_bidding: 13,
  witness_opening: 14,
};

export interface InboxGroup {
  kind: InboxKind;
  count: number;
  items: InboxItem[];
}

/** The items grouped by kind, in KIND_RANK's order (an unknown kind last), each group oldest waiting first. */
export function groupInbox(inbox: Inbox | null): InboxGroup[] {
  if (!inbox) return [];
  const groups = new Map<InboxKind, InboxItem[]>();
  for (const item of inbox.items) {
    const list = groups.get(item.kind) ?? [];
    list.push(item);
    groups.set(item.kind, list);
  }
  const rank = (kind: InboxKind) => KIND_RANK[kind] ?? Object.keys(KIND_RANK).length;
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
