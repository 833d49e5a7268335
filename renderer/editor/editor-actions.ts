// The editor's actions in the command palette (issue 19): add any palette
// entry or catalog type (on the selected resource when the seed's rules let it
// go there, else at the centre of the canvas), select a resource by name,
// connect the selected resource to one of the targets the rules allow (the
// same list a drag highlights), and every toolbar command. Each edit goes
// through the editor store, so it is one undo step.
import { PALETTE, allTypeItems } from '../../shared/topology/palette';
import { useEditorStore } from '../stores/editor';
import { literal, msg, useActions, type Label, type PaletteAction } from '../commands/registry';
import type { Point } from '../canvas/layout';

/** What the view lends the actions: its canvas and the commands its keys run. */
export interface EditorActionHost {
  viewportCenter(): Point;
  select(ids: string[]): void;
  commands: Record<
    | 'undo'
    | 'redo'
    | 'delete'
    | 'copy'
    | 'paste'
    | 'save'
    | 'search'
    | 'fit'
    | 'zoomIn'
    | 'zoomOut'
    | 'layout'
    | 'alignRow'
    | 'alignColumn'
    | 'focus'
    | 'collapse'
    | 'rename'
    | 'inspect',
    () => unknown
  >;
  exportPng(): void;
  exportSvg(): void;
}

/** Toolbar commands with their key (shortcuts.ts notation). */
const COMMANDS: ReadonlyArray<[keyof EditorActionHost['commands'], string | undefined]> = [
  ['undo', 'Mod+Z'],
  ['redo', 'Mod+Shift+Z'],
  ['delete', 'Delete'],
  ['copy', 'Mod+C'],
  ['paste', 'Mod+V'],
  ['save', 'Mod+S'],
  ['search', 'Mod+F'],
  ['fit', 'F'],
  ['zoomIn', '+'],
  ['zoomOut', '-'],
  ['layout', 'L'],
  ['alignRow', 'H'],
  ['alignColumn', 'V'],
  ['focus', 'N'],
  ['collapse', 'G'],
  ['rename', 'F2'],
  ['inspect', 'Enter'],
];

export function useEditorActions(host: EditorActionHost): void {
  const editor = useEditorStore();
  const group = (g: string): Label => msg(`keyboard.groups.${g}`);

  /** Adds a palette item on the one selected node if the rules allow it there, else at the canvas centre. */
  function add(itemId: string): void {
    const targets = editor.targetsForItem(itemId);
    const sel = editor.selection.length === 1 ? editor.selection[0] : undefined;
    const on = sel && targets?.has(sel) ? sel : null;
    editor.drop(itemId, on, on ? undefined : host.viewportCenter());
    host.select(editor.selection);
  }

  useActions('editor', () => {
    if (!editor.templateId) return [];
    const out: PaletteAction[] = [];
    for (const g of PALETTE) {
      for (const item of g.items) {
        out.push({
          id: `editor.add:${item.id}`,
          title: msg('keyboard.actions.add', { name: msg(`editor.palette.items.${item.id}`) }),
          group: group('add'),
          keywords: [item.type],
          run: () => add(item.id),
        });
      }
    }
    for (const item of allTypeItems()) {
      out.push({ id: `editor.add:${item.id}`, title: msg('keyboard.actions.addType', { type: item.type }), group: group('add'), run: () => add(item.id) });
    }
    const sel = editor.selection.length === 1 ? editor.doc.topology.byId.get(editor.selection[0] as string) : undefined;
    if (sel) {
      for (const to of editor.targetsFrom(sel.id)) {
        const target = editor.doc.topology.byId.get(to);
        if (!target) continue;
        out.push({
          id: `editor.connect:${to}`,
          title: msg('keyboard.actions.connectTo', { from: sel.name, to: target.name }),
          group: group('editor'),
          keywords: [target.type],
          run: () => editor.connect(sel.id, to),
        });
      }
    }
    for (const n of editor.doc.topology.nodes) {
      out.push({
        id: `editor.select:${n.id}`,
        title: msg('keyboard.actions.select', { name: literal(n.name) }),
        group: group('select'),
        keywords: [n.type],
        run: () => host.select([n.id]),
      });
    }
    for (const [what, shortcut] of COMMANDS) {
      out.push({ id: `editor.${what}`, title: msg(`keyboard.actions.${what}`), group: group('editor'), shortcut, run: host.commands[what] });
    }
    out.push({ id: 'editor.exportPng', title: msg('keyboard.actions.exportPng'), group: group('editor'), run: () => host.exportPng() });
    out.push({ id: 'editor.exportSvg', title: msg('keyboard.actions.exportSvg'), group: group('editor'), run: () => host.exportSvg() });
    return out;
  });
}
