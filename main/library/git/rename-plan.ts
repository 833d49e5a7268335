// Which files a git template's rename moves. A template's name is its
// entry's path; its nested files and environment are referenced from the
// entry's folder by relative paths that the studio never rewrites (the files
// stay byte for byte). So the files under the entry's folder move with it,
// keeping their place relative to it, and files reached outside that folder
// stay. The rename is refused when that would break a reference (a file
// that stays is no longer at the same relative path from one that moves) or
// move a file another template uses too.
import { posix } from 'node:path';
import type { RepositoryScan } from './template-grouping';

export interface Move {
  from: string;
  to: string;
}

export type RenamePlan = { moves: Move[] } | { refused: 'shared'; path: string; other: string } | { refused: 'reference'; path: string; ref: string };

export function planRename(scan: RepositoryScan, from: string, to: string): RenamePlan {
  const group = scan.groups.find((g) => g.entryPath === from);
  const files = [from, ...(group?.nested ?? []), ...(group?.environmentPath ? [group.environmentPath] : [])];
  const fromDir = posix.dirname(from);
  const toDir = posix.dirname(to);
  const inFolder = (f: string): boolean => fromDir === '.' || f.startsWith(`${fromDir}/`);
  const moved = (f: string): string => (f === from ? to : inFolder(f) ? posix.join(toDir, posix.relative(fromDir, f)) : f);

  const moves = files.map((f) => ({ from: f, to: moved(f) })).filter((m) => m.from !== m.to);
  for (const m of moves) {
    if (m.from === from) continue;
    const other = scan.groups.find((g) => g.entryPath !== from && (g.entryPath === m.from || g.nested.includes(m.from) || g.environmentPath === m.from));
    if (other) return { refused: 'shared', path: m.from, other: other.entryPath };
  }
  // Every reference between the template's files must read the same from where each file ends up.
  for (const src of files) {
    for (const ref of scan.scanned.get(src)?.refs ?? []) {
      if (posix.relative(posix.dirname(src), ref) !== posix.relative(posix.dirname(moved(src)), moved(ref))) return { refused: 'reference', path: src, ref };
    }
  }
  return { moves };
}
