import { http } from '../http';
import type { Items } from '../types';
import type { Setting, SettingUpdate } from './types';

export function getSettingListApi(): Promise<Items<Setting>> {
  return http.get<Items<Setting>>('/settings');
}

export function updateSettingApi(key: string, update: SettingUpdate): Promise<Setting> {
  return http.put<Setting>(`/settings/${encodeURIComponent(key)}`, update);
}
