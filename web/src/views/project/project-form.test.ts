import { describe, expect, it } from 'vitest';
import type { Category } from '@/api/catalogue/types';
import { categoryPathLabel, projectInputProblems } from './project-form';

const VALID = {
  name: '2027年会议服务',
  year: 2027,
  category_id: 3,
  annual_budget: '120000',
  total_budget: '240000.00',
  service_start: '2027-01-01',
  service_end: '2028-12-31',
  department_id: 5,
};

describe('project form (PRJ-1)', () => {
  it('PRJ-1: accepts a complete project', () => {
    expect(projectInputProblems(VALID)).toEqual({});
  });
  it('PRJ-1: names each missing or wrong field', () => {
    expect(projectInputProblems({ ...VALID, name: ' ', category_id: null, department_id: null, annual_budget: '', total_budget: 'x' })).toEqual({
      name: 'required',
      category_id: 'required',
      department_id: 'required',
      annual_budget: 'required',
      total_budget: 'money',
    });
    expect(projectInputProblems({ ...VALID, year: 1999 })).toEqual({ year: 'year' });
    expect(projectInputProblems({ ...VALID, annual_budget: '0' })).toEqual({ annual_budget: 'money' });
  });
  it('PRJ-1: the total budget is at least the annual one, compared in fen', () => {
    expect(projectInputProblems({ ...VALID, total_budget: '119999.99' })).toEqual({ total_budget: 'total_below_annual' });
    expect(projectInputProblems({ ...VALID, total_budget: '120000.00' })).toEqual({});
  });
  it('PRJ-1: the service ends after it starts', () => {
    expect(projectInputProblems({ ...VALID, service_end: '2027-01-01' })).toEqual({ service_end: 'end_not_after_start' });
    expect(projectInputProblems({ ...VALID, service_end: '' })).toEqual({ service_end: 'required' });
  });
  it('PRJ-1: labels a category with its ancestors', () => {
    const category = (id: number, parent_id: number | null, name_zh: string, name_en: string) =>
      ({ id, parent_id, name_zh, name_en, code: `c${id}` }) as Category;
    const all = [category(1, null, '物业管理', 'Property'), category(2, 1, '保洁服务', 'Cleaning')];
    expect(categoryPathLabel(all[1], all, 'zh-CN')).toBe('物业管理 / 保洁服务');
    expect(categoryPathLabel(all[1], all, 'en')).toBe('Property / Cleaning');
  });
});
