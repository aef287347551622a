/**
 * One description of a simple entity's fields drives its form and its detail view
 * (STYLE.md: a CrudSchema-like description instead of hand-written copies).
 */
export type FieldKind = 'text' | 'textarea' | 'password' | 'number' | 'money' | 'switch' | 'select' | 'multiselect' | 'tree-select';

export interface FieldOption {
  value: string | number | boolean;
  /** Already translated label. */
  label: string;
}

export interface TreeOption {
  value: number;
  label: string;
  children?: TreeOption[];
}

export type FormMode = 'create' | 'edit';

export interface CrudField<T> {
  field: keyof T & string;
  /** i18n key of the label. */
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** In which form modes the field appears; default both. */
  modes?: FormMode[];
  /** Shown in the detail view (default true, never for passwords). */
  detail?: boolean;
  /** How the detail view shows the value; default the value itself. */
  display?: (row: T) => string;
  options?: () => FieldOption[];
  tree?: () => TreeOption[];
  min?: number;
  max?: number;
  maxlength?: number;
  /** Half-width column in the form. */
  half?: boolean;
  /** i18n key of a hint under the field. */
  hint?: string;
}

export type CrudSchema<T> = CrudField<T>[];

export function formFields<T>(schema: CrudSchema<T>, mode: FormMode): CrudField<T>[] {
  return schema.filter((field) => !field.modes || field.modes.includes(mode));
}

export function detailFields<T>(schema: CrudSchema<T>): CrudField<T>[] {
  return schema.filter((field) => field.kind !== 'password' && field.detail !== false);
}

/** Names of the fields a form shows, to match server field errors against. */
export function fieldNames<T>(schema: CrudSchema<T>, mode: FormMode): string[] {
  return formFields(schema, mode).map((field) => field.field);
}

/** Fields that are required but empty, for a client-side check before sending. */
export function missingRequired<T>(schema: CrudSchema<T>, mode: FormMode, model: Partial<T>): string[] {
  return formFields(schema, mode)
    .filter((field) => field.required)
    .filter((field) => {
      const value = model[field.field] as unknown;
      return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
    })
    .map((field) => field.field);
}
