import type { LocalizedText, PageQuery } from '../types';
import type { Permission, RoleCode } from '../auth/types';

export type OrgKind = 'county' | 'town' | 'department' | 'vendor';

export interface Org {
  id: number;
  parent_id: number | null;
  name: string;
  kind: OrgKind;
  path: string;
}

export interface OrgCreate {
  parent_id: number | null;
  name: string;
  kind: OrgKind;
}

export interface Role {
  code: RoleCode;
  requirement: string;
  name: LocalizedText;
  permissions: Permission[];
}

export interface User {
  id: number;
  username: string;
  display_name: string;
  role: RoleCode;
  role_name?: LocalizedText;
  org_id: number | null;
  org_name?: string | null;
  active: boolean;
  locked_until: string | null;
  created_at?: string;
}

export interface UserQuery extends PageQuery {
  q?: string;
  role?: RoleCode | '';
}

export interface UserCreate {
  username: string;
  display_name: string;
  password: string;
  role: RoleCode;
  org_id: number | null;
}

export type UserUpdate = Partial<Pick<User, 'display_name' | 'role' | 'org_id' | 'active'>> & { password?: string };

export type SettingValue = number | string | boolean;

export interface SettingChange {
  value: SettingValue;
  changed_at: string;
  changed_by: string;
  reason: string;
}

/** One allowed value of a setting edited as a choice (e.g. policy.window: 1, 2, 3). */
export interface SettingChoice {
  value: SettingValue;
  label: LocalizedText;
}

export interface Setting {
  key: string;
  /** `text` for settings in words (organisation.rules_title): min and max are then lengths in characters. */
  kind?: 'number' | 'text';
  value: SettingValue;
  description: LocalizedText;
  min: number | null;
  max: number | null;
  /** In both languages (分钟 / minutes); empty strings when the value has no unit. */
  unit: LocalizedText | null;
  /** When present, the value is one of these and is picked from a list. */
  choices?: SettingChoice[] | null;
  history: SettingChange[];
}

export interface SettingUpdate {
  value: SettingValue;
  reason: string;
}
