import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import en from 'element-plus/es/locale/lang/en';
import type { LocaleCode } from '@/api/types';
import { i18n, initialLocale, LOCALE_STORAGE_KEY } from '@/locales';

export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<LocaleCode>(initialLocale());
  const elementLocale = computed(() => (locale.value === 'en' ? en : zhCn));

  function apply(code: LocaleCode): void {
    i18n.global.locale.value = code;
    document.documentElement.lang = code;
  }

  function setLocale(code: LocaleCode): void {
    locale.value = code;
    apply(code);
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, code);
    } catch {
      // the choice then lasts for this page only
    }
  }

  apply(locale.value);
  return { locale, elementLocale, setLocale };
});
