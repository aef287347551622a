import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLocaleStore } from '@/stores/locale';
import PersonName from './PersonName.vue';

const judicial = { 'zh-CN': '司法所', en: 'Judicial office' };

describe('PersonName (X-6)', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    useLocaleStore().locale = 'zh-CN';
  });

  it('names the person, then the role in the reader’s language', () => {
    expect(mount(PersonName, { props: { name: '陈所长', roleName: judicial } }).text()).toBe('陈所长 (司法所)');
  });

  it('does not repeat a role the display name already states', () => {
    expect(mount(PersonName, { props: { name: '陈所长(司法所)', roleName: judicial } }).text()).toBe('陈所长(司法所)');
  });

  it('still names the role in English when the name states it in Chinese', () => {
    useLocaleStore().locale = 'en';
    expect(mount(PersonName, { props: { name: '陈所长(司法所)', roleName: judicial } }).text()).toBe('陈所长(司法所) (Judicial office)');
  });

  it('shows the role alone for a step without a person', () => {
    expect(mount(PersonName, { props: { name: null, roleName: judicial } }).text()).toBe('司法所');
  });
});
