import { createI18n } from 'vue-i18n';
import type { LocaleCode } from '@/api/types';

export const LOCALES: LocaleCode[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: LocaleCode = 'zh-CN';
export const LOCALE_STORAGE_KEY = 'houqin.locale';

type Messages = Record<string, unknown>;

/**
 * Each feature has one file per language, locales/<lang>/<feature>.json; its keys live under
 * the feature name, so keys read `<feature>.<page>.<field>` (e.g. vendor.form.creditCode).
 */
const files = import.meta.glob<Messages>('./*/*.json', { eager: true, import: 'default' });

export function collectMessages(source: Record<string, Messages>): Record<LocaleCode, Messages> {
  const messages: Record<string, Messages> = {};
  for (const [path, content] of Object.entries(source)) {
    const match = /\.\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, locale, feature] = match;
    (messages[locale] ??= {})[feature] = content;
  }
  return messages as Record<LocaleCode, Messages>;
}

export function isLocale(value: unknown): value is LocaleCode {
  return typeof value === 'string' && (LOCALES as string[]).includes(value);
}

export function initialLocale(): LocaleCode {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage may be unavailable; fall back to Chinese
  }
  return DEFAULT_LOCALE;
}

export const messages = collectMessages(files);

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: messages as Record<string, Record<string, unknown>> as never,
  missingWarn: false,
  fallbackWarn: false,
});
