import type { LocaleCode, LocalizedText } from '@/api/types';
import { formatDateTime } from '@/utils/date';
import { pickText } from '@/utils/form-errors';

/**
 * The JSON of a report (SUP-7) drawn as tables, whatever fields it carries: plain values at the top become the
 * summary, each list of records a table, and a list inside a record (a contract's assessments) a table of its own
 * whose first column names the record it belongs to. Nested objects flatten into dotted columns
 * ("rectifications.open"); texts in both languages show in the current one.
 */
export interface ReportTable {
  /** Dotted path of the list, e.g. "contracts" or "contracts.assessments". */
  key: string;
  /** Dotted field paths; "_parent" first for a nested table. */
  columns: string[];
  rows: Record<string, string>[];
}

export interface ShapedReport {
  summary: { key: string; value: string }[];
  tables: ReportTable[];
}

export interface ShapeOptions {
  locale: LocaleCode;
  yes: string;
  no: string;
}

export const PARENT_COLUMN = '_parent';

/** An instant the server sends ("2027-04-01T09:00:00+08:00"); shown as Shanghai time like everywhere else. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Fields that name a record, most telling first. */
const LABEL_FIELDS = ['contract_code', 'code', 'title', 'contract_title', 'name', 'vendor_name', 'period', 'item', 'id'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLocalized(value: unknown): value is LocalizedText {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key === 'zh-CN' || key === 'en') && keys.every((key) => typeof value[key] === 'string');
}

function isRecordList(value: unknown): value is JsonObject[] {
  return Array.isArray(value) && value.length > 0 && value.every(isObject) && !value.every(isLocalized);
}

export function cellText(value: unknown, options: ShapeOptions): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? options.yes : options.no;
  if (typeof value === 'string') return INSTANT.test(value) ? formatDateTime(value) : value;
  if (typeof value === 'number') return String(value);
  if (isLocalized(value)) return pickText(value, options.locale);
  if (Array.isArray(value)) {
    return value
      .map((item) => cellText(item, options))
      .filter(Boolean)
      .join(options.locale === 'en' ? '; ' : '；');
  }
  return JSON.stringify(value);
}

function labelOf(record: JsonObject, options: ShapeOptions): string {
  const field = LABEL_FIELDS.find((name) => record[name] !== undefined && record[name] !== null && record[name] !== '');
  return field ? cellText(record[field], options) : '';
}

/** Flattens one record into cells; lists of records inside it are handed to `nested`. */
function flatten(
  record: JsonObject,
  prefix: string,
  cells: Record<string, string>,
  options: ShapeOptions,
  nested: (key: string, rows: JsonObject[]) => void,
): void {
  for (const [key, value] of Object.entries(record)) {
    const path = prefix ? `${prefix}.${key}` : key;
    // An empty list has nothing to show in a cell; a nested table appears for the records that have some.
    if (Array.isArray(value) && value.length === 0) continue;
    if (isRecordList(value)) nested(path, value);
    else if (isObject(value) && !isLocalized(value)) flatten(value, path, cells, options, nested);
    else cells[path] = cellText(value, options);
  }
}

export function shapeReport(data: unknown, options: ShapeOptions): ShapedReport {
  const summary: ShapedReport['summary'] = [];
  const tables = new Map<string, ReportTable>();

  function addRows(key: string, records: JsonObject[], parent: string | null): void {
    let table = tables.get(key);
    if (!table) {
      table = { key, columns: parent === null ? [] : [PARENT_COLUMN], rows: [] };
      tables.set(key, table);
    }
    for (const record of records) {
      const cells: Record<string, string> = {};
      if (parent !== null) cells[PARENT_COLUMN] = parent;
      // A list two levels down names the whole way: "HT-2027-001 / 2027-03".
      const own = labelOf(record, options);
      const label = parent ? (own ? `${parent} / ${own}` : parent) : own;
      flatten(record, '', cells, options, (childKey, rows) => addRows(`${key}.${childKey}`, rows, label));
      for (const column of Object.keys(cells)) if (!table.columns.includes(column)) table.columns.push(column);
      table.rows.push(cells);
    }
  }

  if (isRecordList(data)) {
    addRows('items', data, null);
  } else if (isObject(data)) {
    const cells: Record<string, string> = {};
    flatten(data, '', cells, options, (key, rows) => addRows(key, rows, null));
    for (const [key, value] of Object.entries(cells)) summary.push({ key, value });
  }
  // A list that came back empty still shows as an empty table, so the reader sees there was nothing.
  if (isObject(data)) {
    for (const [key, value] of Object.entries(data)) {
      if (Array.isArray(value) && value.length === 0 && !tables.has(key)) tables.set(key, { key, columns: [], rows: [] });
    }
  }
  return { summary, tables: [...tables.values()] };
}

/** The last part of a dotted path, the key a table's title is looked up by ("contracts.assessments" → "assessments"). */
export function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** A column's label from the labels of its parts: "rectifications.open" → "整改 · 整改中"; unknown parts as they are. */
export function columnLabel(path: string, label: (segment: string) => string | null): string {
  return path
    .split('.')
    .map((segment) => label(segment) ?? segment)
    .join(' · ');
}
