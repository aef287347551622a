import { http } from '../http';
import type { Items } from '../types';
import type { Role } from './types';

export function getRoleListApi(): Promise<Items<Role>> {
  return http.get<Items<Role>>('/roles');
}
