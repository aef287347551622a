import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it } from 'vitest';
import type { Page } from '@/api/types';
import { usePagedList, type PagedQuery } from '@/composables/usePagedList';
import ListPager from './ListPager.vue';

function setup() {
  const queries: PagedQuery<{ q: string }>[] = [];
  const fetch = async (query: PagedQuery<{ q: string }>): Promise<Page<number>> => {
    queries.push({ ...query });
    return { items: [1, 2], total: 45, page: query.page, page_size: query.page_size };
  };
  const list = usePagedList({ filters: () => ({ q: '' }), fetch, onError: () => {} });
  const wrapper = mount(ListPager, { props: { list, testId: 'thing-pager' }, global: { plugins: [ElementPlus] } });
  return { list, queries, wrapper };
}

async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) await Promise.resolve();
}

describe('ListPager', () => {
  it('carries the test id and shows the total of the list', async () => {
    const { list, wrapper } = setup();
    await list.load();
    await wrapper.vm.$nextTick();
    expect(wrapper.find('[data-test="thing-pager"]').exists()).toBe(true);
    expect(wrapper.find('.el-pagination__total').text()).toContain('45');
    expect(wrapper.findAll('.el-pager li.number').map((item) => item.text())).toEqual(['1', '2', '3']);
  });

  it('loads the page clicked, keeping the filters', async () => {
    const { list, queries, wrapper } = setup();
    await list.load();
    list.filters.q = 'abc';
    await wrapper.vm.$nextTick();
    await wrapper.findAll('.el-pager li.number')[2].trigger('click');
    await settle();
    expect(queries.at(-1)).toMatchObject({ q: 'abc', page: 3, page_size: 20 });
    expect(list.paging.page).toBe(3);
  });
});
