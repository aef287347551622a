import { http } from '../http';
import type { Inbox } from './types';

/** Everything waiting for the signed-in user's step, across every workflow. */
export function getInboxApi(): Promise<Inbox> {
  return http.get<Inbox>('/inbox');
}
