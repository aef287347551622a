import { http } from '../http';
import type { Items, Page } from '../types';
import type { Person, RosterQuery, ServedContract } from './types';

// STF-1: a served department's read-only view of the rosters of the contracts that serve it.

export function getServedContractsApi(): Promise<Items<ServedContract>> {
  return http.get<Items<ServedContract>>('/served-contracts');
}

export function getServedRosterPageApi(contractId: number, query: RosterQuery): Promise<Page<Person>> {
  return http.get<Page<Person>>(`/served-contracts/${contractId}/staff`, { ...query });
}
