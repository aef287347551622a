import { computed, shallowRef } from 'vue';
import { useLocaleStore } from '@/stores/locale';
import { mapApiError } from '@/utils/form-errors';

/**
 * Holds the last refusal of a form's request and shows it in the current locale,
 * so switching language re-renders the server's messages too.
 */
export function useFormErrors(knownFields: readonly string[] | (() => readonly string[])) {
  const localeStore = useLocaleStore();
  const error = shallowRef<unknown>(null);
  const fieldsOf = typeof knownFields === 'function' ? knownFields : () => knownFields;

  const mapped = computed(() =>
    error.value === null
      ? { message: '', fields: {} as Record<string, string>, unmatched: [] as string[] }
      : mapApiError(error.value, localeStore.locale, fieldsOf()),
  );

  return {
    error,
    message: computed(() => mapped.value.message),
    fields: computed(() => mapped.value.fields),
    unmatched: computed(() => mapped.value.unmatched),
    capture(value: unknown) {
      error.value = value;
    },
    reset() {
      error.value = null;
    },
  };
}
