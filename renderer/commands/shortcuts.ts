// Every keyboard shortcut of the studio, in one table: the "?" sheet lists
// it and the command palette shows an action's keys from it. Keys are
// written with `Mod` for Ctrl (⌘ on macOS).

export type ShortcutScope = 'global' | 'editor' | 'dialogs';

export interface Shortcut {
  /** One or more key combinations, any of which works. */
  keys: readonly string[];
  /** i18n key of what it does, under keyboard.shortcuts. */
  what: string;
  scope: ShortcutScope;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Mod+K', 'Mod+Shift+P', 'F1'], what: 'palette', scope: 'global' },
  { keys: ['?'], what: 'sheet', scope: 'global' },
  { keys: ['Tab', 'Shift+Tab'], what: 'tab', scope: 'global' },
  // The File menu's keys: the desktop app's menu has them (a browser keeps Ctrl+N and Ctrl+O for itself).
  { keys: ['Mod+N'], what: 'newTemplate', scope: 'global' },
  { keys: ['Mod+O'], what: 'importTemplates', scope: 'global' },
  { keys: ['Mod+E'], what: 'exportTemplate', scope: 'global' },
  { keys: ['Esc'], what: 'closeDialog', scope: 'dialogs' },
  { keys: ['↑', '↓'], what: 'chooseInList', scope: 'dialogs' },
  { keys: ['Enter'], what: 'runChosen', scope: 'dialogs' },
  { keys: ['↑', '↓', '←', '→'], what: 'moveSelection', scope: 'editor' },
  { keys: ['Alt+↑', 'Alt+↓', 'Alt+←', 'Alt+→'], what: 'nudge', scope: 'editor' },
  { keys: ['Enter'], what: 'openInspector', scope: 'editor' },
  { keys: ['F2'], what: 'rename', scope: 'editor' },
  { keys: ['C'], what: 'connect', scope: 'editor' },
  { keys: ['Enter'], what: 'addFromPalette', scope: 'editor' },
  { keys: ['Esc'], what: 'deselect', scope: 'editor' },
  // CodeMirror keeps Tab for indenting; Esc then Tab moves on, as it documents.
  { keys: ['Esc Tab'], what: 'leaveYaml', scope: 'editor' },
  { keys: ['Delete', 'Backspace'], what: 'delete', scope: 'editor' },
  { keys: ['Mod+Z'], what: 'undo', scope: 'editor' },
  { keys: ['Mod+Shift+Z', 'Mod+Y'], what: 'redo', scope: 'editor' },
  { keys: ['Mod+C'], what: 'copy', scope: 'editor' },
  { keys: ['Mod+V'], what: 'paste', scope: 'editor' },
  { keys: ['Mod+A'], what: 'selectAll', scope: 'editor' },
  { keys: ['Mod+S'], what: 'save', scope: 'editor' },
  { keys: ['Mod+F'], what: 'search', scope: 'editor' },
  { keys: ['F'], what: 'fit', scope: 'editor' },
  { keys: ['+', '-'], what: 'zoom', scope: 'editor' },
  { keys: ['L'], what: 'layout', scope: 'editor' },
  { keys: ['H'], what: 'alignRow', scope: 'editor' },
  { keys: ['V'], what: 'alignColumn', scope: 'editor' },
  { keys: ['N'], what: 'focus', scope: 'editor' },
  { keys: ['G'], what: 'collapse', scope: 'editor' },
  { keys: ['F12'], what: 'definition', scope: 'editor' },
];

export function isMac(): boolean {
  const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string } }) | undefined;
  const platform = nav?.userAgentData?.platform ?? nav?.platform ?? '';
  return /mac/i.test(platform);
}

/** A key combination as shown: `Mod+K` is `Ctrl+K`, or `⌘K` on macOS. */
export function showKeys(keys: string, mac = isMac()): string {
  if (!mac) return keys.replace(/\bMod\b/g, 'Ctrl');
  return keys
    .replace(/\bMod\+/g, '⌘')
    .replace(/\bShift\+/g, '⇧')
    .replace(/\bAlt\+/g, '⌥');
}

/** Ctrl+K, Ctrl+Shift+P (Cmd on macOS) or F1: the command palette. */
export function isPaletteKey(ev: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  const mod = ev.ctrlKey || ev.metaKey;
  const key = ev.key.toLowerCase();
  if (ev.key === 'F1' && !mod && !ev.altKey) return true;
  if (!mod || ev.altKey) return false;
  return (key === 'k' && !ev.shiftKey) || (key === 'p' && ev.shiftKey);
}

/** Focus in a place where typing "?" means a question mark. */
export function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return !!el.closest('input, textarea, select, [contenteditable=""], [contenteditable=true], .cm-editor');
}

/** "?" (Shift+/ on most layouts) outside text fields: the shortcut sheet. */
export function isSheetKey(ev: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): boolean {
  return ev.key === '?' && !ev.ctrlKey && !ev.metaKey && !ev.altKey && !inTextField(ev.target);
}
