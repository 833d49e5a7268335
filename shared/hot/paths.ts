// POSIX-style path helpers for file references inside templates. Pure (no
// node:path) so the renderer can resolve nested files too.
export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return p.slice(0, i);
}

export function normalize(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(seg);
  }
  const s = out.join('/');
  return abs ? `/${s}` : s || '.';
}

export function joinPath(base: string, rel: string): string {
  if (rel.startsWith('/')) return normalize(rel);
  return normalize(`${base}/${rel}`);
}

/** True when `p` is `root` or inside it (both normalised). */
export function isInside(root: string, p: string): boolean {
  const r = normalize(root);
  const n = normalize(p);
  if (r === '.') return !n.startsWith('..') && !n.startsWith('/');
  return n === r || n.startsWith(r.endsWith('/') ? r : `${r}/`);
}
