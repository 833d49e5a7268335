// What already exists in the active cloud (SPEC 1.5): the palette's
// "Existing" tab, the inspector's pickers and the canvas's "missing" marks
// read it. Loaded for the active profile when the editor shows, refreshed on
// demand; a stale listing (the cloud unreachable) is kept and said so.
import { defineStore } from 'pinia';
import { uiErrorText } from '../i18n/ui-error';
import { computed, ref, shallowRef } from 'vue';
import { useApi } from '../api/client';
import { useCloudsStore } from './clouds';
import type { Fetched } from '../../shared/cloud/heat-types';
import type { Inventory } from '../../shared/existing/inventory';

export const useExistingStore = defineStore('existing', () => {
  const api = useApi();
  const clouds = useCloudsStore();
  /** The listing and the profile it belongs to: a listing of another profile is never shown. */
  const fetched = shallowRef<(Fetched<Inventory> & { profileId: string }) | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  let pending: Promise<void> | null = null;

  const inventory = computed<Inventory | null>(() => (fetched.value && fetched.value.profileId === clouds.activeId ? fetched.value.value : null));
  const stale = computed(() => !!inventory.value && !!fetched.value?.stale);

  /** Reads the active profile's inventory (once at a time; `force` reads again even if already loaded). */
  async function load(force = false): Promise<void> {
    if (!clouds.loaded) await clouds.load();
    const profileId = clouds.activeId;
    if (!profileId) {
      fetched.value = null;
      return;
    }
    if (!force && fetched.value?.profileId === profileId) return;
    if (pending) return pending;
    loading.value = true;
    error.value = null;
    pending = (async () => {
      try {
        const r = await api.invoke('existing.inventory', { profileId });
        fetched.value = { ...r, profileId };
      } catch (err) {
        error.value = uiErrorText(err);
      } finally {
        loading.value = false;
        pending = null;
      }
    })();
    return pending;
  }

  return { fetched, inventory, stale, loading, error, load };
});
