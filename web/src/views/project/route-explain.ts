import type { LocaleCode, LocalizedText } from '@/api/types';
import type { NamedValue, Project, RouteDecision } from '@/api/project/types';
import { formatMoney } from '@/utils/money';

/**
 * What the route card shows (PRJ-3): the decision kept at approval, or before approval what the current rules would
 * decide (预判), or why they cannot decide yet (e.g. no rules for the year).
 */
export type RouteView =
  { kind: 'decision'; decision: RouteDecision } | { kind: 'preview'; decision: RouteDecision } | { kind: 'error'; error: LocalizedText } | { kind: 'none' };

export function routeView(project: Pick<Project, 'route_decision' | 'route_preview' | 'route_preview_error'>): RouteView {
  if (project.route_decision) return { kind: 'decision', decision: project.route_decision };
  if (project.route_preview) return { kind: 'preview', decision: project.route_preview };
  if (project.route_preview_error) return { kind: 'error', error: project.route_preview_error };
  return { kind: 'none' };
}

/** Values that are money, shown with thousands separators. */
const MONEY_VALUES = new Set(['threshold', 'value_compared', 'annual_budget', 'total_budget', 'ceiling', 'quote']);

/**
 * The names of the catalogue entries a decision matched, by code, in one language (X-6: words, not codes). The server
 * writes each entry's name into its reason (「…」 in Chinese, "…" in English), so a decision kept at approval names the
 * entries as the rules named them then.
 */
export function catalogueNames(decision: Pick<RouteDecision, 'reasons'>, locale: LocaleCode): Map<string, string> {
  const names = new Map<string, string>();
  for (const reason of decision.reasons) {
    if ((reason.code !== 'catalogue_category' && reason.code !== 'catalogue_item') || !reason.subject) continue;
    const text = reason.text[locale] || reason.text['zh-CN'] || '';
    const name = /「([^」]+)」/.exec(text)?.[1] ?? /"([^"]+)"\s*$/.exec(text)?.[1];
    if (name) names.set(reason.subject, name);
  }
  return names;
}

/**
 * A named value as shown: money formatted, the threshold basis and booleans translated through `t`, the catalogue
 * matches by name (`names`, from catalogueNames) and an empty list of them as `none`. `translate` returns null when it
 * has no text for a key.
 */
export function formatNamedValue(
  value: Pick<NamedValue, 'name'> & { value: NamedValue['value'] | number | boolean | null },
  translate: (key: string) => string | null,
  names: ReadonlyMap<string, string> = new Map(),
  locale: LocaleCode = 'zh-CN',
): string {
  const raw = value.value;
  if (raw === null || raw === undefined || raw === '') {
    return translate('project.value.none') ?? '';
  }
  if (typeof raw === 'boolean') return translate(raw ? 'common.yes' : 'common.no') ?? String(raw);
  const text = String(raw);
  if (MONEY_VALUES.has(value.name)) return formatMoney(text);
  if (value.name === 'threshold_basis' || value.name === 'basis') return translate(`project.basis.${text}`) ?? text;
  if (value.name === 'catalogue_matches') {
    const matched = text.split(',').filter(Boolean);
    return matched.map((code) => names.get(code) ?? code).join(locale === 'en' ? ', ' : '、');
  }
  return text;
}

/** The reasons of a decision as lines in one language, for the card and for copying into a report. */
export function reasonLines(decision: RouteDecision, locale: LocaleCode): string[] {
  return decision.reasons.map((reason) => reason.text[locale] || reason.text['zh-CN'] || reason.text.en || reason.code);
}
