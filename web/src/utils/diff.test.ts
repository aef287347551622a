import { describe, expect, it } from 'vitest';
import { diffJson } from './diff';

describe('diffJson', () => {
  it('marks only changed keys', () => {
    const rows = diffJson({ name: '甲公司', staff_count: 10, category_ids: [1, 2] }, { name: '甲公司', staff_count: 12, category_ids: [1, 2] });
    expect(rows.filter((row) => row.changed).map((row) => row.key)).toEqual(['staff_count']);
    expect(rows.find((row) => row.key === 'staff_count')).toEqual({
      key: 'staff_count',
      before: '10',
      after: '12',
      changed: true,
    });
  });
  it('treats a created record as all changed', () => {
    const rows = diffJson(null, { a: 1, b: 'x' });
    expect(rows).toEqual([
      { key: 'a', before: '', after: '1', changed: true },
      { key: 'b', before: '', after: 'x', changed: true },
    ]);
  });
  it('notices a removed key and nested changes', () => {
    const rows = diffJson({ a: { x: 1 }, gone: true }, { a: { x: 2 } });
    expect(rows.map((row) => [row.key, row.changed])).toEqual([
      ['a', true],
      ['gone', true],
    ]);
  });
  it('is empty when both sides are empty', () => {
    expect(diffJson(null, null)).toEqual([]);
  });
});
