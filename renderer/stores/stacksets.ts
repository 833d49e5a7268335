// Stack sets in the renderer: the list, the selected set's details (its
// instance grid and operations) and live operation progress pushed by the
// main process. Components never call the main process; this store does.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useApi } from '../api/client';
import type { RequestOf } from '../../shared/ipc/contract';
import type { OperationProgress, StackSetAccountView, StackSetDetails, StackSetSummary } from '../../shared/ipc/stacksets.contract';
import type { StackSetOperation } from '../../shared/stacksets/model';

export interface LiveOperation {
  operation: StackSetOperation;
  progress: OperationProgress | null;
}

export const useStackSetsStore = defineStore('stacksets', () => {
  const api = useApi();
  const sets = ref<StackSetSummary[]>([]);
  const selected = ref<StackSetDetails | null>(null);
  const accounts = ref<StackSetAccountView[]>([]);
  const progress = ref<Record<string, OperationProgress>>({});
  const loading = ref(false);
  let subscribed = false;

  const selectedRef = computed(() =>
    selected.value ? { stack_set_name: selected.value.set.stack_set_name, stack_set_id: selected.value.set.stack_set_id } : null,
  );

  function subscribe(): void {
    if (subscribed) return;
    subscribed = true;
    api.on('stacksets.operation', (e) => {
      progress.value = { ...progress.value, [e.operation.stack_set_operation_id]: e.progress };
      if (selected.value?.set.stack_set_id === e.stack_set_id) void refreshSelected();
      else void refreshList();
    });
    api.on('stacksets.changed', () => void refreshList());
  }

  async function refreshList(): Promise<void> {
    sets.value = await api.invoke('stacksets.list', {});
  }

  async function load(): Promise<void> {
    subscribe();
    loading.value = true;
    try {
      await refreshList();
    } finally {
      loading.value = false;
    }
  }

  async function select(set: { stack_set_name: string; stack_set_id: string }): Promise<void> {
    selected.value = await api.invoke('stacksets.get', set);
    await loadProgress();
    await loadAccounts();
  }

  async function refreshSelected(): Promise<void> {
    if (!selectedRef.value) return;
    const next = await api.invoke('stacksets.get', selectedRef.value);
    if (next.set.stack_set_id === selected.value?.set.stack_set_id) selected.value = next;
    await refreshList();
  }

  /** Progress of operations still running when the set was opened (later ones come by event). */
  async function loadProgress(): Promise<void> {
    for (const op of selected.value?.operations ?? []) {
      if (progress.value[op.stack_set_operation_id]) continue;
      const d = await api.invoke('stacksets.operation', { stack_set_operation_id: op.stack_set_operation_id });
      progress.value = { ...progress.value, [op.stack_set_operation_id]: d.progress };
    }
  }

  async function loadAccounts(): Promise<void> {
    accounts.value = selected.value ? await api.invoke('stacksets.accounts', { profile_ids: selected.value.set.profile_ids }) : [];
  }

  async function create(request: RequestOf<'stacksets.create'>): Promise<void> {
    const details = await api.invoke('stacksets.create', request);
    await refreshList();
    await select({ stack_set_name: details.set.stack_set_name, stack_set_id: details.set.stack_set_id });
  }

  async function remove(): Promise<void> {
    if (!selectedRef.value) return;
    await api.invoke('stacksets.delete', selectedRef.value);
    selected.value = null;
    await refreshList();
  }

  /** Starts an operation on the selected set, pinned to its id (a re-created set is never touched by mistake). */
  async function operate(request: Omit<RequestOf<'stacksets.operate'>, 'stack_set_name' | 'stack_set_id'>): Promise<StackSetOperation> {
    if (!selectedRef.value) throw new Error('no stack set selected');
    const op = await api.invoke('stacksets.operate', { ...selectedRef.value, ...request });
    await refreshSelected();
    return op;
  }

  async function stop(operationId: string): Promise<void> {
    await api.invoke('stacksets.stop', { stack_set_operation_id: operationId });
    await refreshSelected();
  }

  async function operationInstances(operationId: string) {
    return api.invoke('stacksets.operation', { stack_set_operation_id: operationId });
  }

  async function profiles() {
    return api.invoke('stacksets.profiles', {});
  }

  /** Library templates a set can deploy: each with its newest version's id. */
  async function templates(): Promise<Array<{ name: string; systemKey: string | null; versionId: string; version: number }>> {
    const list = await api.invoke('library.list', {});
    const out = [];
    for (const tpl of list) {
      const d = await api.invoke('library.get', { id: tpl.id });
      out.push({ name: d.name, systemKey: d.systemKey ?? null, versionId: d.latest.id, version: d.latest.number });
    }
    return out;
  }

  async function accountsOf(profileIds: string[]): Promise<StackSetAccountView[]> {
    return api.invoke('stacksets.accounts', { profile_ids: profileIds });
  }

  return {
    sets,
    selected,
    accounts,
    progress,
    loading,
    load,
    select,
    create,
    remove,
    operate,
    stop,
    operationInstances,
    profiles,
    accountsOf,
    templates,
    refreshSelected,
  };
});
