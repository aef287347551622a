/**
 * Field-by-field comparison of two versions of a contract's content (CON-2, CON-4): every leaf
 * gets a path such as `party_b.phone` or `payment.installments[2].amount`; table rows are compared
 * by position, so an added or removed row shows as changed fields with one side empty.
 */
export interface VersionDiffRow {
  path: string;
  before: string;
  after: string;
  changed: boolean;
}

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

function show(value: Json): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Leaf paths of a JSON value, in document order; an empty array or object is one leaf "". */
export function flatten(value: unknown, prefix = '', out: Map<string, string> = new Map()): Map<string, string> {
  const json = value as Json;
  if (Array.isArray(json)) {
    if (json.length === 0 && prefix) out.set(prefix, '');
    json.forEach((item, index) => flatten(item, `${prefix}[${index}]`, out));
  } else if (typeof json === 'object' && json !== null) {
    const keys = Object.keys(json);
    if (keys.length === 0 && prefix) out.set(prefix, '');
    for (const key of keys) flatten(json[key], prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out.set(prefix, show(json));
  }
  return out;
}

/** Rows for every path on either side, in the order of the newer side, then paths only the older has. */
export function diffVersions(before: unknown, after: unknown): VersionDiffRow[] {
  const left = flatten(before);
  const right = flatten(after);
  const paths = [...right.keys()];
  for (const path of left.keys()) if (!right.has(path)) paths.push(path);
  return (
    paths
      // An empty table on one side is a placeholder only when the other side has rows there.
      .filter((path) => !(isPlaceholder(path, left, right) || isPlaceholder(path, right, left)))
      .map((path) => {
        const a = left.get(path) ?? '';
        const b = right.get(path) ?? '';
        return { path, before: a, after: b, changed: left.has(path) !== right.has(path) || a !== b };
      })
  );
}

function isPlaceholder(path: string, side: Map<string, string>, other: Map<string, string>): boolean {
  if (!side.has(path) || side.get(path) !== '' || other.has(path)) return false;
  return [...other.keys()].some((key) => key.startsWith(`${path}[`) || key.startsWith(`${path}.`));
}

/** Number of changed fields. */
export function changedCount(rows: readonly VersionDiffRow[]): number {
  return rows.filter((row) => row.changed).length;
}
