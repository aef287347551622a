import { describe, expect, it } from 'vitest';
import { checklistProblem, checklistTotal } from './checklist';

const cleaning = [
  { item: '办公区清洁', points: 15 },
  { item: '卫生间清洁', points: 15 },
  { item: '公共区域清洁', points: 15 },
  { item: '垃圾分类', points: 10 },
  { item: '绿化养护', points: 10 },
  { item: '会务茶水', points: 10 },
  { item: '人员到岗', points: 10 },
  { item: '劳动纪律', points: 10 },
  { item: '节约用水用电', points: 5 },
];

describe('checklist validation (CAT-2)', () => {
  it('accepts an empty checklist', () => {
    expect(checklistProblem([])).toBeNull();
  });
  it('accepts the default cleaning checklist summing to 100', () => {
    expect(checklistTotal(cleaning)).toBe(100);
    expect(checklistProblem(cleaning)).toBeNull();
  });
  it('refuses a sum other than 100', () => {
    expect(checklistProblem(cleaning.slice(1))).toBe('sum');
    expect(checklistProblem([...cleaning, { item: '额外', points: 1 }])).toBe('sum');
  });
  it('refuses blank items and points outside 1..100 or fractional', () => {
    expect(checklistProblem([{ item: ' ', points: 100 }])).toBe('empty-item');
    expect(
      checklistProblem([
        { item: 'a', points: 0 },
        { item: 'b', points: 100 },
      ]),
    ).toBe('bad-points');
    expect(
      checklistProblem([
        { item: 'a', points: 50.5 },
        { item: 'b', points: 49.5 },
      ]),
    ).toBe('bad-points');
  });
});
