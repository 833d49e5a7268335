// better-sqlite3 is a native module built for one runtime at a time. Tests
// and the browser host run it under Node (node_modules' build); the desktop
// app needs a build for Electron's ABI. `npm start` keeps that second build
// in .native/electron-<version>/ so both work from one clone in either order;
// packaged apps get theirs from electron-builder and need no override.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function electronNativeBindingPath(repoRoot: string, electronVersion: string): string {
  return join(repoRoot, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

export function resolveNativeBinding(opts: { packaged: boolean; repoRoot: string; electronVersion: string }): string | undefined {
  if (opts.packaged) return undefined;
  const path = electronNativeBindingPath(opts.repoRoot, opts.electronVersion);
  return existsSync(path) ? path : undefined;
}
