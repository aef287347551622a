import type { Category } from '@/api/catalogue/types';
import type { CatalogueEntry, ProcurementRulesInput } from '@/api/project/types';
import { normalizeMoney } from '@/utils/money';

export type RulesProblem = 'required' | 'money' | 'duplicate' | 'unknown_category';

/**
 * What keeps a year's rules from being saved (PRJ-3), by field path as the server names them (`threshold`,
 * `catalogue[2].code`, `reason`): the threshold a money value (zero allowed: everything then goes to government
 * procurement), every entry with a code and a Chinese name, no entry twice, a category entry naming a known category.
 */
export function rulesProblems(input: ProcurementRulesInput, categories: readonly Pick<Category, 'code'>[]): Record<string, RulesProblem> {
  const problems: Record<string, RulesProblem> = {};
  if (!input.threshold.trim()) problems.threshold = 'required';
  else if (normalizeMoney(input.threshold) === null) problems.threshold = 'money';
  if (!input.reason.trim()) problems.reason = 'required';
  const seen = new Set<string>();
  const known = new Set(categories.map((category) => category.code));
  input.catalogue.forEach((entry, index) => {
    const code = entry.code.trim();
    if (!code) problems[`catalogue[${index}].code`] = 'required';
    else if (seen.has(`${entry.kind}:${code}`)) problems[`catalogue[${index}].code`] = 'duplicate';
    else if (entry.kind === 'category' && known.size > 0 && !known.has(code)) problems[`catalogue[${index}].code`] = 'unknown_category';
    seen.add(`${entry.kind}:${code}`);
    if (!entry.name_zh.trim()) problems[`catalogue[${index}].name_zh`] = 'required';
  });
  return problems;
}

/** A category entry takes its names from the service catalogue when picked (the admin may still edit them). */
export function entryFromCategory(entry: CatalogueEntry, category: Pick<Category, 'code' | 'name_zh' | 'name_en'> | undefined): CatalogueEntry {
  if (!category) return entry;
  return { ...entry, code: category.code, name_zh: category.name_zh, name_en: category.name_en };
}

/** The body sent: trimmed texts, the threshold with two places. */
export function rulesPayload(input: ProcurementRulesInput): ProcurementRulesInput {
  return {
    threshold: normalizeMoney(input.threshold) ?? input.threshold,
    basis: input.basis,
    reason: input.reason.trim(),
    catalogue: input.catalogue.map((entry) => ({
      kind: entry.kind,
      code: entry.code.trim(),
      name_zh: entry.name_zh.trim(),
      name_en: entry.name_en.trim(),
    })),
  };
}
