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

/** docs/api.md "Dashboard additions": present for users with supervision:read. */
export interface SupervisionDashboard {
  /** Average assessment total per period; numbers with one decimal (or their text). */
  scores: { period: string; average: number | string | null; count: number }[];
  /** Survey satisfaction rate per period, "83.33%" or null. */
  satisfaction: { period: string; rate: string | number | null }[];
  rectifications: { open: number; reported: number; overdue: number };
  proposals: { pending_office: number; pending_leadership: number; approved: number; rejected: number; withdrawn: number };
  /** Approved deductions per period, money text. */
  deductions: { period: string; amount: string }[];
}

export interface Dashboard {
  vendors: { total: number; active: number };
  qualifications: { ok: number; expiring: number; expired: number };
  categories: number;
  audit_last_7_days: DayCount[];
  reminders: Reminder[];
  supervision?: SupervisionDashboard | null;
  /** STF-2, X-2: people's documents expired or expiring (for those who read rosters). */
  staff_documents?: { expiring: number; expired: number; warning_days: number } | null;
  /** Last month's staffing shortfalls in scope (STF-6), as the rules judged them; for those who read rosters. */
  staffing_shortfall?: { month: string; contracts: number; missing_person_days: number } | null;
}
