import { http } from '../http';
import type { Items } from '../types';
import type { StaffRole, StaffRoleInput } from './types';

export type { StaffRoleInput } from './types';

// The roles a person on a roster may have: a setting the administrator keeps (STF-1).

export function getStaffRolesApi(): Promise<Items<StaffRole>> {
  return http.get<Items<StaffRole>>('/staff-roles');
}

export function addStaffRoleApi(input: StaffRoleInput): Promise<StaffRole> {
  return http.post<StaffRole>('/staff-roles', input);
}

export function renameStaffRoleApi(code: string, input: StaffRoleInput): Promise<StaffRole> {
  return http.put<StaffRole>(`/staff-roles/${encodeURIComponent(code)}`, input);
}
