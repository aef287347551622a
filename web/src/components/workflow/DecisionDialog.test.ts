import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { createI18n } from 'vue-i18n';
import { ApiError } from '@/api/http';
import { useLocaleStore } from '@/stores/locale';
import DecisionDialog from './DecisionDialog.vue';

interface Thing {
  id: number;
  comment: string;
}

const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: { common: { action: { cancel: 'Cancel' } } } } });

function setup(options: { required?: boolean; submit?: (comment: string) => Promise<Thing>; validate?: (comment: string) => Record<string, string> }) {
  const sent: string[] = [];
  const done: Thing[] = [];
  const open = ref(true);
  const submit =
    options.submit ??
    (async (comment: string) => {
      sent.push(comment);
      return { id: 1, comment };
    });
  const Host = defineComponent(
    () => () =>
      h(
        DecisionDialog<Thing>,
        {
          modelValue: open.value,
          'onUpdate:modelValue': (value: boolean) => (open.value = value),
          title: 'Decide',
          testId: 'thing-decision',
          commentLabel: 'Comment',
          commentRequired: options.required ?? false,
          commentRequiredMessage: 'A comment, please',
          confirmText: 'Confirm',
          confirmType: 'success',
          successMessage: 'Done',
          submit,
          validate: options.validate,
          fields: ['comment', 'amount'],
          onDone: (thing: Thing) => done.push(thing),
        },
        {
          default: () => h('p', { 'data-test': 'thing-summary' }, 'Thing #1'),
          fields: ({ errorOf }: { errorOf: (field: string) => string }) => h('span', { 'data-test': 'amount-error' }, errorOf('amount')),
        },
      ),
  );
  const wrapper = mount(Host, { attachTo: document.body, global: { plugins: [ElementPlus, i18n] } });
  const find = (id: string) => document.body.querySelector<HTMLElement>(`[data-test="${id}"]`);
  const type = async (text: string) => {
    const box = find('thing-decision-comment') as HTMLTextAreaElement;
    box.value = text;
    box.dispatchEvent(new Event('input'));
    await flushPromises();
  };
  // el-form-item shows a field's error 100 ms after it is set.
  const confirm = async () => {
    find('thing-decision-confirm')?.click();
    await flushPromises();
    await new Promise((done) => setTimeout(done, 150));
  };
  return { wrapper, open, sent, done, find, type, confirm };
}

describe('DecisionDialog', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    useLocaleStore().setLocale('en');
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows what is decided and sends the trimmed comment, then closes with done', async () => {
    const { open, sent, done, find, type, confirm } = setup({});
    await flushPromises();
    expect(find('thing-decision-dialog')).not.toBeNull();
    expect(find('thing-summary')?.textContent).toBe('Thing #1');
    await type('  fine  ');
    await confirm();
    expect(sent).toEqual(['fine']);
    expect(done).toEqual([{ id: 1, comment: 'fine' }]);
    expect(open.value).toBe(false);
  });

  it('asks for the comment a return needs and sends nothing without it', async () => {
    const { sent, find, confirm } = setup({ required: true });
    await flushPromises();
    await confirm();
    expect(sent).toEqual([]);
    expect(find('thing-decision-dialog')?.textContent).toContain('A comment, please');
  });

  it("checks with the feature's own rules and hands their messages to its fields", async () => {
    const { sent, find, confirm } = setup({ validate: () => ({ amount: 'An amount, please' }) });
    await flushPromises();
    await confirm();
    expect(sent).toEqual([]);
    expect(find('amount-error')?.textContent).toBe('An amount, please');
  });

  it("shows the server's refusal: a known field under it, the rest in the alert, and stays open", async () => {
    const refusal = new ApiError(400, {
      code: 'InvalidArgument',
      message: { 'zh-CN': '无效', en: 'Invalid' },
      fields: [
        { field: 'comment', message: { 'zh-CN': '太长', en: 'Too long' } },
        { field: 'version_no', message: { 'zh-CN': '版本已变', en: 'Version changed' } },
      ],
    });
    const { open, find, type, confirm } = setup({ submit: () => Promise.reject(refusal) });
    await flushPromises();
    await type('x');
    await confirm();
    expect(open.value).toBe(true);
    const dialog = find('thing-decision-dialog')?.textContent ?? '';
    expect(dialog).toContain('Too long');
    expect(find('form-error')?.textContent).toContain('Version changed');
  });

  it('starts empty each time it opens', async () => {
    const { open, find, type } = setup({ required: true });
    await flushPromises();
    await type('draft');
    open.value = false;
    await flushPromises();
    open.value = true;
    await flushPromises();
    expect((find('thing-decision-comment') as HTMLTextAreaElement).value).toBe('');
  });
});
