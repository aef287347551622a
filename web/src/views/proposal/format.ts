import { formatMoney } from '@/utils/money';

/**
 * How a proposal's internals read on screen (X-6: words, never codes). Each function returns a translation key and
 * its parameters, so it can be tested without i18n and the page shows the words in the user's language.
 */
export interface Words {
  key: string;
  params?: Record<string, string | number>;
}

/** `D1-Art8/v1` → the article of the rules (D1, 监督管理办法) the rule applies, and the version of the rule set. */
export function ruleBasis(ruleVersion: string): Words | null {
  const match = /^D(\d+)-Art(\d+)\/v(\d+)$/.exec(ruleVersion.trim());
  if (!match) return null;
  return { key: 'proposal.format.ruleBasis', params: { article: Number(match[2]), version: Number(match[3]) } };
}

/** `S0` → the settings as shipped; `S<n>` → the settings after change n of the settings history. */
export function settingsVersionWords(version: string): Words {
  const match = /^S(\d+)$/.exec(version.trim());
  if (!match) return { key: 'proposal.format.settingsUnknown' };
  const change = Number(match[1]);
  return change === 0 ? { key: 'proposal.format.settingsDefault' } : { key: 'proposal.format.settingsChanged', params: { change } };
}

const MONEY_CLAUSES = new Set(['per_point_below_pass', 'per_missing_staff_day', 'per_failed_item']);
const MONEY_VALUES = new Set(['period_fee', 'percent_of_fee_cap_amount']);
const POINT_VALUES = new Set(['pass_mark', 'reward_assessment_average', 'points_below_pass']);
const PERCENT_VALUES = new Set(['satisfaction_percent', 'reward_satisfaction_percent']);

/**
 * A threshold's value in words: `100.00 cap 3000.00` under per_point_below_pass reads
 * 每低 1 分扣 100.00 元,上限 3,000.00 元; a pass mark reads 80 分; a window its kind.
 */
export function thresholdValueWords(name: string, value: string | number): Words {
  const text = String(value).trim();
  if (MONEY_CLAUSES.has(name)) {
    const match = /^(-?[\d.]+)\s+cap\s+(-?[\d.]+)$/.exec(text);
    if (match) return { key: `proposal.format.clause.${name}`, params: { amount: formatMoney(match[1]), cap: formatMoney(match[2]) } };
    return { key: 'proposal.format.yuan', params: { amount: formatMoney(text) } };
  }
  if (MONEY_VALUES.has(name)) return { key: 'proposal.format.yuan', params: { amount: formatMoney(text) } };
  if (POINT_VALUES.has(name)) return { key: 'proposal.format.points', params: { value: text } };
  if (PERCENT_VALUES.has(name)) return { key: 'proposal.format.percent', params: { value: text.replace(/%$/, '') } };
  if (name === 'failures_threshold') return { key: 'proposal.format.times', params: { value: text } };
  if (name === 'window') return { key: `proposal.windowKind.${text}` };
  if (name === 'percent_of_fee_per_point_below_pass') return { key: 'proposal.format.percentOfFeePerPoint', params: { value: text } };
  if (name === 'percent_of_fee_cap') return { key: 'proposal.format.percentOfFeeCap', params: { value: text } };
  return { key: '', params: { value: text } };
}

/**
 * The note the rules write when they propose: `RP-2 D1-Art8/v1 (trigger: office)`. The trigger is the account whose
 * change made the rules run, or the daily job.
 */
export function proposeNoteWords(comment: string | null | undefined): Words | null {
  const match = /^(\S+)\s+(\S+)\s+\(trigger:\s*([^)]+)\)$/.exec((comment ?? '').trim());
  if (!match) return null;
  const trigger = match[3].trim();
  return trigger === 'daily-job' ? { key: 'proposal.format.triggerDaily' } : { key: 'proposal.format.triggerUser' };
}

/**
 * The note of a step the rules took, in words: why they proposed (the trigger), or why they withdrew (the evidence
 * changed); null for a step a person took, whose comment is their own.
 */
export function systemNoteWords(entry: { action: string; role?: string | null; comment?: string | null }): Words | null {
  if (!isSystemEntry(entry)) return null;
  if (entry.action === 'propose') return proposeNoteWords(entry.comment);
  if (entry.action === 'withdraw') return { key: 'proposal.format.withdrawnByRules' };
  return null;
}

/** The rules themselves propose: the history shows 系统(按规则自动生成) rather than 规则引擎 / rules (system). */
export function isSystemEntry(entry: { role?: string | null }): boolean {
  return entry.role === 'system';
}
