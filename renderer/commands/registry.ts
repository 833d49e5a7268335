// The registry of actions the command palette searches. Each screen (and the
// app itself, for the global ones) registers its actions with one call,
// `useActions(scope, () => [...])`, from its setup: they are listed while the
// component is mounted and dropped when it unmounts. The list is a getter, read
// when the palette opens, so it reflects the screen's state at that moment
// (the templates in the library, the nodes on the canvas, what is selected).
import { defineStore } from 'pinia';
import { getCurrentInstance, onBeforeUnmount, ref, shallowRef } from 'vue';
import { i18n } from '../i18n';
import { LOCALES, type Locale } from '../../shared/ipc/app.contract';
import { pushRecent } from './match';

/** A text in one language; the palette asks for every language so either one matches. */
export type Label = (locale: Locale) => string;

export interface PaletteAction {
  /** Stable id (for the recent list and tests): `scope.what[:which]`. */
  id: string;
  title: Label;
  /** Where it belongs, shown beside it ("Editor", "Library"...). */
  group: Label;
  /** The keys that run it, as shown (see shortcuts.ts: `Mod` is Ctrl, or ⌘ on macOS). */
  shortcut?: string;
  /** More words it is found by (a HOT type, a resource name), in no particular language. */
  keywords?: readonly string[];
  run: () => unknown;
}

export type ActionSource = () => readonly PaletteAction[];

const RECENT_KEY = 'heat-studio.recentActions';

function loadRecent(): string[] {
  try {
    const v = JSON.parse(globalThis.localStorage?.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** A label from the i18n tables, in the language asked for (params may themselves be labels). */
export function msg(key: string, params: Record<string, string | number | Label> = {}): Label {
  return (locale) => {
    const resolved = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'function' ? v(locale) : v]));
    return i18n.global.t(key, resolved, { locale });
  };
}

/** A label that reads the same in every language (a resource name, a stack name). */
export function literal(text: string): Label {
  return () => text;
}

/** Every language's text of a label, the UI's first. */
export function allNames(label: Label, first: Locale): string[] {
  return [first, ...LOCALES.filter((l) => l !== first)].map((l) => label(l));
}

export const useCommandStore = defineStore('commands', () => {
  const sources = shallowRef<ReadonlyMap<string, ActionSource>>(new Map());
  const recent = ref<string[]>(loadRecent());
  /** Which of the two global sheets is open. */
  const paletteOpen = ref(false);
  const sheetOpen = ref(false);

  function register(scope: string, source: ActionSource): () => void {
    const next = new Map(sources.value);
    next.set(scope, source);
    sources.value = next;
    return () => {
      if (sources.value.get(scope) !== source) return;
      const rest = new Map(sources.value);
      rest.delete(scope);
      sources.value = rest;
    };
  }

  /** Every registered action now, global ones last (a screen's own actions come first). */
  function actions(): PaletteAction[] {
    const all = [...sources.value.entries()];
    all.sort(([a], [b]) => (a === 'global' ? 1 : 0) - (b === 'global' ? 1 : 0));
    return all.flatMap(([, source]) => [...source()]);
  }

  async function run(action: PaletteAction): Promise<void> {
    recent.value = pushRecent(recent.value, action.id);
    try {
      globalThis.localStorage?.setItem(RECENT_KEY, JSON.stringify(recent.value));
    } catch {
      // no storage: recent actions last for this session
    }
    await action.run();
  }

  /** Only actions whose id starts with this are listed (C: the connect targets); '' lists all. */
  const only = ref('');
  function openPalette(idPrefix = ''): void {
    only.value = idPrefix;
    sheetOpen.value = false;
    paletteOpen.value = true;
  }
  function openSheet(): void {
    paletteOpen.value = false;
    sheetOpen.value = true;
  }

  return { sources, recent, paletteOpen, sheetOpen, only, register, actions, run, openPalette, openSheet };
});

/** Registers a screen's actions for as long as the calling component is mounted. */
export function useActions(scope: string, source: ActionSource): void {
  const store = useCommandStore();
  const dispose = store.register(scope, source);
  if (getCurrentInstance()) onBeforeUnmount(dispose);
}
