import type { RouteLocationRaw } from 'vue-router';
import type { JsonValue } from '@/api/audit/types';
import { formatDateTime } from '@/utils/date';
import { formatMoney } from '@/utils/money';
import { DIGEST_KEYS, ENUM_KEYS, ID_KEYS, ID_LIST_KEYS, MONEY_KEYS } from './names';

/** What the page needs of vue-i18n: translate, and ask whether a key exists in the current locale. */
export interface Translator {
  t: (key: string, named?: Record<string, unknown>) => string;
  te: (key: string) => boolean;
  /** The language shown: picks one side of a text the server wrote in both. */
  locale?: string;
  /** The display name and role of a user name a snapshot records (signing.by), when the page knows it. */
  person?: (username: string) => string | undefined;
}

/** One value as the audit page shows it: words, and a link when the value names a record with a page. */
export interface ShownValue {
  text: string;
  to?: RouteLocationRaw;
  /** The full value behind a shortened digest. */
  title?: string;
}

export const EMPTY = '—';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DIGEST = /^[0-9a-f]{16,}$/i;

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The label of a field of an object type: its own label, else the label every object type shares. */
export function fieldLabel(entity: string, key: string, i18n: Translator): string {
  for (const path of [`audit.field.${entity}.${key}`, `audit.field.common.${key}`]) {
    if (i18n.te(path)) return i18n.t(path);
  }
  return key;
}

export function actionLabel(action: string, i18n: Translator): string {
  return i18n.te(`audit.action.${action}`) ? i18n.t(`audit.action.${action}`) : action;
}

export function entityLabel(entity: string, i18n: Translator): string {
  return i18n.te(`audit.entity.${entity}`) ? i18n.t(`audit.entity.${entity}`) : entity;
}

function enumLabel(entity: string, key: string, value: string, i18n: Translator): string | null {
  for (const path of [`audit.enum.${entity}.${key}.${value}`, `audit.enum.common.${key}.${value}`]) {
    if (i18n.te(path)) return i18n.t(path);
  }
  return null;
}

function recordName(entity: string, id: number | string, i18n: Translator): string {
  return i18n.t('audit.value.record', { entity: entityLabel(entity, i18n), id });
}

function scalar(entity: string, key: string, value: string | number | boolean, i18n: Translator): ShownValue {
  if (typeof value === 'boolean') return { text: i18n.t(value ? 'common.yes' : 'common.no') };
  const text = String(value);
  if (text === '') return { text: EMPTY };
  const link = ID_KEYS[key];
  if (link && /^\d+$/.test(text)) {
    return { text: recordName(link.entity, text, i18n), to: link.route ? { name: link.route, params: { id: text } } : undefined };
  }
  if (key === 'id' || key.endsWith('_id')) return { text: `#${text}` };
  if (key === 'by' || key.endsWith('_by')) return { text: i18n.person?.(text) ?? text };
  if (MONEY_KEYS.has(key) && typeof value === 'string') return { text: i18n.t('audit.value.money', { amount: formatMoney(value) }) };
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return { text: formatDateTime(value) };
  if (typeof value === 'string' && (DIGEST_KEYS.has(key) || DIGEST.test(value))) {
    return { text: i18n.t('audit.value.digest', { start: value.replace(/\s+/g, '').slice(0, 8) }), title: value };
  }
  if (ENUM_KEYS.has(key)) {
    const label = enumLabel(entity, key, text, i18n);
    if (label !== null) return { text: label };
  }
  return { text };
}

/** A value of one field of an audit snapshot in words (X-6): never `null`, `[2]` or an ISO timestamp. */
export function showValue(entity: string, key: string, value: JsonValue | undefined, i18n: Translator): ShownValue {
  if (value === undefined || value === null) return { text: EMPTY };
  if (Array.isArray(value)) {
    if (value.length === 0) return { text: EMPTY };
    const listOf = ID_LIST_KEYS[key];
    if (listOf && value.every((item) => typeof item === 'number')) {
      return { text: `${entityLabel(listOf, i18n)} ${value.map((item) => `#${item}`).join(i18n.t('audit.value.separator'))}` };
    }
    if (value.every((item) => !isObject(item) && !Array.isArray(item))) {
      return { text: value.map((item) => showValue(entity, key, item, i18n).text).join(i18n.t('audit.value.separator')) };
    }
    return { text: i18n.t('audit.value.items', { count: value.length }) };
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 2 && typeof value['zh-CN'] === 'string' && typeof value.en === 'string') {
      return { text: (i18n.locale === 'en' ? value.en : value['zh-CN']) || EMPTY };
    }
    const parts = Object.entries(value)
      .filter(([, child]) => child !== null && child !== '')
      .map(([childKey, child]) => `${fieldLabel(entity, childKey, i18n)}：${showValue(entity, childKey, child, i18n).text}`);
    return { text: parts.length ? parts.join('；') : EMPTY };
  }
  return scalar(entity, key, value, i18n);
}

export interface AuditDiffRow {
  key: string;
  label: string;
  before: ShownValue;
  after: ShownValue;
  changed: boolean;
}

/** The fields of an entry, before and after, in words; a missing side (create, delete) counts as changed. */
export function auditDiff(entity: string, before: JsonValue, after: JsonValue, i18n: Translator): AuditDiffRow[] {
  const left = isObject(before) ? before : {};
  const right = isObject(after) ? after : {};
  if (!isObject(before) && !isObject(after)) {
    if ((before ?? null) === null && (after ?? null) === null) return [];
    return [
      {
        key: '',
        label: i18n.t('audit.trail.value'),
        before: showValue(entity, '', before, i18n),
        after: showValue(entity, '', after, i18n),
        changed: JSON.stringify(before) !== JSON.stringify(after),
      },
    ];
  }
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return keys.map((key) => ({
    key,
    label: fieldLabel(entity, key, i18n),
    before: key in left ? showValue(entity, key, left[key], i18n) : { text: EMPTY },
    after: key in right ? showValue(entity, key, right[key], i18n) : { text: EMPTY },
    changed: key in left !== key in right || JSON.stringify(left[key]) !== JSON.stringify(right[key]),
  }));
}

/** The operator in words: display name and role; 系统 for the server's own steps; the typed name when no account. */
export function operatorName(
  entry: { actor_name: string; actor_id: number | null; actor_display_name?: string | null; actor_role?: string | null },
  i18n: Translator,
): string {
  if (entry.actor_id === null && entry.actor_name === 'system') return i18n.t('audit.actor.system');
  const name = entry.actor_display_name || entry.actor_name;
  const role = entry.actor_role ? enumLabel('user', 'role', entry.actor_role, i18n) : null;
  return role ? i18n.t('audit.actor.withRole', { name, role }) : name;
}
