import { http } from '../http';
import type { Page } from '../types';
import type { EnergySaving, EnergySavingInput, EnergySavingQuery } from './types';

export function getEnergySavingPageApi(query: EnergySavingQuery): Promise<Page<EnergySaving>> {
  return http.get<Page<EnergySaving>>('/energy-savings', { ...query });
}

/** Saving a record re-runs the rules on the server (RP-1). */
export function createEnergySavingApi(record: EnergySavingInput): Promise<EnergySaving> {
  return http.post<EnergySaving>('/energy-savings', record);
}
