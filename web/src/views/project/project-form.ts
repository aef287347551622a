import type { Category } from '@/api/catalogue/types';
import type { ProjectInput } from '@/api/project/types';
import type { LocaleCode } from '@/api/types';
import { moneyToFen, normalizeMoney } from '@/utils/money';

/**
 * The editor's fields: every field of the body, the category and the department null until chosen (the body needs
 * them; projectInputProblems says so before the server does).
 */
export type ProjectFormFields = Required<Omit<ProjectInput, 'category_id' | 'department_id' | 'plan_attachment_ids'>> & {
  category_id: number | null;
  department_id: number | null;
};

export type ProjectInputProblem = 'required' | 'money' | 'total_below_annual' | 'end_not_after_start' | 'year';

/**
 * What keeps a project from being saved, by field, before asking the server (docs/api.md `project input`, PRJ-1):
 * the required fields, money above zero, total ≥ annual budget, the service ending after it starts. The server checks
 * the rest (department in scope, category exists, plans needed only to submit).
 */
export function projectInputProblems(
  input: Pick<ProjectFormFields, 'name' | 'year' | 'category_id' | 'annual_budget' | 'total_budget' | 'service_start' | 'service_end' | 'department_id'>,
): Partial<Record<string, ProjectInputProblem>> {
  const problems: Partial<Record<string, ProjectInputProblem>> = {};
  if (!input.name.trim()) problems.name = 'required';
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) problems.year = 'year';
  if (!input.category_id) problems.category_id = 'required';
  if (!input.department_id) problems.department_id = 'required';
  const annual = normalizeMoney(input.annual_budget);
  const total = normalizeMoney(input.total_budget);
  if (!input.annual_budget.trim()) problems.annual_budget = 'required';
  else if (annual === null || annual === '0.00') problems.annual_budget = 'money';
  if (!input.total_budget.trim()) problems.total_budget = 'required';
  else if (total === null || total === '0.00') problems.total_budget = 'money';
  else if (annual !== null && moneyToFen(total) < moneyToFen(annual)) problems.total_budget = 'total_below_annual';
  if (!input.service_start) problems.service_start = 'required';
  if (!input.service_end) problems.service_end = 'required';
  else if (input.service_start && input.service_end <= input.service_start) problems.service_end = 'end_not_after_start';
  return problems;
}

/** "物业管理 / 保洁服务": a category with its ancestors, in the current language, so sub-categories can be told apart. */
export function categoryPathLabel(category: Category, all: readonly Category[], locale: LocaleCode): string {
  const names: string[] = [];
  const seen = new Set<number>();
  let current: Category | undefined = category;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(locale === 'en' ? current.name_en || current.name_zh : current.name_zh);
    const parentId: number | null = current.parent_id;
    current = parentId === null ? undefined : all.find((item) => item.id === parentId);
  }
  return names.join(' / ');
}
