import { describe, expect, it } from 'vitest';
import type { RouteDecision } from '@/api/project/types';
import { catalogueNames, formatNamedValue, reasonLines, routeView } from './route-explain';

const DECISION: RouteDecision = {
  route: 'government',
  route_name: { 'zh-CN': '政府采购', en: 'Government procurement' },
  reasons: [
    { code: 'catalogue_category', subject: 'cleaning', text: { 'zh-CN': '项目类别属于目录', en: 'the category is listed' } },
    { code: 'threshold_reached', subject: 'annual_budget', text: { 'zh-CN': '达到限额', en: '' } },
  ],
  values: [{ name: 'threshold', value: '1000000.00' }],
};

const zh: Record<string, string> = {
  'project.value.none': '无',
  'project.basis.annual_budget': '年度预算',
  'common.yes': '是',
  'common.no': '否',
};
const translate = (key: string) => zh[key] ?? null;

describe('route explanation (PRJ-3)', () => {
  it('PRJ-3: shows the decision kept at approval before any preview', () => {
    expect(routeView({ route_decision: DECISION, route_preview: DECISION, route_preview_error: null }).kind).toBe('decision');
    expect(routeView({ route_decision: null, route_preview: DECISION, route_preview_error: null }).kind).toBe('preview');
    const error = routeView({ route_decision: null, route_preview: null, route_preview_error: { 'zh-CN': '无标准', en: 'no rules' } });
    expect(error).toEqual({ kind: 'error', error: { 'zh-CN': '无标准', en: 'no rules' } });
    expect(routeView({ route_decision: null, route_preview: null, route_preview_error: null }).kind).toBe('none');
  });
  it('PRJ-3: lists every reason in the current language, falling back to Chinese', () => {
    expect(reasonLines(DECISION, 'zh-CN')).toEqual(['项目类别属于目录', '达到限额']);
    expect(reasonLines(DECISION, 'en')).toEqual(['the category is listed', '达到限额']);
  });
  it('PRJ-3: formats the values used: money, basis, catalogue matches, empty values', () => {
    expect(formatNamedValue({ name: 'threshold', value: '1000000.00' }, translate)).toBe('1,000,000.00');
    expect(formatNamedValue({ name: 'value_compared', value: '999999.99' }, translate)).toBe('999,999.99');
    expect(formatNamedValue({ name: 'threshold_basis', value: 'annual_budget' }, translate)).toBe('年度预算');
    expect(formatNamedValue({ name: 'threshold_basis', value: 'other' }, translate)).toBe('other');
    expect(formatNamedValue({ name: 'catalogue_matches', value: 'cleaning,C1204' }, translate)).toBe('cleaning、C1204');
    expect(formatNamedValue({ name: 'catalogue_matches', value: '' }, translate)).toBe('无');
    expect(formatNamedValue({ name: 'year', value: 2026 }, translate)).toBe('2026');
    expect(formatNamedValue({ name: 'flag', value: true }, translate)).toBe('是');
  });
  it('X-6: names the catalogue entries matched in words, in the current language, not by their codes', () => {
    const decision: Pick<RouteDecision, 'reasons'> = {
      reasons: [
        {
          code: 'catalogue_category',
          subject: 'cleaning',
          text: {
            'zh-CN': '项目类别属于 2027 年政府采购目录品目 cleaning「物业管理服务」',
            en: 'the project\'s category is in the 2027 government procurement catalogue: cleaning "Property management"',
          },
        },
        {
          code: 'catalogue_item',
          subject: 'C1204',
          text: {
            'zh-CN': '项目包含 2027 年政府采购目录项目 C1204「食堂外包」',
            en: 'the project includes an item of the 2027 government procurement catalogue: C1204 "Canteen"',
          },
        },
        { code: 'threshold_reached', subject: 'annual_budget', text: { 'zh-CN': '达到限额', en: 'reached' } },
      ],
    };
    const value = { name: 'catalogue_matches', value: 'cleaning,C1204' };
    expect(formatNamedValue(value, translate, catalogueNames(decision, 'zh-CN'), 'zh-CN')).toBe('物业管理服务、食堂外包');
    expect(formatNamedValue(value, translate, catalogueNames(decision, 'en'), 'en')).toBe('Property management, Canteen');
  });
});
