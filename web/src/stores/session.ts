import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { changePasswordApi, getSessionApi, loginApi, logoutApi } from '@/api/auth/session';
import type { LoginForm, PasswordChange, Permission, SessionAnswer, SessionUser } from '@/api/auth/types';
import { isApiError, setCsrfToken } from '@/api/http';

export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null);
  const loaded = ref(false);
  let loading: Promise<void> | null = null;

  const permissions = computed<Permission[]>(() => user.value?.permissions ?? []);

  function accept(answer: SessionAnswer): void {
    user.value = answer.user;
    setCsrfToken(answer.csrf_token);
    loaded.value = true;
  }

  function clear(): void {
    user.value = null;
    setCsrfToken('');
    loaded.value = true;
  }

  /** Asks the server once whether the cookie still holds a session. */
  async function ensureLoaded(): Promise<void> {
    if (loaded.value) return;
    loading ??= getSessionApi()
      .then(accept)
      .catch((error: unknown) => {
        if (isApiError(error) && error.status === 401) clear();
        else {
          clear();
          console.error(error);
        }
      })
      .finally(() => {
        loading = null;
      });
    await loading;
  }

  async function login(form: LoginForm): Promise<void> {
    accept(await loginApi(form));
  }

  async function logout(): Promise<void> {
    try {
      await logoutApi();
    } finally {
      clear();
    }
  }

  function changePassword(change: PasswordChange): Promise<void> {
    return changePasswordApi(change);
  }

  function can(...needed: Permission[]): boolean {
    return needed.some((permission) => permissions.value.includes(permission));
  }

  return { user, loaded, permissions, ensureLoaded, login, logout, clear, changePassword, can };
});
