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

  async function refresh(): Promise<void> {
    const id = activeId();
    status.value = id ? await api.invoke('git.status', { libraryId: id }) : null;
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
