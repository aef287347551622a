import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { h } from 'vue';
import { createI18n } from 'vue-i18n';
import { useLocaleStore } from '@/stores/locale';
import HistoryTimeline from './HistoryTimeline.vue';

const i18n = createI18n({
  legacy: false,
  locale: 'en',
  messages: { en: { thing: { history: { submit: 'Submitted', approve: 'Approved' } } } },
});

// A fixed instant (no year written, no real clock read): the steps are a day apart after it.
const FIXED_MS = 1_811_822_400_000;
const dayAfter = (days: number) => new Date(FIXED_MS + days * 86_400_000).toISOString();

const items = [
  { at: dayAfter(0), actor_name: 'wang', role: 'office', role_name: { 'zh-CN': '机关事务办', en: 'Office-affairs office' }, action: 'submit' },
  { at: dayAfter(1), actor_name: 'li', role: 'leadership', role_name: null, action: 'approve', comment: 'fine\nthanks' },
  { at: dayAfter(2), actor_name: 'job', role: 'system', action: 'expire', version_no: 3 },
];

function render(props: { items: typeof items | []; testId: string; itemTestPrefix?: string }, slots = {}) {
  const all = { actionPrefix: 'thing.history', emptyText: 'Nothing yet', ...props };
  return mount(HistoryTimeline, { props: all, slots, global: { plugins: [ElementPlus, i18n] } });
}

describe('HistoryTimeline', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    useLocaleStore().setLocale('en');
  });

  it('shows each step with its action label, actor, role name and comment, under the test ids', () => {
    const wrapper = render({ items, testId: 'thing-history' });
    expect(wrapper.find('[data-test="thing-history"]').exists()).toBe(true);
    const steps = wrapper.findAll('[data-action]');
    expect(steps.map((step) => step.attributes('data-test'))).toEqual(['thing-history-0', 'thing-history-1', 'thing-history-2']);
    expect(steps.map((step) => step.attributes('data-action'))).toEqual(['submit', 'approve', 'expire']);
    expect(steps[0].text()).toBe('Submitted · wang (Office-affairs office)');
    expect(steps[1].find('.comment').text()).toBe('fine\nthanks');
    // An action without a label shows as it is.
    expect(steps[2].find('strong').text()).toBe('expire');
  });

  it('never shows a role as its code', () => {
    const wrapper = render({ items, testId: 'thing-history' });
    const text = wrapper.text();
    expect(text).not.toContain('leadership');
    expect(text).not.toContain('system');
    expect(wrapper.findAll('[data-action]')[1].find('.muted').text()).toBe('· li');
  });

  it("shows the role in the user's language", async () => {
    const wrapper = render({ items, testId: 'thing-history' });
    useLocaleStore().setLocale('zh-CN');
    await wrapper.vm.$nextTick();
    expect(wrapper.find('[data-action="submit"]').text()).toContain('(机关事务办)');
  });

  it('takes another prefix for the steps and a detail of the feature', () => {
    const wrapper = render(
      { items, testId: 'thing-history', itemTestPrefix: 'history-' },
      { detail: ({ item }: { item: { version_no?: number } }) => (item.version_no ? h('span', { class: 'version' }, `v${item.version_no}`) : null) },
    );
    expect(wrapper.find('[data-test="history-2"] .version').text()).toBe('v3');
    expect(wrapper.findAll('.version')).toHaveLength(1);
  });

  it("shows the server's name of a step before a label of its own, in the user's language", async () => {
    const named = [{ ...items[0], action_name: { 'zh-CN': '提交领导审批', en: 'Submitted for leadership approval' } }];
    const wrapper = mount(HistoryTimeline, {
      props: { items: named, testId: 'project-history', emptyText: 'Nothing yet' },
      global: { plugins: [ElementPlus, i18n] },
    });
    expect(wrapper.find('[data-action="submit"] strong').text()).toBe('Submitted for leadership approval');
    useLocaleStore().setLocale('zh-CN');
    await wrapper.vm.$nextTick();
    expect(wrapper.find('[data-action="submit"] strong').text()).toBe('提交领导审批');
  });

  it('says so when there is no step yet', () => {
    const wrapper = render({ items: [], testId: 'thing-history' });
    expect(wrapper.find('[data-test="thing-history"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Nothing yet');
  });

  it('X-6 lets the page name the actor and read the comment in words (the rules themselves, their note)', () => {
    const wrapper = mount(HistoryTimeline, {
      props: {
        items,
        testId: 'thing-history',
        actionPrefix: 'thing.history',
        emptyText: 'Nothing yet',
        actorOf: (item: { action: string }) => (item.action === 'expire' ? 'System (made by the rules)' : null),
        commentOf: (item: { action: string }) => (item.action === 'expire' ? 'Proposed at the daily check' : null),
      },
      global: { plugins: [ElementPlus, i18n] },
    });
    const steps = wrapper.findAll('[data-action]');
    expect(steps[2].text()).toContain('System (made by the rules)');
    expect(steps[2].text()).not.toContain('job');
    expect(steps[2].find('.comment').text()).toBe('Proposed at the daily check');
    expect(steps[0].text()).toBe('Submitted · wang (Office-affairs office)');
  });
});
