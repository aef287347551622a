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
 * A named value as shown: money formatted, the threshold basis and booleans translated through `t`, an empty list
 * of catalogue matches as `none`. `translate` returns null when it has no text for a key.
 */
export function formatNamedValue(value: NamedValue, translate: (key: string) => string | null): string {
  const raw = value.value;
  if (raw === null || raw === undefined || raw === '') {
    return translate('project.value.none') ?? '';
  }
  if (typeof raw === 'boolean') return translate(raw ? 'common.yes' : 'common.no') ?? String(raw);
  const text = String(raw);
  if (MONEY_VALUES.has(value.name)) return formatMoney(text);
  if (value.name === 'threshold_basis' || value.name === 'basis') return translate(`project.basis.${text}`) ?? text;
  if (value.name === 'catalogue_matches') return text.split(',').filter(Boolean).join('、');
  return text;
}

/** The reasons of a decision as lines in one language, for the card and for copying into a report. */
export function reasonLines(decision: RouteDecision, locale: LocaleCode): string[] {
  return decision.reasons.map((reason) => reason.text[locale] || reason.text['zh-CN'] || reason.text.en || reason.code);
}
