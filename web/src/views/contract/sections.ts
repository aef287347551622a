/**
 * The editor's sections (CON-1) and which content fields each holds, so a server field error
 * such as `payment.installments[2].amount` opens and marks the right section.
 */
export const SECTIONS = ['basic', 'party_a', 'party_b', 'service_items', 'payment', 'assessment', 'staffing', 'deductions', 'terms', 'responsible'] as const;

export type SectionName = (typeof SECTIONS)[number];

const TOP_LEVEL: Record<string, SectionName> = {
  title: 'basic',
  vendor_id: 'basic',
  category_id: 'basic',
  term_start: 'basic',
  term_end: 'basic',
  annual_amount: 'basic',
  total_amount: 'basic',
  party_a: 'party_a',
  party_b: 'party_b',
  service_items: 'service_items',
  payment: 'payment',
  assessment: 'assessment',
  staffing: 'staffing',
  deductions: 'deductions',
  confidentiality: 'terms',
  breach_liability: 'terms',
  responsible_department_id: 'responsible',
  responsible_person: 'responsible',
  responsible_phone: 'responsible',
};

/** The first path segment: "payment.installments[2].amount" → "payment", "staffing[0].hours" → "staffing". */
export function rootOf(field: string): string {
  const match = /^[^.[]+/.exec(field.trim());
  return match ? match[0] : '';
}

/** Section of a field path, or null for fields outside the content (e.g. a header). */
export function sectionOfField(field: string): SectionName | null {
  return TOP_LEVEL[rootOf(field)] ?? null;
}

export interface RowError {
  /** Row index in the table, or null for an error on the table as a whole. */
  row: number | null;
  /** Column inside the row ("amount"), or '' for the whole row. */
  column: string;
}

/**
 * Where inside a table an error path points: "payment.installments[2].amount" under
 * "payment.installments" → row 2, column "amount". Null when it is not under that table.
 */
export function rowErrorOf(field: string, table: string): RowError | null {
  if (field === table) return { row: null, column: '' };
  if (!field.startsWith(table)) return null;
  const rest = field.slice(table.length);
  const match = /^\[(\d+)\](?:\.(.+))?$/.exec(rest);
  if (match) return { row: Number(match[1]), column: match[2] ?? '' };
  return null;
}

/** Groups error paths by section, keeping the server's order; unknown ones go under `null`. */
export function groupBySection(fields: readonly string[]): Map<SectionName | null, string[]> {
  const groups = new Map<SectionName | null, string[]>();
  for (const field of fields) {
    const section = sectionOfField(field);
    const list = groups.get(section) ?? [];
    list.push(field);
    groups.set(section, list);
  }
  return groups;
}
