import { defineStore } from 'pinia';
import { ref } from 'vue';
import { getInboxApi } from '@/api/inbox/inbox';
import type { Inbox } from '@/api/inbox/types';

/** The to-do inbox of the signed-in user: its total is the menu's badge, refreshed after each navigation. */
export const useInboxStore = defineStore('inbox', () => {
  const inbox = ref<Inbox | null>(null);
  const total = ref(0);
  let pending: Promise<Inbox | null> | null = null;

  function accept(answer: Inbox): void {
    inbox.value = answer;
    total.value = answer.total;
  }

  /** Asks the server again (at most one request at a time); a failure leaves the last answer. */
  function refresh(): Promise<Inbox | null> {
    pending ??= getInboxApi()
      .then((answer) => {
        accept(answer);
        return answer;
      })
      .catch(() => inbox.value)
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  function clear(): void {
    inbox.value = null;
    total.value = 0;
  }

  return { inbox, total, refresh, accept, clear };
});
