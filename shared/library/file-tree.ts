// A template's files as a tree: the entry first, each nested template (a
// resource `type: x.yaml`, a ResourceGroup / AutoScalingGroup resource_def
// using one) and each get_file under the file that references it, in the
// order the references appear. A file reached twice is listed once (first
// reference); files nothing references are listed after the tree, so every
// file a version holds is visible. Pure: the library details pane and the
// editor both draw it.
import { plainValue } from './file-set';
import { dirname, joinPath, normalize } from '../hot/paths';

export type FileRole = 'entry' | 'template' | 'file' | 'unreferenced';

export interface FileTreeNode {
  path: string;
  role: FileRole;
  /** A HOT template the editor can open as a tab (canvas + YAML). */
  template: boolean;
  /** What references it: the resource (in the parent file) and how. */
  via?: { resource: string | null; how: 'type' | 'resource_def' | 'get_file' };
  children: FileTreeNode[];
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
const TEMPLATE_FILE = /\.(yaml|template)$/;

export function isHotText(text: string): boolean {
  const v = plainValue(text);
  return !!v && typeof v === 'object' && !Array.isArray(v) && 'heat_template_version' in (v as object);
}

interface Ref {
  ref: string;
  resource: string | null;
  how: 'type' | 'resource_def' | 'get_file';
}

/** File references of one template, in document order, with the resource they sit in. */
export function fileRefsOf(text: string): Ref[] {
  const v = plainValue(text);
  const out: Ref[] = [];
  if (!v || typeof v !== 'object' || Array.isArray(v)) return out;
  const walk = (data: unknown, resource: string | null, depth: number): void => {
    if (depth > 200) return;
    if (Array.isArray(data)) {
      for (const x of data) walk(x, resource, depth + 1);
      return;
    }
    if (!data || typeof data !== 'object') return;
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      if (key === 'get_file' && typeof value === 'string') out.push({ ref: value, resource, how: 'get_file' });
      else walk(value, resource, depth + 1);
    }
  };
  for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
    if (key !== 'resources' || !value || typeof value !== 'object') {
      walk(value, null, 0);
      continue;
    }
    for (const [name, def] of Object.entries(value as Record<string, unknown>)) {
      if (!def || typeof def !== 'object') continue;
      const d = def as Record<string, unknown>;
      if (typeof d.type === 'string' && TEMPLATE_FILE.test(d.type)) out.push({ ref: d.type, resource: name, how: 'type' });
      const props = d.properties as Record<string, unknown> | undefined;
      const rd = props && typeof props === 'object' ? (props.resource_def ?? props.resource) : undefined;
      if (
        rd &&
        typeof rd === 'object' &&
        typeof (rd as Record<string, unknown>).type === 'string' &&
        TEMPLATE_FILE.test((rd as Record<string, string>).type as string)
      ) {
        out.push({ ref: (rd as Record<string, string>).type as string, resource: name, how: 'resource_def' });
      }
      walk(d, name, 0);
    }
  }
  return out;
}

/** The path a reference in `from` names (from the version's root), or null for a URL or outside the root. */
export function resolveRef(from: string, ref: string): string | null {
  if (URL_LIKE.test(ref)) return null;
  const base = dirname(from);
  const path = base === '.' ? normalize(ref) : joinPath(base, ref);
  return path.startsWith('..') || path.startsWith('/') ? null : path;
}

/** The tree of a version's files: the entry at the root, then files nothing references. */
export function fileTree(entryPath: string, entryText: string, files: Readonly<Record<string, string>>): FileTreeNode[] {
  const seen = new Set<string>([entryPath]);
  const build = (path: string, text: string, role: FileRole, via?: FileTreeNode['via']): FileTreeNode => {
    const template = role === 'entry' || isHotText(text);
    const node: FileTreeNode = { path, role, template, children: [] };
    if (via) node.via = via;
    // Once every file is placed no reference can add a child: a one-file template is not parsed again
    // (5,000 resources: ~0.8 s of YAML before the editor's first frame).
    if (!template || Object.keys(files).every((p) => seen.has(p))) return node;
    // A file's own references are claimed before any child's: the nearest referrer owns a shared file.
    const mine: { p: string; r: Ref }[] = [];
    for (const r of fileRefsOf(text)) {
      const p = resolveRef(path, r.ref);
      if (!p || seen.has(p) || files[p] === undefined) continue;
      seen.add(p);
      mine.push({ p, r });
    }
    for (const { p, r } of mine)
      node.children.push(build(p, files[p] as string, r.how === 'get_file' ? 'file' : 'template', { resource: r.resource, how: r.how }));
    return node;
  };
  const root = build(entryPath, entryText, 'entry');
  const rest = Object.keys(files)
    .filter((p) => !seen.has(p))
    .sort()
    .map((p): FileTreeNode => ({ path: p, role: 'unreferenced', template: isHotText(files[p] as string), children: [] }));
  return [root, ...rest];
}

/** The tree in display order, each with its depth (for an indented list). */
export function flattenTree(nodes: readonly FileTreeNode[], depth = 0): { node: FileTreeNode; depth: number }[] {
  return nodes.flatMap((n) => [{ node: n, depth }, ...flattenTree(n.children, depth + 1)]);
}

/** The nested template file a resource of `file` uses (its type or its group's resource_def), if the version holds it. */
export function nestedFileOf(file: string, text: string, resource: string, files: Readonly<Record<string, string>>): string | null {
  for (const r of fileRefsOf(text)) {
    if (r.resource !== resource || r.how === 'get_file') continue;
    const p = resolveRef(file, r.ref);
    if (p && files[p] !== undefined) return p;
  }
  return null;
}
