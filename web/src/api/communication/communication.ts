import { http } from '../http';
import type { Page } from '../types';
import type { Communication, CommunicationInput, CommunicationQuery } from './types';

export function getCommunicationPageApi(query: CommunicationQuery): Promise<Page<Communication>> {
  return http.get<Page<Communication>>('/communications', { ...query });
}

export function createCommunicationApi(entry: CommunicationInput): Promise<Communication> {
  return http.post<Communication>('/communications', entry);
}
