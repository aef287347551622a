import { isApiError } from '@/api/http';
import type { FieldError, LocaleCode } from '@/api/types';
import { pickText } from '@/utils/form-errors';

/** The columns of the roster and attendance imports, as the server names them in `row.<n>.<column>`. */
export const IMPORT_COLUMNS = ['name', 'id_number', 'phone', 'role', 'post', 'start_date', 'end_date', 'date', 'clock_in', 'clock_out', 'overnight'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** One refused cell of an import file: the row as the file counts it (the header is row 1), the column and why. */
export interface ImportRowError {
  row: number;
  /** A known column, or null when the server named one this page has no label for (then no column is shown). */
  column: ImportColumn | null;
  message: string;
}

export interface ImportErrors {
  /** The refusal's own message. */
  message: string;
  /** The cells named by row and column, in file order. */
  rows: ImportRowError[];
  /** Reasons not tied to a row (the file, the header). */
  other: string[];
}

const ROW_FIELD = /^row\.(\d+)(?:\.([a-z_]+))?$/;

function isColumn(value: string | undefined): value is ImportColumn {
  return value !== undefined && (IMPORT_COLUMNS as readonly string[]).includes(value);
}

/** Reads `row.12.clock_in` as row 12, column clock_in; null for a field that names no row. */
export function parseRowField(field: string): { row: number; column: ImportColumn | null } | null {
  const match = ROW_FIELD.exec(field.trim());
  if (!match) return null;
  return { row: Number(match[1]), column: isColumn(match[2]) ? match[2] : null };
}

/** Splits an import's field errors into a table of rows (sorted by row, then as the server listed them) and the rest. */
export function importRowErrors(fields: readonly FieldError[], locale: LocaleCode): { rows: ImportRowError[]; other: string[] } {
  const rows: ImportRowError[] = [];
  const other: string[] = [];
  for (const field of fields) {
    const text = pickText(field.message, locale);
    const place = parseRowField(field.field);
    if (place) rows.push({ ...place, message: text });
    else other.push(text);
  }
  rows.sort((left, right) => left.row - right.row);
  return { rows, other };
}

/** A refused import as the dialog shows it; a refusal that is no API error is its message alone. */
export function importErrorsOf(error: unknown, locale: LocaleCode): ImportErrors {
  if (!isApiError(error)) return { message: error instanceof Error ? error.message : String(error), rows: [], other: [] };
  return { message: pickText(error.localized, locale), ...importRowErrors(error.fields, locale) };
}
