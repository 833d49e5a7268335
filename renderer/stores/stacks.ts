// Stacks of the active cloud profile: the list (live status, filters, sort,
// paging, progress of stacks in progress), the selected stack's details,
// events, resources and template, kept live by the watcher's 'stack.changed'
// pushes. A lost cloud shows as offline/reconnecting (clouds store); when it
// comes back the timeline is re-read and merged, so nothing is missed or
// shown twice. Big arrays are shallow refs: they are replaced, never mutated.
import { defineStore } from 'pinia';
import { computed, nextTick, ref, shallowRef, watch } from 'vue';
import { stringify } from 'yaml';
import { useApi } from '../api/client';
import { useAppStore } from './app';
import { useCloudsStore } from './clouds';
import { useNavStore } from './nav';
import { i18n } from '../i18n';
import {
  isInProgress,
  type HeatEvent,
  type HeatResource,
  type StackChange,
  type StackDetails,
  type StackRef,
  type StackSummary,
} from '../../shared/cloud/heat-types';
import type { StackOrigin } from '../../shared/deploy/model';
import type { TemplateVersion } from '../../shared/library/model';
import type { StackDependent } from '../../shared/ipc/cloud.contract';
import { mergeEvents } from '../stacks/timeline';
import { resourceStack } from '../stacks/live-topology';
import { templateProperties, type ResourceDetail } from '../stacks/resource-detail';
import type { ActionProgress } from '../../shared/cloud/resource-phase';
import { applyResourceChanges, emptyProgressState, nextProgressState, progressOfState, type ProgressState } from './stack-progress';
import { heatReason } from '../stacks/heat-words';

export type SortKey = 'name' | 'status' | 'created' | 'updated';
export interface StackFilters {
  status: string;
  name: string;
  tag: string;
}
export const PAGE_SIZE = 25;
/** Nested stacks are followed this deep (ResourceGroup members, nested templates of nested templates). */
export const NESTED_DEPTH = 3;

// Written out, not built from `what`: the preload's allow-list is the set of
// channel names the renderer's sources spell (test/unit/shared/ipc/renderer-surface.test.ts).
const STACK_ACTIONS = {
  delete: 'cloud.stacks.delete',
  cancel: 'cloud.stacks.cancel',
  check: 'cloud.stacks.check',
  suspend: 'cloud.stacks.suspend',
  resume: 'cloud.stacks.resume',
} as const;

