import { describe, expect, it } from 'vitest';
import type { Page } from '@/api/types';
import { usePagedList, type PagedQuery } from './usePagedList';

interface Filters {
  q: string;
  status: string;
}

function pageOf<T>(items: T[], total = items.length): Page<T> {
  return { items, total, page: 1, page_size: 20 };
}

/** A fetch that records each query and answers when the test says so. */
function recorder<T>() {
  const calls: { query: PagedQuery<Filters>; answer: (page: Page<T>) => void; refuse: (error: unknown) => void }[] = [];
  const fetch = (query: PagedQuery<Filters>) =>
    new Promise<Page<T>>((answer, refuse) => {
      calls.push({ query: { ...query }, answer, refuse });
    });
  return { calls, fetch };
}

function blank(): Filters {
  return { q: '', status: '' };
}

describe('usePagedList', () => {
  it('loads a page with the filters, the page and the sort order', async () => {
    const { calls, fetch } = recorder<string>();
    const list = usePagedList({ filters: blank, fetch, onError: () => {} });
    const loading = list.load();
    expect(list.loading).toBe(true);
    expect(calls[0].query).toEqual({ q: '', status: '', page: 1, page_size: 20 });
    calls[0].answer(pageOf(['a', 'b'], 42));
    await loading;
    expect(list.rows).toEqual(['a', 'b']);
    expect(list.total).toBe(42);
    expect(list.loading).toBe(false);
  });

  it('opens with the initial filters and goes back to the empty ones on reset', () => {
    const { calls, fetch } = recorder<string>();
    const list = usePagedList({ filters: blank, initial: { status: 'open' }, fetch, pageSize: 50, onError: () => {} });
    void list.load();
    expect(calls[0].query).toMatchObject({ status: 'open', page_size: 50 });
    list.filters.q = 'x';
    void list.setPage(3);
    expect(calls[1].query).toMatchObject({ q: 'x', status: 'open', page: 3 });
    void list.reset();
    expect(list.filters).toEqual({ q: '', status: '' });
    expect(calls[2].query).toMatchObject({ q: '', status: '', page: 1, page_size: 50 });
  });

  it('searches from the first page, also after a new page size', () => {
    const { calls, fetch } = recorder<string>();
    const list = usePagedList({ filters: blank, fetch, onError: () => {} });
    void list.setPage(4);
    void list.search();
    expect(calls[1].query.page).toBe(1);
    void list.setPage(4);
    void list.setPageSize(100);
    expect(calls[3].query).toMatchObject({ page: 1, page_size: 100 });
  });

  it("turns el-table's sort event into sort and order, and none when the column is unsorted", () => {
    const { calls, fetch } = recorder<string>();
    const list = usePagedList<string, Filters, 'name'>({ filters: blank, fetch, onError: () => {} });
    void list.sort({ prop: 'name', order: 'descending' });
    expect(calls[0].query).toMatchObject({ sort: 'name', order: 'desc', page: 1 });
    void list.sort({ prop: 'name', order: 'ascending' });
    expect(calls[1].query).toMatchObject({ sort: 'name', order: 'asc' });
    void list.sort({ prop: 'name', order: null });
    expect(calls[2].query.sort).toBeUndefined();
    expect(calls[2].query.order).toBeUndefined();
  });

  it('shows only the answer to the latest request', async () => {
    const { calls, fetch } = recorder<string>();
    const list = usePagedList({ filters: blank, fetch, onError: () => {} });
    const first = list.load();
    list.filters.q = 'new';
    const second = list.search();
    calls[1].answer(pageOf(['new']));
    await second;
    calls[0].answer(pageOf(['old']));
    await first;
    expect(list.rows).toEqual(['new']);
    expect(list.loading).toBe(false);
  });

  it('keeps the rows and reports a refusal, and forgets it after the next answer', async () => {
    const { calls, fetch } = recorder<string>();
    const reported: unknown[] = [];
    const list = usePagedList({ filters: blank, fetch, onError: (error) => reported.push(error) });
    const first = list.load();
    calls[0].answer(pageOf(['a']));
    await first;
    const refused = list.load();
    calls[1].refuse(new Error('offline'));
    await refused;
    expect(reported).toHaveLength(1);
    expect(list.error).toBeInstanceOf(Error);
    expect(list.rows).toEqual(['a']);
    expect(list.loading).toBe(false);
    const again = list.load();
    calls[2].answer(pageOf(['b']));
    await again;
    expect(list.error).toBeNull();
  });
});
