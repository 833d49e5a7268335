// The template library as the renderer sees it: the list (with search and tag
// filter), the selected template's details, and the actions on them.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useApi } from '../api/client';
import type { RequestOf } from '../../shared/ipc/contract';
import type { TemplateDetails, TemplateSummary } from '../../shared/library/model';
import { downloadText, safeFileName } from '../library/file-transfer';
import { base64ToBytes, fileToBase64 } from '../library/base64';
import type { PickedFile } from '../library/picked-files';
import type { ImportOutcome } from '../../shared/ipc/files.contract';

export const useLibraryStore = defineStore('library', () => {
  const api = useApi();
  const templates = ref<TemplateSummary[]>([]);
  const search = ref('');
  const tag = ref<string | null>(null);
  const status = ref<'usable' | 'needs_editing' | null>(null);
  const resourceType = ref<string | null>(null);
  const sort = ref<'updated' | 'name'>('updated');
  const resourceTypes = ref<string[]>([]);
  /** Shown a page at a time: a library of thousands stays quick to list. */
  const PAGE = 200;
  const shown = ref(PAGE);
  const hasMore = ref(false);
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
        ...(status.value ? { status: status.value } : {}),
        ...(resourceType.value ? { resourceType: resourceType.value } : {}),
        sort: sort.value,
        // One more than shown tells whether there is a next page.
        limit: shown.value + 1,
      });
      if (mine === listRequest) resourceTypes.value = await api.invoke('library.resourceTypes', {});
      // A slower earlier search must not overwrite a newer one.
      if (mine === listRequest) {
        hasMore.value = list.length > shown.value;
        templates.value = list.slice(0, shown.value);
      }
    } finally {
      if (mine === listRequest) loading.value = false;
    }
    if (selectedId.value) await loadDetails(selectedId.value);
  }

  async function showMore(): Promise<void> {
    shown.value += PAGE;
    await refresh();
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
    const updated = await api.invoke('library.update', request);
    // A git library's template is named by its path: a rename moves it to the new path's id.
    if (updated.id !== request.id && selectedId.value === request.id) await select(updated.id);
    await refresh();
  }

  async function remove(id: string): Promise<void> {
    await api.invoke('library.delete', { id });
    if (selectedId.value === id) await select(null);
    await refresh();
  }

  /** Downloads the selected template's latest version, byte for byte. */
  function exportSelected(): boolean {
    const d = details.value;
    if (!d) return false;
    downloadText(safeFileName(d.name, '.yaml'), d.latest.yaml);
    return true;
  }

  async function afterImport(outcome: ImportOutcome): Promise<ImportOutcome> {
    await refresh();
    const first = outcome.templates[0];
    if (first) await select(first.id);
    return outcome;
  }

  /** Several files (entry chosen: one template) or a folder (no entry: one template per entry file). */
  async function importPicked(files: PickedFile[], entry?: string, environment?: string): Promise<ImportOutcome> {
    const payload = await Promise.all(files.map(async (f) => ({ path: f.path, base64: await fileToBase64(f.file) })));
    return afterImport(await api.invoke('files.importFiles', { files: payload, ...(entry ? { entry } : {}), ...(environment ? { environment } : {}) }));
  }

  /** onExisting: the answer when the bundle's template name is taken (main asks with a CONFLICT, reason bundle-name-taken). */
  async function importZip(file: File, onExisting?: 'version' | 'copy'): Promise<ImportOutcome> {
    return afterImport(await api.invoke('files.importZip', { fileName: file.name, base64: await fileToBase64(file), ...(onExisting ? { onExisting } : {}) }));
  }

  async function importUrl(url: string): Promise<ImportOutcome> {
    return afterImport(await api.invoke('files.importUrl', { url }));
  }

  async function importText(name: string, yaml: string): Promise<TemplateDetails> {
    return create({ name, description: '', tags: [], from: { kind: 'yaml', yaml } });
  }

  /** Downloads a version (default latest) as a bundle zip made by the main process. */
  async function exportBundle(id: string, number?: number): Promise<void> {
    const file = await api.invoke('files.exportBundle', { id, ...(number ? { number } : {}) });
    const url = URL.createObjectURL(new Blob([base64ToBytes(file.base64 ?? '')], { type: 'application/zip' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /** Restoring makes a new version with the old one's content: history is never rewritten. */
  async function restoreVersion(id: string, number: number, note: string): Promise<void> {
    const v = await api.invoke('library.getVersion', { id, number });
    await api.invoke('library.saveVersion', { id, entryPath: v.entryPath, yaml: v.yaml, layout: v.layout, files: v.files, environment: v.environment, note });
    await refresh();
  }

  function listenForChanges(): () => void {
    return api.on('library.changed', () => void refresh());
  }

  return {
    templates,
    hasMore,
    showMore,
    search,
    tag,
    status,
    resourceType,
    sort,
    resourceTypes,
    selectedId,
    details,
    loading,
    allTags,
    refresh,
    select,
    create,
    update,
    remove,
    exportSelected,
    importPicked,
    importZip,
    importUrl,
    importText,
    exportBundle,
    restoreVersion,
    listenForChanges,
  };
});
