import type { Role } from '@/api/system/types';
import type { CrudSchema, TreeOption } from '@/components/crud/schema';
import { pickText } from '@/utils/form-errors';
import type { LocaleCode } from '@/api/types';

/** The user form in both modes: create needs username and password; edit may reset the password. */
export interface UserForm {
  username: string;
  display_name: string;
  password: string;
  role: string;
  org_id: number | null;
  active: boolean;
}

export function userSchema(roles: () => Role[], orgs: () => TreeOption[], locale: () => LocaleCode): CrudSchema<UserForm> {
  return [
    { field: 'username', label: 'system.user.username', kind: 'text', required: true, modes: ['create'], maxlength: 64 },
    { field: 'display_name', label: 'system.user.displayName', kind: 'text', required: true, maxlength: 64 },
    { field: 'password', label: 'system.user.password', kind: 'password', required: true, modes: ['create'], hint: 'system.user.passwordRule' },
    {
      field: 'role',
      label: 'system.user.role',
      kind: 'select',
      required: true,
      options: () => roles().map((role) => ({ value: role.code, label: pickText(role.name, locale()) })),
    },
    { field: 'org_id', label: 'system.user.org', kind: 'tree-select', required: true, tree: orgs },
    { field: 'active', label: 'system.user.active', kind: 'switch', modes: ['edit'] },
    { field: 'password', label: 'system.user.resetPassword', kind: 'password', modes: ['edit'], hint: 'system.user.resetPasswordHint' },
  ];
}
