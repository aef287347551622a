import { describe, expect, it } from 'vitest';
import { buildTree, subtreeIds } from './tree';

const rows = [
  { id: 1, parent_id: null, name: 'county' },
  { id: 2, parent_id: 1, name: 'town' },
  { id: 3, parent_id: 2, name: 'dept' },
  { id: 4, parent_id: 1, name: 'town 2' },
  { id: 5, parent_id: 99, name: 'orphan' },
];

describe('buildTree', () => {
  it('nests children under parents in order', () => {
    const tree = buildTree(rows);
    expect(tree.map((node) => node.id)).toEqual([1, 5]);
    expect(tree[0].children!.map((node) => node.id)).toEqual([2, 4]);
    expect(tree[0].children![0].children![0].name).toBe('dept');
    expect(tree[0].children![1].children).toBeUndefined();
  });
});

describe('subtreeIds', () => {
  it('collects descendants', () => {
    expect([...subtreeIds(rows, 2)].sort()).toEqual([2, 3]);
    expect([...subtreeIds(rows, 1)].sort()).toEqual([1, 2, 3, 4]);
  });
});
