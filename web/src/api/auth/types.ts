import type { LocalizedText } from '../types';

export type RoleCode = 'admin' | 'office' | 'leadership' | 'discipline' | 'judicial' | 'party_office' | 'department' | 'vendor';

export type Permission =
  | 'catalogue:read'
  | 'catalogue:write'
  | 'vendor:read'
  | 'vendor:write'
  | 'vendor:write_own'
  | 'audit:read'
  | 'user:manage'
  | 'org:manage'
  | 'settings:manage'
  | 'dashboard:read'
  | 'contract:read'
  | 'contract:write'
  | 'contract:review'
  | 'payment:write'
  // Supervision and the policy engine (docs/api.md, SUP-1..SUP-8, RP-1..RP-5).
  | 'supervision:read'
  | 'supervision:write'
  | 'supervision:respond'
  | 'survey:answer'
  | 'opinion:write'
  | 'proposal:decide'
  // Projects and procurement (docs/api.md, PRJ-1..PRJ-8).
  | 'project:read'
  | 'project:write'
  | 'project:approve'
  | 'bid:submit'
  | 'procurement:rules'
  // The discipline-inspection witness's consent from its own session (PRJ-7).
  | 'project:witness'
  // The internal audit report (SUP-7): the organisation's own, not for vendors or departments.
  | 'report:internal'
  // Staff (issue 13): the roster, read and kept by the vendor (STF-1); attendance (STF-6); the full ID number on reveal.
  | 'staff:read'
  | 'staff:write'
  | 'attendance:write'
  | 'staff:reveal'
  | 'staff:replace_request'
  // Training and qualification tests (STF-3, STF-8), incidents (STF-7), extra managers by written request (STF-9).
  | 'training:write'
  | 'incident:write'
  | 'staffing:request'
  | 'roster:read_served'
  // Agent IDs by written request (CC-1).
  | 'agent_id:request'
  | 'number:request'
  | 'calls:import'
  | 'cc_method:draft'
  | 'cc_method:approve'
  | 'cc_suggestion:write'
  | 'cc_reward:write'
  | 'data:export';

export interface SessionUser {
  id: number;
  username: string;
  display_name: string;
  role: RoleCode;
  role_name: LocalizedText;
  org_id: number | null;
  org_name: string | null;
  permissions: Permission[];
}

export interface SessionAnswer {
  user: SessionUser;
  csrf_token: string;
}

export interface LoginForm {
  username: string;
  password: string;
}

export interface PasswordChange {
  old_password: string;
  new_password: string;
}
