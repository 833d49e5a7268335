// The resource types the active cloud's region offers (Heat's
// GET /resource_types), for the palette's "All resource types": a type
// the region lacks is marked, and dropping one warns (Heat would refuse
// the template). Read once per profile; a failed read marks nothing,
// since the palette must not claim what it could not check.
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { useApi } from '../api/client';
import { useCloudsStore } from './clouds';

export const useOfferedTypesStore = defineStore('offeredTypes', () => {
  const api = useApi();
  const clouds = useCloudsStore();
  const byProfile = ref<Record<string, ReadonlySet<string>>>({});
  const pending = new Set<string>();

  /** Per profile and region: a region switch asks that region's Heat. */
  const keyOf = (p: { id: string; region: string | null }) => `${p.id}|${p.region ?? ''}`;

  async function load(profile: { id: string; region: string | null }): Promise<void> {
    const key = keyOf(profile);
    if (byProfile.value[key] || pending.has(key)) return;
    pending.add(key);
    try {
      const list = await api.invoke('cloud.resourceTypes', { profileId: profile.id, withDescription: false });
      const names = list
        .map((x) => (typeof x === 'string' ? x : (x as { resource_type?: unknown } | null)?.resource_type))
        .filter((x): x is string => typeof x === 'string');
      byProfile.value = { ...byProfile.value, [key]: new Set(names) };
    } catch {
      // Offline or refused: nothing is marked rather than everything.
    } finally {
      pending.delete(key);
    }
  }

  watch(
    () => clouds.active && keyOf(clouds.active),
    () => void (clouds.active && load(clouds.active)),
    { immediate: true },
  );

  /** The active cloud's types, or null while unknown (no cloud, not read yet, read failed). */
  const offered = computed<ReadonlySet<string> | null>(() => (clouds.active ? (byProfile.value[keyOf(clouds.active)] ?? null) : null));
  /** The active cloud's name, for the words. */
  const cloudName = computed(() => clouds.active?.name ?? '');
  /** True when a cloud is known not to offer `type`. */
  function lacks(type: string): boolean {
    return offered.value !== null && !offered.value.has(type);
  }
  return { offered, cloudName, lacks, load };
});
