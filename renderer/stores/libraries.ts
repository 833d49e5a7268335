// Which template libraries are open, the active one, the recent ones; and
// the actions across them (switch, copy or move templates, search all).
// The library store lists the active library; after a switch it refreshes.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useApi } from '../api/client';
import type { LibrariesState, LibrarySearchHit, TransferOutcome } from '../../shared/ipc/libraries.contract';
import { useLibraryStore } from './library';

export const useLibrariesStore = defineStore('libraries', () => {
  const api = useApi();
  const library = useLibraryStore();
  const state = ref<LibrariesState | null>(null);
  const hits = ref<LibrarySearchHit[] | null>(null);

  const open = computed(() => state.value?.open ?? []);
  const active = computed(() => open.value.find((l) => l.id === state.value?.activeId) ?? null);

  async function apply(next: Promise<LibrariesState>): Promise<void> {
    const previous = state.value?.activeId;
    state.value = await next;
    if (previous !== undefined && previous !== state.value.activeId) {
      await library.select(null);
      await library.refresh();
    }
  }

  const refresh = () => apply(api.invoke('libraries.state', {}));
  const create = (path: string, name: string) => apply(api.invoke('libraries.create', { path, name }));
  const openFile = (path: string) => apply(api.invoke('libraries.open', { path }));
  const rename = (id: string, name: string) => apply(api.invoke('libraries.rename', { id, name }));
  const close = (id: string) => apply(api.invoke('libraries.close', { id }));
  const switchTo = (id: string) => apply(api.invoke('libraries.switch', { id }));
  const forget = (path: string) => apply(api.invoke('libraries.forget', { path }));

  /** The desktop app's file dialog; null when cancelled (the browser host has none: the path is typed). */
  async function choosePath(purpose: 'create' | 'open'): Promise<string | null> {
    return (await api.invoke('libraries.choosePath', { purpose })).path;
  }

  async function transfer(templateId: string, toId: string, mode: 'copy' | 'move'): Promise<TransferOutcome> {
    const fromId = state.value?.activeId ?? 'personal';
    const outcome = await api.invoke('libraries.transfer', { fromId, toId, templateIds: [templateId], mode });
    if (mode === 'move') await library.select(null);
    await refresh();
    await library.refresh();
    return outcome;
  }

  async function searchAll(text: string): Promise<void> {
    hits.value = text.trim() ? await api.invoke('libraries.search', { search: text, scope: 'all' }) : null;
  }

  /** A hit of another library: switch there and show the template. */
  async function showHit(libraryId: string, templateId: string): Promise<void> {
    if (libraryId !== state.value?.activeId) await switchTo(libraryId);
    await library.select(templateId);
  }

  return { state, open, active, hits, adopt: apply, refresh, create, openFile, rename, close, switchTo, forget, choosePath, transfer, searchAll, showHit };
});
