import { http } from '../http';
import type { EnergySaving, EnergySavingInput, EnergySavingPage, EnergySavingQuery } from './types';

export function getEnergySavingPageApi(query: EnergySavingQuery): Promise<EnergySavingPage> {
  return http.get<EnergySavingPage>('/energy-savings', { ...query });
}

/** Saving a record re-runs the rules on the server (RP-1). */
export function createEnergySavingApi(record: EnergySavingInput): Promise<EnergySaving> {
  return http.post<EnergySaving>('/energy-savings', record);
}
