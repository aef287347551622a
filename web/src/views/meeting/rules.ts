import type { Permission } from '@/api/auth/types';
import type { MeetingStatus, MeetingSummary, NamedRef } from '@/api/meeting/types';

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

export function statusTag(status: MeetingStatus | string): TagType {
  if (status === 'scheduled') return 'primary';
  if (status === 'held') return 'success';
  return 'info';
}

export interface MeetingActions {
  /** Submit an opinion or suggestion: departments (opinion:write) and the office; not on a cancelled meeting. */
  opinion: boolean;
  /** Record the minutes, which marks the meeting held (office). */
  minutes: boolean;
  /** Cancel with a reason (office; scheduled only). */
  cancel: boolean;
  /** Create a rectification from this meeting (office). */
  rectify: boolean;
}

export function meetingActions(status: MeetingStatus | string, permissions: readonly Permission[]): MeetingActions {
  const write = permissions.includes('supervision:write');
  const live = status === 'scheduled' || status === 'held';
  return {
    opinion: live && (write || permissions.includes('opinion:write')),
    minutes: live && write,
    cancel: status === 'scheduled' && write,
    rectify: live && write,
  };
}

/**
 * Names for a meeting's ids: the names the server sent along (`vendors`, `attendees`), else those the page could
 * load (a department user may not read vendors), else "#id".
 */
export function namesFor(ids: readonly number[], sent: readonly NamedRef[] | undefined, known: readonly NamedRef[]): string[] {
  return ids.map((id) => sent?.find((item) => item.id === id)?.name ?? known.find((item) => item.id === id)?.name ?? `#${id}`);
}

export function vendorNames(meeting: MeetingSummary, known: readonly NamedRef[]): string[] {
  return namesFor(meeting.vendor_ids ?? [], meeting.vendors, known);
}

export function departmentNames(meeting: MeetingSummary, known: readonly NamedRef[]): string[] {
  return namesFor(meeting.attendee_org_ids ?? [], meeting.attendees, known);
}
