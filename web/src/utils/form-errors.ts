import { isApiError } from '@/api/http';
import type { LocaleCode, LocalizedText } from '@/api/types';

/** Picks the text for a locale, falling back to the other language. */
export function pickText(text: LocalizedText | null | undefined, locale: LocaleCode): string {
  if (!text) return '';
  return text[locale] || text['zh-CN'] || text.en || '';
}

export interface MappedErrors {
  /** The request-level message in the current locale. */
  message: string;
  /** Field name → message, for fields the form shows. */
  fields: Record<string, string>;
  /** Field messages for fields the form does not show (shown with the message). */
  unmatched: string[];
}

/**
 * Turns a refused request into what a form shows: a message, per-field errors for the
 * form's own fields (`credit_code`, `criteria.min_staff_count`, ...), and the rest.
 * A field such as `checklist[2].points` is matched to a known prefix (`checklist`).
 */
export function mapApiError(error: unknown, locale: LocaleCode, knownFields: readonly string[] = []): MappedErrors {
  if (!isApiError(error)) {
    const text = error instanceof Error ? error.message : String(error);
    return { message: text, fields: {}, unmatched: [] };
  }
  const known = new Set(knownFields);
  const fields: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const fieldError of error.fields) {
    const text = pickText(fieldError.message, locale);
    const target = matchField(fieldError.field, known);
    if (target === null) {
      unmatched.push(`${fieldError.field}: ${text}`);
    } else {
      fields[target] = fields[target] ? `${fields[target]}; ${text}` : text;
    }
  }
  return { message: pickText(error.localized, locale), fields, unmatched };
}

function matchField(field: string, known: Set<string>): string | null {
  if (known.size === 0 || known.has(field)) return field;
  let candidate = field;
  while (candidate) {
    const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
    if (cut <= 0) break;
    candidate = candidate.slice(0, cut);
    if (known.has(candidate)) return candidate;
  }
  return null;
}
