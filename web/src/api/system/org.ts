import { http } from '../http';
import type { Items } from '../types';
import type { Org, OrgCreate } from './types';

export function getOrgListApi(): Promise<Items<Org>> {
  return http.get<Items<Org>>('/orgs');
}

export function createOrgApi(org: OrgCreate): Promise<Org> {
  return http.post<Org>('/orgs', org);
}
