import type { LocalizedText } from '../types';

export interface DayCount {
  date: string;
  count: number;
}

export interface Reminder {
  kind: string;
  severity: string;
  title: LocalizedText;
  due: string | null;
  link: string | null;
}

export interface Dashboard {
  vendors: { total: number; active: number };
  qualifications: { ok: number; expiring: number; expired: number };
  categories: number;
  audit_last_7_days: DayCount[];
  reminders: Reminder[];
}
