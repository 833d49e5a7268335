// Remembers the window's size, position and maximized state in a small JSON
// file in the data dir. A saved position that is no longer on any display
// (a monitor was unplugged) is dropped, so the window never opens off-screen.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false };

export function loadWindowState(dataDir: string, displays: Rect[]): WindowState {
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'));
  } catch {
    return { ...DEFAULT_STATE };
  }
  return sanitize(saved, displays);
}

export function sanitize(saved: unknown, displays: Rect[]): WindowState {
  if (!saved || typeof saved !== 'object') return { ...DEFAULT_STATE };
  const s = saved as Record<string, unknown>;
  const num = (v: unknown, min: number, max: number): number | undefined =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? Math.round(v) : undefined;
  const width = num(s.width, 640, 10_000) ?? DEFAULT_STATE.width;
  const height = num(s.height, 480, 10_000) ?? DEFAULT_STATE.height;
  const x = num(s.x, -100_000, 100_000);
  const y = num(s.y, -100_000, 100_000);
  const state: WindowState = { width, height, maximized: s.maximized === true };
  if (x !== undefined && y !== undefined && displays.some((d) => overlaps({ x, y, width, height }, d))) {
    state.x = x;
    state.y = y;
  }
  return state;
}

function overlaps(a: Rect, b: Rect): boolean {
  // At least a 100 px square of the title bar area must be visible.
  return a.x + 100 <= b.x + b.width && a.x + a.width - 100 >= b.x && a.y >= b.y && a.y + 100 <= b.y + b.height;
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  try {
    writeFileSync(join(dataDir, 'window-state.json'), JSON.stringify(state));
  } catch {
    // Losing the window position is not worth an error dialog.
  }
}
