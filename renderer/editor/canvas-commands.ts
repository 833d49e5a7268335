// Keyboard shortcuts and small canvas helpers of the editor view, pure or
// DOM-light so the mapping from keys to commands is testable.
import type { Topology } from '../../shared/topology/model';
import type { Direction } from './spatial-select';

export interface EditorCommands {
  undo(): void;
  redo(): void;
  delete(): void;
  copy(): void;
  paste(): void;
  save(): void;
  search(): void;
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  layout(): void;
  connect(): void;
  alignRow(): void;
  alignColumn(): void;
  focus(): void;
  escape(): void;
  selectAll(): void;
  collapse(): void;
  nudge(dx: number, dy: number): void;
  /** Select the nearest node in that direction (spatial-select.ts). */
  selectToward(dir: Direction): void;
  /** F2: the inspector's name field, to rename the selected node. */
  rename(): void;
  /** Enter: the inspector's first field of the selected node. */
  inspect(): void;
}

function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return !!el.closest('input, textarea, select, .cm-editor, dialog');
}

function onControl(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && typeof el.closest === 'function' && !!el.closest('button, a, [role=tab], [role=option], summary');
}

/** Routes a keydown to a command. Text fields keep their keys, except Ctrl+S and Ctrl+F. */
export function handleEditorKey(ev: KeyboardEvent, c: EditorCommands): boolean {
  const mod = ev.ctrlKey || ev.metaKey;
  const key = ev.key.toLowerCase();
  const run = (f: () => void): boolean => {
    ev.preventDefault();
    f();
    return true;
  };
  if (mod && key === 's') return run(() => c.save());
  if (mod && key === 'f') return run(() => c.search());
  if (inTextField(ev.target)) return false;
  if (mod && key === 'z') return run(() => (ev.shiftKey ? c.redo() : c.undo()));
  if (mod && key === 'y') return run(() => c.redo());
  if (mod && key === 'c') return run(() => c.copy());
  if (mod && key === 'v') return run(() => c.paste());
  if (mod && key === 'a') return run(() => c.selectAll());
  if (mod) return false;
  const step = ev.shiftKey ? 50 : 10;
  // Arrows walk the selection from node to node; with Alt they move the selected nodes.
  const arrows: Record<string, [Direction, number, number]> = {
    ArrowLeft: ['left', -step, 0],
    ArrowRight: ['right', step, 0],
    ArrowUp: ['up', 0, -step],
    ArrowDown: ['down', 0, step],
  };
  const arrow = arrows[ev.key];
  if (arrow) return run(() => (ev.altKey ? c.nudge(arrow[1], arrow[2]) : c.selectToward(arrow[0])));
  switch (ev.key) {
    case 'Delete':
    case 'Backspace':
      return run(() => c.delete());
    case 'F2':
      return run(() => c.rename());
    case 'Enter':
      // Enter on a button or a tab presses it; only on the canvas (or nothing focused) it opens the inspector.
      return onControl(ev.target) ? false : run(() => c.inspect());
    case 'Escape':
      return run(() => c.escape());
    case '+':
    case '=':
      return run(() => c.zoomIn());
    case '-':
      return run(() => c.zoomOut());
  }
  const letters: Record<string, () => void> = { f: c.fit, l: c.layout, c: c.connect, h: c.alignRow, v: c.alignColumn, n: c.focus, g: c.collapse };
  const f = letters[key];
  return f ? run(f) : false;
}

/** Nodes whose name or type contains the query (case-insensitive). */
export function searchNodes(topo: Topology, query: string): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  return topo.nodes.filter((n) => n.name.toLowerCase().includes(q) || n.type.toLowerCase().includes(q)).map((n) => n.id);
}

/** The selected nodes and everything one edge away. */
export function neighbourhood(topo: Topology, ids: readonly string[]): Set<string> {
  const keep = new Set(ids);
  for (const e of topo.edges) {
    if (ids.includes(e.source)) keep.add(e.target);
    if (ids.includes(e.target)) keep.add(e.source);
  }
  return keep;
}

export function downloadUrl(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
