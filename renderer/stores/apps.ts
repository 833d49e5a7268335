// App packages as the renderer sees them: the checks before an export, the
// export itself (a zip download), "create from app", and which app a
// template came from. Everything goes through the contract's apps.* channels.
import { defineStore } from 'pinia';
import { useApi } from '../api/client';
import type { RequestOf } from '../../shared/ipc/contract';
import type { AppLink, ExportCheckResult, ExportMode } from '../../shared/apps/model';
import type { ImportedAppOutcome } from '../../shared/ipc/apps.contract';
import { base64ToBytes, fileToBase64 } from '../library/base64';
import { useLibraryStore } from './library';
import { useCloudsStore } from './clouds';

export const useAppsStore = defineStore('apps', () => {
  const api = useApi();
  const library = useLibraryStore();
  const clouds = useCloudsStore();

  // Main checks the quota of the active cloud itself (over quota blocks the export, SPEC 1.2).
  function checkExport(id: string, mode: ExportMode): Promise<ExportCheckResult> {
    return api.invoke('apps.checkExport', { id, mode, quotaProfileId: clouds.activeId });
  }

  async function exportPackage(request: RequestOf<'apps.export'>): Promise<string> {
    const file = await api.invoke('apps.export', { quotaProfileId: clouds.activeId, ...request });
    const url = URL.createObjectURL(new Blob([base64ToBytes(file.base64)], { type: 'application/zip' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return file.fileName;
  }

  async function importPackage(file: File, allowDuplicate = false): Promise<ImportedAppOutcome> {
    const outcome = await api.invoke('apps.import', { fileName: file.name, base64: await fileToBase64(file), ...(allowDuplicate ? { allowDuplicate } : {}) });
    await library.refresh();
    await library.select(outcome.template.id);
    return outcome;
  }

  function link(id: string): Promise<AppLink | null> {
    return api.invoke('apps.link', { id });
  }

  return { checkExport, exportPackage, importPackage, link };
});