export const useStacksStore = defineStore('stacks', () => {
  const api = useApi();
  const app = useAppStore();
  const clouds = useCloudsStore();

  const stacks = shallowRef<StackSummary[]>([]);
  const stale = ref(false);
  const fetchedAt = ref<string | null>(null);
  const loading = ref(false);
  const filters = ref<StackFilters>({ status: '', name: '', tag: '' });
  const sort = ref<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'created', dir: 'desc' });
  const page = ref(0);
  /** Progress of each stack's current action, by stack id (what the list's bars and the header show). */
  const progress = ref<Record<string, ActionProgress>>({});
  const progressStates = new Map<string, ProgressState>();

  const selectedRef = ref<StackRef | null>(null);
  const details = shallowRef<StackDetails | null>(null);
  const events = shallowRef<HeatEvent[]>([]);
  const resources = shallowRef<HeatResource[]>([]);
  const templateYaml = ref<string | null>(null);
  const origin = ref<StackOrigin | null>(null);
  const originVersion = shallowRef<TemplateVersion | null>(null);
  const origins = ref<Record<string, StackOrigin>>({});
  /** Stack id -> the deployments using its resources as existing resources (seed 5.2), worked out by main from Heat. */
  const usedBy = ref<Record<string, StackDependent[]>>({});
  /** Stacks whose end the user wants to hear about (deployed or acted on here, or seen in progress). */
  const watched = new Set<string>();
  let subscribed = false;

  const profileId = computed(() => clouds.activeId);

  const filtered = computed(() => {
    const f = filters.value;
    const name = f.name.trim().toLowerCase();
    const tag = f.tag.trim().toLowerCase();
    const list = stacks.value.filter(
      (s) =>
        (!f.status || s.stack_status === f.status || s.stack_status.endsWith(`_${f.status}`)) &&
        (!name || s.stack_name.toLowerCase().includes(name)) &&
        (!tag || (s.tags ?? []).some((t) => t.toLowerCase().includes(tag))),
    );
    const key = (s: StackSummary): string =>
      sort.value.key === 'name'
        ? s.stack_name
        : sort.value.key === 'status'
          ? s.stack_status
          : sort.value.key === 'created'
            ? (s.creation_time ?? '')
            : (s.updated_time ?? s.creation_time ?? '');
    const dir = sort.value.dir === 'asc' ? 1 : -1;
    return [...list].sort((a, b) => dir * key(a).localeCompare(key(b)));
  });
  const pageCount = computed(() => Math.max(1, Math.ceil(filtered.value.length / PAGE_SIZE)));
  const visible = computed(() => filtered.value.slice(page.value * PAGE_SIZE, (page.value + 1) * PAGE_SIZE));
  const statuses = computed(() => [...new Set(stacks.value.map((s) => s.stack_status))].sort());

  watch([filters, sort], () => (page.value = 0), { deep: true });
  watch(profileId, () => {
    stacks.value = [];
    clear();
    void load().catch((err) => app.reportError(err));
  });

  function subscribe(): void {
    if (subscribed) return;
    subscribed = true;
    api.on('stack.changed', (c) => onChange(c));
    api.on('cloud.status', (s) => {
      // Back online: catch up on whatever happened while the cloud was away.
      if (s.online && s.profileId === profileId.value) void catchUp().catch(() => undefined);
    });
  }

  async function load(): Promise<void> {
    subscribe();
    const pid = profileId.value;
    if (!pid) return;
    loading.value = true;
    try {
      const r = await api.invoke('cloud.stacks.list', { profileId: pid, filters: {} });
      if (pid !== profileId.value) return;
      stacks.value = r.value;
      stale.value = r.stale;
      fetchedAt.value = r.fetchedAt;
      origins.value = Object.fromEntries((await api.invoke('deploy.origins', { profileId: pid })).map((o) => [o.stackId, o]));
      for (const s of r.value) if (isInProgress(s.stack_status)) void follow({ name: s.stack_name, id: s.id });
      // Reads every stack's template and resources: not awaited, the list shows first and the markers follow.
      if (!r.stale) void loadUsage(pid);
    } finally {
      loading.value = false;
    }
  }

  async function loadUsage(pid: string): Promise<void> {
    try {
      const map = await api.invoke('cloud.stacks.dependencies', { profileId: pid });
      if (pid === profileId.value) usedBy.value = map;
    } catch {
      // Only a marker: the delete itself is checked by main and says why when refused.
    }
  }

  /** Starts (or keeps) the watcher on a stack; its end will be announced. */
  async function follow(ref: StackRef): Promise<void> {
    const pid = profileId.value;
    if (!pid) return;
    watched.add(ref.id);
    await api.invoke('cloud.watch.start', { profileId: pid, stack: ref, nestedDepth: NESTED_DEPTH });
  }

  /** The list row of a stack takes the newest status read, whoever read it (watcher or a details read). */
  function setListStatus(stackId: string, status: string, reason: string | null): boolean {
    const i = stacks.value.findIndex((s) => s.id === stackId);
    if (i < 0) return false;
    if (stacks.value[i]!.stack_status !== status || stacks.value[i]!.stack_status_reason !== reason) {
      const next = [...stacks.value];
      next[i] = { ...next[i]!, stack_status: status, stack_status_reason: reason };
      stacks.value = next;
    }
    return true;
  }

  function onChange(c: StackChange): void {
    if (c.profileId !== profileId.value) return;
    if (c.gone) stacks.value = stacks.value.filter((s) => s.id !== c.stack.id);
    else if (c.status && !setListStatus(c.stack.id, c.status, c.statusReason)) void load();
    setProgress(c.stack.id, nextProgressState(progressStates.get(c.stack.id) ?? emptyProgressState(), c));

    if (selectedRef.value?.id === c.stack.id) {
      events.value = mergeEvents(events.value, c.events);
      if (c.resources) resources.value = c.resources;
      else if (c.resourceChanges.length) resources.value = applyResourceChanges(resources.value, c, selectedRef.value.id);
      if (details.value && c.status) details.value = { ...details.value, stack_status: c.status, stack_status_reason: c.statusReason };
      if (c.settled) void refreshDetails();
    }
    if (c.settled && watched.has(c.stack.id) && c.status) {
      watched.delete(c.stack.id);
      announce(c.stack.name, c.status, c.statusReason);
    }
  }

  function setProgress(stackId: string, state: ProgressState): void {
    progressStates.set(stackId, state);
    progress.value = { ...progress.value, [stackId]: progressOfState(state) };
  }

  /** An update this studio sends: the resources Heat's preview said it changes count from the start. */
  function expectChanges(stackId: string, names: ReadonlySet<string> | null): void {
    const state = progressStates.get(stackId) ?? emptyProgressState();
    setProgress(stackId, { ...state, expected: names });
  }

  function announce(name: string, status: string, reason: string | null): void {
    const failed = status.endsWith('_FAILED');
    if (!failed && !status.endsWith('_COMPLETE')) return;
    const text = i18n.global.t(failed ? 'stacks.notify.failed' : 'stacks.notify.complete', { name, status });
    // Heat's reason goes apart from the sentence, to be worded (heat-words) rather than shown raw.
    app.toast(failed ? 'error' : 'info', text, failed && reason ? reason : undefined);
    const worded = heatReason(reason, i18n.global.t);
    const N = (globalThis as { Notification?: typeof Notification }).Notification;
    if (N && N.permission === 'granted') new N(text, { body: worded ? [worded.text, worded.heatDetail].filter(Boolean).join(' ') : '' });
  }

  /** Desktop notifications need a user gesture to ask; deploy and actions ask. */
  function askNotificationPermission(): void {
    const N = (globalThis as { Notification?: typeof Notification }).Notification;
    if (N && N.permission === 'default') void N.requestPermission().catch(() => undefined);
  }

  function clear(): void {
    selectedRef.value = null;
    details.value = null;
    events.value = [];
    resources.value = [];
    templateYaml.value = null;
    origin.value = null;
    originVersion.value = null;
  }

  async function select(ref: StackRef): Promise<void> {
    const pid = profileId.value;
    if (!pid) return;
    clear();
    selectedRef.value = ref;
    const [d, ev, rs] = await Promise.all([
      api.invoke('cloud.stacks.show', { profileId: pid, stack: ref }),
      api.invoke('cloud.stacks.events', { profileId: pid, stack: ref, nestedDepth: NESTED_DEPTH }),
      api.invoke('cloud.stacks.resources', { profileId: pid, stack: ref, nestedDepth: NESTED_DEPTH }),
    ]);
    if (selectedRef.value?.id !== ref.id) return;
    details.value = d.value;
    // Just read: the list row must not lag behind the header until the watcher's next poll.
    if (d.value) setListStatus(ref.id, d.value.stack_status, d.value.stack_status_reason);
    events.value = mergeEvents([], ev.value);
    resources.value = rs.value;
    const shown = d.value;
    if (shown) {
      const known = progressStates.get(ref.id);
      setProgress(ref.id, {
        status: shown.stack_status,
        // The watcher's start (the stack's IN_PROGRESS event) is the more exact one when it has seen this action.
        actionStartedAt: known?.status === shown.stack_status && known.actionStartedAt ? known.actionStartedAt : (shown.updated_time ?? shown.creation_time),
        resources: rs.value,
        expected: known?.expected ?? null,
      });
    }
    origin.value = await api.invoke('deploy.origin', { profileId: pid, stackId: ref.id });
    if (origin.value) {
      originVersion.value = await api.invoke('library.getVersion', { id: origin.value.templateId, number: origin.value.templateVersion }).catch(() => null);
    }
    // Watch while open: live status even for a settled stack (someone else may update it).
    await follow(ref);
    if (!isInProgress(d.value?.stack_status)) watched.delete(ref.id);
  }

  /**
   * Drill-down from elsewhere (a stack set's instance): makes the profile and
   * region that reach the stack active, shows the Stacks screen and opens it.
   */
  async function open(pid: string, region: string | null, ref: StackRef): Promise<void> {
    if (!clouds.loaded) await clouds.load();
    if (clouds.activeId !== pid) {
      clouds.setActive(pid);
      await nextTick(); // the profile watcher clears the old profile's stack first
    }
    if (region && clouds.active?.region !== region) await clouds.setRegion(region);
    useNavStore().go('stacks');
    await load();
    await select(ref);
  }

  async function refreshDetails(): Promise<void> {
    const pid = profileId.value;
    const ref = selectedRef.value;
    if (!pid || !ref) return;
    const d = await api.invoke('cloud.stacks.show', { profileId: pid, stack: ref });
    if (selectedRef.value?.id !== ref.id) return;
    details.value = d.value;
    if (d.value) setListStatus(ref.id, d.value.stack_status, d.value.stack_status_reason);
  }

  async function catchUp(): Promise<void> {
    const pid = profileId.value;
    const ref = selectedRef.value;
    await load();
    if (!pid || !ref) return;
    const ev = await api.invoke('cloud.stacks.events', { profileId: pid, stack: ref, nestedDepth: NESTED_DEPTH });
    if (selectedRef.value?.id === ref.id) events.value = mergeEvents(events.value, ev.value);
    await refreshDetails();
  }

  /** The template Heat holds, as YAML (Heat answers JSON; key order is kept). */
  async function loadTemplate(): Promise<void> {
    const pid = profileId.value;
    const ref = selectedRef.value;
    if (!pid || !ref || templateYaml.value !== null) return;
    const t = await api.invoke('cloud.stacks.template', { profileId: pid, stack: ref });
    if (selectedRef.value?.id === ref.id) templateYaml.value = stringify(t, { lineWidth: 0 });
  }

  async function act(what: 'delete' | 'cancel' | 'check' | 'suspend' | 'resume'): Promise<void> {
    const pid = profileId.value;
    const ref = selectedRef.value;
    if (!pid || !ref) return;
    askNotificationPermission();
    await api.invoke(STACK_ACTIONS[what], { profileId: pid, stack: ref });
    await follow(ref);
    if (what === 'delete') void loadUsage(pid);
  }

  /**
   * A resource's attributes (one read of its stack's resources with detail) and
   * its properties as its stack's template writes them (Heat's API shows a
   * resource's resolved properties nowhere), for the topology inspector.
   */
  async function resourceDetail(stackId: string, name: string): Promise<ResourceDetail | null> {
    const pid = profileId.value;
    const top = selectedRef.value;
    if (!pid || !top) return null;
    const r = resources.value.find((x) => x.resource_name === name && resourceStack(x, top.id) === stackId);
    const href = r?.links.find((l) => l.rel === 'stack')?.href ?? '';
    const m = /\/stacks\/([^/]+)\/([^/]+)$/.exec(href);
    const ref = stackId === top.id ? top : m ? { name: decodeURIComponent(m[1]!), id: m[2]! } : null;
    if (!ref) return null;
    const [list, template] = await Promise.all([
      api.invoke('cloud.stacks.resources', { profileId: pid, stack: ref, withDetail: true }),
      api.invoke('cloud.stacks.template', { profileId: pid, stack: ref }).catch(() => null),
    ]);
    const found = list.value.find((x) => x.resource_name === name);
    if (!found) return null;
    return { attributes: { physical_resource_id: found.physical_resource_id, ...(found.attributes ?? {}) }, properties: templateProperties(template, name) };
  }

  return {
    resourceDetail,
    stacks,
    stale,
    fetchedAt,
    loading,
    filters,
    sort,
    page,
    pageCount,
    filtered,
    visible,
    statuses,
    progress,
    origins,
    usedBy,
    selectedRef,
    details,
    events,
    resources,
    templateYaml,
    origin,
    originVersion,
    load,
    select,
    open,
    follow,
    expectChanges,
    refreshDetails,
    loadTemplate,
    act,
    catchUp,
    askNotificationPermission,
    announce,
  };
});
