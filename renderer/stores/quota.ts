// The editor's quota panel: the active cloud's quota (the last known first,
// offline too, then read now), the canvas counted locally as it changes
// (debounced; shared/quota/count.ts), and the verdict used + canvas against
// the limit. The quota is read again on demand and when a stack of this
// cloud settles (a deploy finished, usage moved).
import { defineStore } from 'pinia';
import { uiErrorText } from '../i18n/ui-error';
import { computed, ref, shallowRef, watch } from 'vue';
import { useApi } from '../api/client';
import { useCloudsStore } from './clouds';
import { useEditorStore } from './editor';
import { countTemplate, emptyCount, type CanvasCount } from '../../shared/quota/count';
import { quotaVerdict } from '../../shared/quota/verdict';
import type { QuotaReport } from '../../shared/quota/model';
import { sandboxEnvironmentYaml } from '../../shared/cloud/sandbox-environment';

/** Counting is local and cheap, but a keystroke in the YAML should not recount at once. */
const RECOUNT_MS = 250;
/** Several stacks settling together trigger one read. */
const REREAD_MS = 1500;

export const useQuotaStore = defineStore('quota', () => {
  const api = useApi();
  const clouds = useCloudsStore();
  const editor = useEditorStore();
  const report = shallowRef<QuotaReport | null>(null);
  const count = shallowRef<CanvasCount>(emptyCount());
  const reading = ref(false);
  const error = ref<string | null>(null);
  const check = computed(() => quotaVerdict(count.value, report.value));
  /**
   * The template the count belongs to (undefined: nothing counted yet). The
   * panel gates deploys: while it differs from the open template the panel
   * says "counting…" and shows no numbers, never another template's.
   */
  const countedTemplate = shallowRef<string | null | undefined>(undefined);
  const counting = computed(() => countedTemplate.value === undefined || countedTemplate.value !== editor.templateId);
  let started = false;
  let recountTimer: ReturnType<typeof setTimeout> | null = null;
  let rereadTimer: ReturnType<typeof setTimeout> | null = null;
  /** Which read is current: a profile switch mid-read drops the older answer. */
  let generation = 0;

  function recount(): void {
    const project = editor.projectFiles();
    const environments = [project.environment, clouds.active?.sandbox ? sandboxEnvironmentYaml() : null].filter((e): e is string => !!e);
    count.value = countTemplate({
      // While the YAML does not parse the canvas shows the last good version: so does the count.
      yaml: editor.entryDoc.good.text,
      parsed: editor.entryDoc.good,
      entryPath: project.entryPath,
      files: project.files,
      environments,
      flavors: report.value?.flavors ?? null,
    });
    countedTemplate.value = editor.templateId;
  }

  function scheduleRecount(): void {
    if (recountTimer) clearTimeout(recountTimer);
    recountTimer = setTimeout(() => {
      recountTimer = null;
      recount();
    }, RECOUNT_MS);
  }

  /** The last known quota at once (no network), then the cloud's answer. */
  async function load(): Promise<void> {
    const profileId = clouds.activeId;
    const mine = ++generation;
    report.value = null;
    error.value = null;
    if (!profileId) return recount();
    try {
      const last = await api.invoke('quota.lastKnown', { profileId });
      if (mine === generation && last) report.value = last;
    } catch {
      // nothing cached is the same as never read; the read below says why if it fails
    }
    recount();
    await read();
  }

  async function read(): Promise<void> {
    const profileId = clouds.activeId;
    if (!profileId) return;
    const mine = generation;
    reading.value = true;
    error.value = null;
    try {
      const r = await api.invoke('quota.read', { profileId });
      if (mine === generation) report.value = r;
    } catch (err) {
      if (mine === generation) error.value = uiErrorText(err);
    } finally {
      if (mine === generation) reading.value = false;
      recount();
    }
  }

  // The watchers live in the store's own scope, not in the panel's: start()
  // runs from the panel's onMounted, and a watcher made there is stopped when
  // the panel unmounts (going back to the library), so the next template
  // opened was never counted: the panel kept the previous one's numbers.
  // Another template opened: counted at once, before the panel renders (a
  // 'pre' watcher); edits of the same one are debounced.
  watch(
    // The entry, or a nested file edited in its tab (the count multiplies its resources).
    [() => editor.entryDoc, () => editor.doc],
    () => {
      if (!started) return;
      if (editor.templateId !== countedTemplate.value) recount();
      else scheduleRecount();
    },
  );
  watch(
    () => [clouds.activeId, clouds.active?.region, clouds.active?.sandbox] as const,
    () => started && void load(),
  );

  function start(): void {
    if (started) return;
    started = true;
    api.on('stack.changed', (c) => {
      if (!c.settled || c.profileId !== clouds.activeId) return;
      if (rereadTimer) clearTimeout(rereadTimer);
      rereadTimer = setTimeout(() => void read(), REREAD_MS);
    });
    void (clouds.loaded ? Promise.resolve() : clouds.load()).then(load, () => load());
  }

  return { report, count, check, counting, reading, error, start, read, recount };
});
