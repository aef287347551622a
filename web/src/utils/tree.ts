/** Builds a tree from flat rows with parent ids; orphans become roots; sibling order is kept. */
export type TreeOf<T> = T & { children?: TreeOf<T>[] };

export function buildTree<T extends { id: number; parent_id: number | null }>(rows: readonly T[]): TreeOf<T>[] {
  const nodes = new Map<number, TreeOf<T>>();
  for (const row of rows) nodes.set(row.id, { ...row });
  const roots: TreeOf<T>[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parent_id === null ? undefined : nodes.get(row.parent_id);
    if (parent && parent !== node) {
      (parent.children ??= []).push(node);
    } else {
      roots.push(node);
    }
  }
  return roots;
}

/** Ids of a node and all its descendants (to keep a node from becoming its own parent). */
export function subtreeIds<T extends { id: number; parent_id: number | null }>(rows: readonly T[], id: number): Set<number> {
  const ids = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of rows) {
      if (row.parent_id !== null && ids.has(row.parent_id) && !ids.has(row.id)) {
        ids.add(row.id);
        grew = true;
      }
    }
  }
  return ids;
}
