import { ref } from 'vue';
import { getRosterDocumentFlagsApi, type PersonFlags } from '@/api/staff/documents';

/**
 * STF-2: the roster's document and social-insurance flags, by person id, loaded beside the roster page. A failure to
 * load them leaves the roster as it is (the flags are an addition, not the list).
 */
export function useDocumentFlags(contractId: () => number) {
  const byPerson = ref<Record<number, PersonFlags>>({});

  async function load(): Promise<void> {
    try {
      const flags = await getRosterDocumentFlagsApi(contractId());
      byPerson.value = Object.fromEntries(flags.people.map((person) => [person.person_id, person]));
    } catch {
      byPerson.value = {};
    }
  }

  return { byPerson, load };
}
