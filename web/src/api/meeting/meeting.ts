import { http } from '../http';
import type { Page } from '../types';
import type { CancelInput, Meeting, MeetingInput, MeetingQuery, MeetingSummary, MinutesInput, Opinion, OpinionInput } from './types';

export function getMeetingPageApi(query: MeetingQuery): Promise<Page<MeetingSummary>> {
  return http.get<Page<MeetingSummary>>('/meetings', { ...query });
}

/** The meeting with its opinions, minutes and rectifications. */
export function getMeetingApi(id: number): Promise<Meeting> {
  return http.get<Meeting>(`/meetings/${id}`);
}

export function createMeetingApi(meeting: MeetingInput): Promise<Meeting> {
  return http.post<Meeting>('/meetings', meeting);
}

/** A department's opinion or suggestion (opinion:write); refused on a cancelled meeting. */
export function createOpinionApi(id: number, opinion: OpinionInput): Promise<Opinion> {
  return http.post<Opinion>(`/meetings/${id}/opinions`, opinion);
}

/** Recording the minutes marks the meeting held. */
export function recordMinutesApi(id: number, minutes: MinutesInput): Promise<Meeting> {
  return http.post<Meeting>(`/meetings/${id}/minutes`, minutes);
}

export function cancelMeetingApi(id: number, cancel: CancelInput): Promise<Meeting> {
  return http.post<Meeting>(`/meetings/${id}/cancel`, cancel);
}
