import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { createMemoryHistory, createRouter } from 'vue-router';
import EntityNotFound from './EntityNotFound.vue';

async function setup(backTestId?: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/things/:id', name: 'thing-detail', component: { template: '<div />' } },
      { path: '/things', name: 'things', component: { template: '<div />' } },
    ],
  });
  await router.push('/things/9');
  const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: { common: { action: { back: 'Back' } } } } });
  const wrapper = mount(EntityNotFound, {
    props: { message: 'No such thing', back: { name: 'things' }, testId: 'thing-not-found', backTestId },
    global: { plugins: [ElementPlus, router, i18n] },
  });
  return { router, wrapper };
}

describe('EntityNotFound', () => {
  it("shows the server's message under the page's test id", async () => {
    const { wrapper } = await setup();
    expect(wrapper.attributes('data-test')).toBe('thing-not-found');
    expect(wrapper.text()).toContain('No such thing');
    expect(wrapper.find('button').text()).toBe('Back');
  });

  it('goes back to the list', async () => {
    const { router, wrapper } = await setup('thing-back');
    await wrapper.find('[data-test="thing-back"]').trigger('click');
    await router.isReady();
    await new Promise((done) => setTimeout(done, 0));
    expect(router.currentRoute.value.name).toBe('things');
  });
});
