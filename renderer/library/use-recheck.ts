// "Check again" (SPEC 1.4 status on demand) from wherever a "needs editing"
// refusal is shown: the HOT engine, plus rule 7's re-validation, Heat's
// validate and the quota on the active cloud when there is one. The verdict
// is recorded by main; the library list and details are refreshed after it.
import { ref } from 'vue';
import { useApi } from '../api/client';
import { useCloudsStore } from '../stores/clouds';
import { useLibraryStore } from '../stores/library';
import type { ResponseOf } from '../../shared/ipc/contract';

export function useRecheck() {
  const api = useApi();
  const clouds = useCloudsStore();
  const library = useLibraryStore();
  const busy = ref(false);

  async function recheck(templateId: string): Promise<ResponseOf<'sync.recheck'>> {
    busy.value = true;
    try {
      if (!clouds.loaded) await clouds.load();
      const r = await api.invoke('sync.recheck', { templateId, ...(clouds.activeId ? { profileId: clouds.activeId } : {}) });
      await library.refresh();
      return r;
    } finally {
      busy.value = false;
    }
  }

  return { busy, recheck };
}

/** What Heat did with the extra resource checks (seed 9.3), said plainly; '' when Heat was not asked. */
export function resourceChecksNote(checks: ResponseOf<'sync.recheck'>['resourceChecks'], t: (key: string) => string): string {
  if (checks === 'applied') return t('details.resourceChecksApplied');
  if (checks === 'ignored') return t('details.resourceChecksIgnored');
  if (checks === 'refused') return t('details.resourceChecksRefused');
  return '';
}
