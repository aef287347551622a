import { http } from '../http';
import type { Dashboard } from './types';

export function getDashboardApi(): Promise<Dashboard> {
  return http.get<Dashboard>('/dashboard');
}
