import type { PageQuery } from '../types';
import type { Org, RoleCode, SettingChange } from '../generated/schemas';

// The API's shapes come from the server's schemas (server/src/features/accounts/api_schemas.json, issue 10).
export type { Org, OrgCreate, Role, Setting, SettingChange, SettingChoice, SettingUpdate, User, UserCreate, UserUpdate } from '../generated/schemas';

export type OrgKind = Org['kind'];

/** A setting's value: a number, or the text of a text setting. */
export type SettingValue = SettingChange['value'];

export interface UserQuery extends PageQuery {
  q?: string;
  role?: RoleCode | '';
}
