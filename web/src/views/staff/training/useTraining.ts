import { computed, ref } from 'vue';
import { getContractTrainingApi, type ContractTraining, type PersonTraining } from '@/api/staff/training';

// One copy per contract, shared by the training tab and the roster, so what the tab records shows beside the names at once.
const cache = ref<Record<number, ContractTraining>>({});

/**
 * STF-3, STF-8: a contract's training sessions and qualification tests, and per person the hours and the latest test.
 * A failure to load leaves the roster as it is (the tags are an addition, not the list); the tab shows the error.
 */
export function useTraining(contractId: () => number) {
  const data = computed<ContractTraining | null>(() => cache.value[contractId()] ?? null);
  const byPerson = computed<Record<number, PersonTraining>>(() => Object.fromEntries((data.value?.people ?? []).map((person) => [person.person_id, person])));

  async function load(): Promise<void> {
    const id = contractId();
    const training = await getContractTrainingApi(id);
    cache.value = { ...cache.value, [id]: training };
  }

  async function loadQuietly(): Promise<void> {
    try {
      await load();
    } catch {
      // The roster stays usable without its training tags.
    }
  }

  return { data, byPerson, load, loadQuietly };
}
