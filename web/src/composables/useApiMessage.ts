import { ElMessage } from 'element-plus';
import { useLocaleStore } from '@/stores/locale';
import { mapApiError } from '@/utils/form-errors';

/** Shows a refused request as a toast in the current locale (for actions without a form). */
export function useApiMessage() {
  const localeStore = useLocaleStore();
  return (error: unknown) => {
    const mapped = mapApiError(error, localeStore.locale);
    const details = Object.values(mapped.fields);
    ElMessage.error({ message: [mapped.message, ...details].filter(Boolean).join(' — '), grouping: true });
  };
}
