// Cloud profiles in the renderer: the list, which one is active (the stacks
// screen shows its project and region), reachability pushed by main
// ('cloud.status'), connection tests and imports. Secrets only ever travel
// renderer -> main; profiles come back with `hasSecret`.
import type { Message } from '../../shared/messages/message';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useApi } from '../api/client';
import type { RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { CloudProfile, ImportCandidate, ProfileFields } from '../../shared/cloud/profile';

const ACTIVE_KEY = 'heat-studio.activeCloud';

export interface Reachability {
  online: boolean;
  /** The failure as it crossed (code, English, message key), worded where it is shown. */
  error: { code: string; message: string; msg?: Message } | null;
  at: string;
}

export type ConnectionReport = ResponseOf<'cloud.profiles.test'>;

function storedActive(): string | null {
  try {
    return globalThis.localStorage?.getItem(ACTIVE_KEY) ?? null;
  } catch {
    return null;
  }
}

export const useCloudsStore = defineStore('clouds', () => {
  const api = useApi();
  const profiles = ref<CloudProfile[]>([]);
  const activeId = ref<string | null>(storedActive());
  const reachability = ref<Record<string, Reachability>>({});
  const reports = ref<Record<string, ConnectionReport>>({});
  const candidates = ref<ImportCandidate[]>([]);
  const loaded = ref(false);
  let subscribed = false;

  const active = computed(() => profiles.value.find((p) => p.id === activeId.value) ?? null);
  const activeOnline = computed(() => (activeId.value ? (reachability.value[activeId.value]?.online ?? true) : true));

  function subscribe(): void {
    if (subscribed) return;
    subscribed = true;
    api.on('cloud.status', (s) => {
      reachability.value = { ...reachability.value, [s.profileId]: { online: s.online, error: s.error, at: s.at } };
    });
  }

  async function load(): Promise<void> {
    subscribe();
    profiles.value = await api.invoke('cloud.profiles.list', {});
    if (!profiles.value.some((p) => p.id === activeId.value)) setActive(profiles.value[0]?.id ?? null);
    loaded.value = true;
  }

  function setActive(id: string | null): void {
    activeId.value = id;
    try {
      if (id) globalThis.localStorage?.setItem(ACTIVE_KEY, id);
      else globalThis.localStorage?.removeItem(ACTIVE_KEY);
    } catch {
      // private mode / no storage: the choice lasts for this session only
    }
  }

  async function create(fields: ProfileFields, secret: string | null): Promise<CloudProfile> {
    const p = await api.invoke('cloud.profiles.create', { fields, secret });
    await load();
    if (!activeId.value || profiles.value.length === 1) setActive(p.id);
    return p;
  }

  /** `secret` undefined keeps the stored one. */
  async function update(id: string, fields: ProfileFields, secret?: string | null): Promise<CloudProfile> {
    const p = await api.invoke('cloud.profiles.update', { id, fields, ...(secret !== undefined ? { secret } : {}) });
    await load();
    return p;
  }

  async function remove(id: string): Promise<void> {
    await api.invoke('cloud.profiles.delete', { id });
    await load();
  }

  async function test(id: string): Promise<ConnectionReport> {
    try {
      const report = await api.invoke('cloud.profiles.test', { profileId: id });
      reports.value = { ...reports.value, [id]: report };
      reachability.value = { ...reachability.value, [id]: { online: true, error: null, at: new Date().toISOString() } };
      return report;
    } catch (err) {
      const e = err as { code?: string; message?: string; msg?: Message };
      if (e.code === 'CLOUD_UNREACHABLE' || e.code === 'TIMEOUT' || e.code === 'SERVICE_UNAVAILABLE') {
        reachability.value = {
          ...reachability.value,
          [id]: { online: false, error: { code: e.code, message: e.message ?? '', ...(e.msg ? { msg: e.msg } : {}) }, at: new Date().toISOString() },
        };
      }
      throw err;
    }
  }

  /**
   * Adds (or refreshes) the "Local sandbox" profile once main has checked the
   * local cloud answers, makes it active and tests it, so the list shows it
   * connected. Errors (cloud not running) are thrown with the command to run.
   */
  async function addLocalSandbox(): Promise<ResponseOf<'cloud.profiles.addLocalSandbox'>> {
    const result = await api.invoke('cloud.profiles.addLocalSandbox', {});
    await load();
    setActive(result.profile.id);
    await test(result.profile.id);
    return result;
  }

  /** Switches the active profile's region (from the regions its catalog offers). */
  async function setRegion(region: string | null): Promise<void> {
    const p = active.value;
    if (!p) return;
    const { id, hasSecret: _h, source: _s, createdAt: _c, updatedAt: _u, ...fields } = p;
    await update(id, { ...fields, region });
  }

  async function importCloudsYaml(request: RequestOf<'cloud.import.cloudsYaml'>): Promise<void> {
    candidates.value = await api.invoke('cloud.import.cloudsYaml', request);
  }

  async function importOpenrc(request: RequestOf<'cloud.import.openrc'>): Promise<void> {
    candidates.value = await api.invoke('cloud.import.openrc', request);
  }

  async function saveImports(choices: Array<{ candidateId: string; name?: string }>): Promise<CloudProfile[]> {
    const saved = await api.invoke('cloud.import.save', { choices });
    candidates.value = [];
    await load();
    if (!activeId.value && saved[0]) setActive(saved[0].id);
    return saved;
  }

  return {
    profiles,
    activeId,
    active,
    activeOnline,
    reachability,
    reports,
    candidates,
    loaded,
    load,
    setActive,
    create,
    update,
    remove,
    test,
    addLocalSandbox,
    setRegion,
    importCloudsYaml,
    importOpenrc,
    saveImports,
  };
});
