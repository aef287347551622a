import { ref, type Ref } from 'vue';
import { isApiError } from '@/api/http';
import type { LocaleCode } from '@/api/types';
import { useLocaleStore } from '@/stores/locale';
import { mapApiError } from '@/utils/form-errors';
import { useApiMessage } from './useApiMessage';

export interface EntityDetailOptions<T> {
  /** The entity's id; null loads nothing (an editor creating a new entity). */
  id: () => number | null;
  fetch: (id: number) => Promise<T>;
  /** Derives the page's own state (a form, say) from the entity as it arrives, before the page renders it. */
  onLoaded?: (entity: T) => void;
  /** Shows a refusal other than not-found; a toast in the current locale unless told otherwise. */
  onError?: (error: unknown) => void;
  /** The language of the not-found message; the user's unless told otherwise. */
  locale?: () => LocaleCode;
}

export interface EntityDetail<T> {
  /** The entity as last loaded, null before, when missing, and for a null id. */
  entity: Ref<T | null>;
  loading: Ref<boolean>;
  /**
   * The server's message when the entity does not exist or is outside the user's scope (404, or 400 for an id that is
   * no number): the page says so instead of showing an empty shell.
   */
  missing: Ref<string | null>;
  /** Loads the entity of the current id; the entity, or null when there is none (or a newer load has begun). */
  load(): Promise<T | null>;
}

/** The load-and-not-found part of a detail page or an editor. Only the latest load counts when the id changes fast. */
export function useEntityDetail<T>(options: EntityDetailOptions<T>): EntityDetail<T> {
  const entity = ref(null) as Ref<T | null>;
  const loading = ref(false);
  const missing = ref<string | null>(null);
  const onError = options.onError ?? useApiMessage();
  const locale = options.locale ?? localeOfStore();
  let latest = 0;

  async function load(): Promise<T | null> {
    const request = ++latest;
    missing.value = null;
    const id = options.id();
    if (id === null) {
      entity.value = null;
      loading.value = false;
      return null;
    }
    loading.value = true;
    try {
      const loaded = await options.fetch(id);
      if (request !== latest) return null;
      entity.value = loaded;
      options.onLoaded?.(loaded);
      return loaded;
    } catch (error) {
      if (request !== latest) return null;
      if (isApiError(error) && (error.status === 404 || error.status === 400)) {
        entity.value = null;
        missing.value = mapApiError(error, locale()).message;
      } else {
        onError(error);
      }
      return null;
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  return { entity, loading, missing, load };
}

function localeOfStore(): () => LocaleCode {
  const store = useLocaleStore();
  return () => store.locale;
}
