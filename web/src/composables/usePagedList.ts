import { computed, reactive, ref, shallowRef } from 'vue';
import type { Page, SortOrder } from '@/api/types';
import { useApiMessage } from './useApiMessage';

export interface Paging {
  page: number;
  page_size: number;
}

export interface Sorting<S extends string = string> {
  sort?: S;
  order?: SortOrder;
}

/** What el-table's `sort-change` event hands over. */
export interface TableSort {
  prop: string;
  order: 'ascending' | 'descending' | null;
}

/** The filters, the page and the sort order of one request. */
export type PagedQuery<F, S extends string = string> = F & Paging & Sorting<S>;

export interface PagedListOptions<T, F extends object, S extends string> {
  /** The empty filters: what the list starts from and what reset goes back to. */
  filters: () => F;
  /** Filters the list opens with when they are not the empty ones (taken from the address, say). */
  initial?: Partial<F>;
  /** Asks the server for one page; the page maps the filters to its API's query here. */
  fetch: (query: PagedQuery<F, S>) => Promise<Page<T>>;
  pageSize?: number;
  /** Shows a refused request; a toast in the current locale unless told otherwise. */
  onError?: (error: unknown) => void;
}

/** A paged, filtered and sorted list as a template reads it: refs unwrapped, `list.rows`, `list.filters.q`. */
export interface PagedList<T, F, S extends string = string> {
  readonly filters: F;
  readonly paging: Paging;
  readonly sorting: Sorting<S>;
  readonly rows: T[];
  readonly total: number;
  readonly loading: boolean;
  /** The last refusal, null after a page arrived. */
  readonly error: unknown;
  readonly query: PagedQuery<F, S>;
  /** Loads the current page again. */
  load(): Promise<void>;
  /** Goes back to the first page with the filters as they are now. */
  search(): Promise<void>;
  /** Empties the filters and searches. */
  reset(): Promise<void>;
  sort(event: TableSort): Promise<void>;
  setPage(page: number): Promise<void>;
  setPageSize(size: number): Promise<void>;
}

export const PAGE_SIZES = [10, 20, 50, 100];

/**
 * The search, reset, sort and pagination of a list page. Only the answer to the latest request is shown: a slow
 * answer to an older filter never replaces a newer one.
 */
export function usePagedList<T, F extends object = Record<string, never>, S extends string = string>(options: PagedListOptions<T, F, S>): PagedList<T, F, S> {
  const filters = reactive({ ...options.filters(), ...options.initial }) as F;
  const paging = reactive<Paging>({ page: 1, page_size: options.pageSize ?? 20 });
  const sorting = reactive<Sorting<S>>({}) as Sorting<S>;
  const rows = shallowRef<T[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  const onError = options.onError ?? useApiMessage();
  const query = computed(() => ({ ...filters, ...paging, ...sorting }) as PagedQuery<F, S>);
  let latest = 0;

  async function load(): Promise<void> {
    const request = ++latest;
    loading.value = true;
    try {
      const page = await options.fetch(query.value);
      if (request !== latest) return;
      rows.value = page.items;
      total.value = page.total;
      error.value = null;
    } catch (caught) {
      if (request !== latest) return;
      error.value = caught;
      onError(caught);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  function search(): Promise<void> {
    paging.page = 1;
    return load();
  }

  function reset(): Promise<void> {
    Object.assign(filters, options.filters());
    return search();
  }

  function sort({ prop, order }: TableSort): Promise<void> {
    sorting.sort = order ? (prop as S) : undefined;
    sorting.order = order === 'ascending' ? 'asc' : order === 'descending' ? 'desc' : undefined;
    return search();
  }

  function setPage(page: number): Promise<void> {
    paging.page = page;
    return load();
  }

  function setPageSize(size: number): Promise<void> {
    paging.page_size = size;
    return search();
  }

  return reactive({ filters, paging, sorting, rows, total, loading, error, query, load, search, reset, sort, setPage, setPageSize }) as PagedList<T, F, S>;
}
