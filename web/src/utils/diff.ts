import type { JsonValue } from '@/api/audit/types';

export interface DiffRow {
  key: string;
  before: string;
  after: string;
  changed: boolean;
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: JsonValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Top-level key-by-key comparison of an audit entry's before and after.
 * A missing side (create, delete) counts as changed for every key of the other side.
 */
export function diffJson(before: JsonValue, after: JsonValue): DiffRow[] {
  if (!isObject(before) && !isObject(after)) {
    const a = show(before ?? undefined);
    const b = show(after ?? undefined);
    return a === '' && b === '' ? [] : [{ key: '', before: a, after: b, changed: a !== b }];
  }
  const left = isObject(before) ? before : {};
  const right = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return keys.map((key) => {
    const a = key in left ? show(left[key]) : '';
    const b = key in right ? show(right[key]) : '';
    const changed = key in left !== key in right || a !== b;
    return { key, before: a, after: b, changed };
  });
}
