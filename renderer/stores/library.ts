// The template library as the renderer sees it: the list (with search and tag
// filter), the selected template's details, and the actions on them.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useApi } from '../api/client';
import type { RequestOf } from '../../shared/ipc/contract';
import type { TemplateDetails, TemplateSummary } from '../../shared/library/model';
import { downloadText, nameFromFileName, readUtf8, safeFileName } from '../library/file-transfer';

export const useLibraryStore = defineStore('library', () => {
  const api = useApi();
  const templates = ref<TemplateSummary[]>([]);
  const search = ref('');
  const tag = ref<string | null>(null);
  const selectedId = ref<string | null>(null);
  const details = ref<TemplateDetails | null>(null);
  const loading = ref(false);
  let listRequest = 0;

  const allTags = computed(() => [...new Set(templates.value.flatMap((t) => t.tags))].sort());

  async function refresh(): Promise<void> {
    const mine = ++listRequest;
    loading.value = true;
    try {
      const list = await api.invoke('library.list', {
        ...(search.value.trim() ? { search: search.value.trim() } : {}),
        ...(tag.value ? { tag: tag.value } : {}),
      });
      // A slower earlier search must not overwrite a newer one.
      if (mine === listRequest) templates.value = list;
    } finally {
      if (mine === listRequest) loading.value = false;
    }
    if (selectedId.value) await loadDetails(selectedId.value);
  }

  async function loadDetails(id: string): Promise<void> {
    try {
      details.value = await api.invoke('library.get', { id });
    } catch {
      // Deleted elsewhere: clear the pane rather than show stale details.
      if (selectedId.value === id) {
        selectedId.value = null;
        details.value = null;
      }
    }
  }

  async function select(id: string | null): Promise<void> {
    selectedId.value = id;
    details.value = null;
    if (id) await loadDetails(id);
  }

  async function create(request: RequestOf<'library.create'>): Promise<TemplateDetails> {
    const created = await api.invoke('library.create', request);
    await refresh();
    await select(created.id);
    return created;
  }

  async function update(request: RequestOf<'library.update'>): Promise<void> {
    await api.invoke('library.update', request);
    await refresh();
  }

  async function remove(id: string): Promise<void> {
    await api.invoke('library.delete', { id });
    if (selectedId.value === id) await select(null);
    await refresh();
  }

  /** Imports one template file as a new template (its first version keeps the bytes as written). */
  async function importFile(file: File): Promise<TemplateDetails> {
    const yaml = await readUtf8(file);
    return create({ name: nameFromFileName(file.name), description: '', tags: [], from: { kind: 'yaml', yaml } });
  }

  /** Downloads the selected template's latest version, byte for byte. */
  function exportSelected(): boolean {
    const d = details.value;
    if (!d) return false;
    downloadText(safeFileName(d.name, '.yaml'), d.latest.yaml);
    return true;
  }

  function listenForChanges(): () => void {
    return api.on('library.changed', () => void refresh());
  }

  return { templates, search, tag, selectedId, details, loading, allTags, refresh, select, create, update, remove, importFile, exportSelected, listenForChanges };
});
