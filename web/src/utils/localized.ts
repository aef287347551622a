import type { LocaleCode, LocalizedText } from '@/api/types';

/**
 * A server text that may come in both languages or as one string (survey questions, evidence, rule notes):
 * the current language, else the other one, else the string itself.
 */
export function localizedText(text: LocalizedText | string | null | undefined, locale: LocaleCode): string {
  if (text === null || text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] || text['zh-CN'] || text.en || '';
}
