// The active library's git side: status, pull and push (with git's progress
// lines as they come), and a pull's conflicts until they are resolved.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useApi } from '../api/client';
import type { ConflictFile, GitStatus, PullOutcome, Resolution } from '../../shared/ipc/git.contract';
import { useLibrariesStore } from './libraries';
import { useLibraryStore } from './library';

export const useGitLibraryStore = defineStore('git-library', () => {
  const api = useApi();
  const libraries = useLibrariesStore();
  const library = useLibraryStore();
  const status = ref<GitStatus | null>(null);
  const progress = ref('');
  const conflicts = ref<ConflictFile[]>([]);
  api.on('git.progress', (p) => {
    if (p.libraryId === null || p.libraryId === libraries.active?.id) progress.value = p.line;
  });

  const activeId = (): string | null => (libraries.active?.git ? libraries.active.id : null);
  // The list shows the cache at once; the header says the repository is still being read, until main says it is done.
  let lastImport: { libraryId: string; running: boolean; seq: number } = { libraryId: '', running: false, seq: 0 };
  api.on('git.importing', (p) => {
    lastImport = { ...p, seq: lastImport.seq + 1 };
    if (p.libraryId !== activeId() || !status.value) return;
    status.value = { ...status.value, importing: p.running };
    if (!p.running) void refresh().catch(() => undefined); // ahead/behind may have moved with what was read
  });

  async function refresh(): Promise<void> {
    const id = activeId();
    const seq = lastImport.seq;
    const fresh = id ? await api.invoke('git.status', { libraryId: id }) : null;
    // An import that ended (or began) while the status was on its way is newer than the status's word.
    status.value = fresh && lastImport.seq !== seq && lastImport.libraryId === id ? { ...fresh, importing: lastImport.running } : fresh;
    conflicts.value = id && status.value?.merging ? await api.invoke('git.conflicts', { libraryId: id }) : [];
  }

  async function pull(): Promise<PullOutcome | null> {
    const id = activeId();
    if (!id) return null;
    progress.value = '';
    const outcome = await api.invoke('git.pull', { libraryId: id });
    conflicts.value = outcome.state === 'conflict' ? outcome.conflicts : [];
    await after();
    return outcome;
  }

  async function push(): Promise<number> {
    const id = activeId();
    if (!id) return 0;
    progress.value = '';
    try {
      return (await api.invoke('git.push', { libraryId: id })).pushed;
    } finally {
      await refresh();
    }
  }

  async function resolve(resolutions: Resolution[]): Promise<boolean> {
    const id = activeId();
    if (!id) return false;
    const outcome = await api.invoke('git.resolve', { libraryId: id, resolutions });
    conflicts.value = outcome.remaining;
    await after();
    return outcome.committed;
  }

  async function abort(): Promise<void> {
    const id = activeId();
    if (!id) return;
    await api.invoke('git.abort', { libraryId: id });
    await after();
  }

  async function clone(url: string, name: string): Promise<void> {
    progress.value = '';
    await libraries.adopt(api.invoke('git.clone', { url, name }));
  }
  const bind = (path: string, name: string) => libraries.adopt(api.invoke('git.bind', { path, name }));

  async function after(): Promise<void> {
    await refresh();
    await library.refresh();
  }

  return { status, progress, conflicts, refresh, pull, push, resolve, abort, clone, bind };
});
