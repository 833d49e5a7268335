// Which files of a repository are library templates. A HOT template (a
// top-level heat_template_version) is an *entry* unless another template
// references it (`type: x.yaml`, `get_file: x`): then it is a nested file of
// that entry, as Heat would see it. Environments (resource_registry,
// parameter_defaults... and no heat_template_version) go with the entry whose
// files their registry maps to, else with the only entry of their folder.
// A ring of templates that only reference each other still gets one entry
// (its first path), so no template is ever hidden.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { parse } from 'yaml';
import { noPause, type Pause } from './time-slices';

export interface TemplateGroup {
  /** Repository-relative, '/'-separated. */
  entryPath: string;
  /** Every file the entry reaches (nested templates, get_file targets), sorted; not the entry itself. */
  nested: string[];
  environmentPath: string | null;
}

const SKIPPED_DIRS = new Set(['.git', '.heat-studio', 'node_modules']);
const YAML_FILE = /\.(ya?ml|template)$/i;
const ENV_KEYS = new Set(['resource_registry', 'parameter_defaults', 'parameters', 'encrypted_param_names', 'event_sinks', 'parameter_merge_strategies']);
const FILE_MAX = 2 * 1024 * 1024;

export interface Scanned {
  kind: 'hot' | 'environment';
  refs: string[];
}

export interface RepositoryScan {
  groups: TemplateGroup[];
  /** Each template or environment file's kind and the repository files it references. */
  scanned: Map<string, Scanned>;
}

/**
 * Groups the templates found under `root` (a working copy). Each file is
 * read and parsed between `pause()`s, so a large repository's scan leaves the
 * event loop free for the requests that come meanwhile. (Reads are
 * synchronous on purpose: a small file takes microseconds, while an fs
 * promise is a thread-pool round trip that a busy machine turns into
 * milliseconds per file.)
 */
export async function scanRepository(root: string, pause: Pause = noPause): Promise<RepositoryScan> {
  const files = await listFiles(root, pause);
  const known = new Set(files);
  const scanned = new Map<string, Scanned>();
  for (const path of files.filter((f) => YAML_FILE.test(f))) {
    const s = scanFile(root, path, known);
    if (s) scanned.set(path, s);
    await pause();
  }
  return { groups: groupScanned(scanned), scanned };
}

export async function groupTemplates(root: string, pause: Pause = noPause): Promise<TemplateGroup[]> {
  return (await scanRepository(root, pause)).groups;
}

/** The grouping itself, on files already read (path -> kind and resolved references). */
export function groupScanned(scanned: Map<string, Scanned>): TemplateGroup[] {
  const templates = [...scanned]
    .filter(([, s]) => s.kind === 'hot')
    .map(([p]) => p)
    .sort();
  const referenced = new Set<string>();
  for (const t of templates) for (const r of scanned.get(t)!.refs) if (r !== t) referenced.add(r);
  const closure = (entry: string): Set<string> => {
    const seen = new Set<string>([entry]);
    const queue = [entry];
    while (queue.length) {
      for (const r of scanned.get(queue.pop()!)?.refs ?? []) {
        if (seen.has(r)) continue;
        seen.add(r);
        queue.push(r);
      }
    }
    return seen;
  };
  const entries: string[] = [];
  const reached = new Set<string>();
  for (const t of templates.filter((p) => !referenced.has(p))) {
    entries.push(t);
    for (const f of closure(t)) reached.add(f);
  }
  for (const t of templates) {
    if (reached.has(t)) continue;
    entries.push(t); // a ring: nobody outside it references it
    for (const f of closure(t)) reached.add(f);
  }
  const groups = new Map(
    entries.map((e) => [e, { entryPath: e, nested: [...closure(e)].filter((f) => f !== e).sort(), environmentPath: null as string | null }]),
  );
  const environments = [...scanned].filter(([, s]) => s.kind === 'environment').sort(([a], [b]) => a.localeCompare(b));
  for (const [envPath, env] of environments) {
    const byRegistry = [...groups.values()].find((g) => !g.environmentPath && env.refs.some((r) => g.nested.includes(r) || r === g.entryPath));
    const sameFolder = [...groups.values()].filter((g) => posix.dirname(g.entryPath) === posix.dirname(envPath));
    const target = byRegistry ?? (sameFolder.length === 1 && !sameFolder[0]!.environmentPath ? sameFolder[0] : undefined);
    if (target) {
      target.environmentPath = envPath;
      // The files the environment maps are sent with the entry too.
      target.nested = [...new Set([...target.nested, ...env.refs.filter((r) => r !== target.entryPath)])].sort();
    }
  }
  return [...groups.values()].sort((a, b) => a.entryPath.localeCompare(b.entryPath));
}

async function listFiles(root: string, pause: Pause, dir = ''): Promise<string[]> {
  const out: string[] = [];
  await pause();
  for (const entry of readdirSync(posix.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...(await listFiles(root, pause, rel)));
    } else if (entry.isFile()) {
      out.push(rel);
    }
  }
  return out;
}

function scanFile(root: string, path: string, known: Set<string>): Scanned | null {
  const full = posix.join(root, path);
  if (statSync(full).size > FILE_MAX) return null;
  let doc: unknown;
  try {
    doc = parse(readFileSync(full, 'utf8'), { uniqueKeys: false, logLevel: 'silent' });
  } catch {
    return null; // not YAML: at most a get_file target, never a template
  }
  return classify(doc, path, known);
}

/** A parsed file's kind and the repository files it references (resolved from its folder). */
export function classify(doc: unknown, path: string, known: Set<string>): Scanned | null {
  if (!isRecord(doc)) return null;
  const resolve = (ref: string): string[] => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('/')) return []; // a URL or absolute path: not in the repository
    const p = posix.normalize(posix.join(posix.dirname(path), ref));
    return known.has(p) ? [p] : [];
  };
  if ('heat_template_version' in doc) return { kind: 'hot', refs: [...new Set(templateRefs(doc).flatMap(resolve))] };
  if (Object.keys(doc).length > 0 && Object.keys(doc).every((k) => ENV_KEYS.has(k))) {
    return { kind: 'environment', refs: [...new Set(registryRefs(doc['resource_registry']).flatMap(resolve))] };
  }
  return null;
}

function templateRefs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(templateRefs);
  if (!isRecord(node)) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(node)) {
    if (k === 'type' && typeof v === 'string' && YAML_FILE.test(v)) out.push(v);
    else if (k === 'get_file' && typeof v === 'string') out.push(v);
    else out.push(...templateRefs(v));
  }
  return out;
}

function registryRefs(node: unknown): string[] {
  if (!isRecord(node)) return [];
  return Object.values(node).flatMap((v) => (typeof v === 'string' ? (YAML_FILE.test(v) ? [v] : []) : registryRefs(v)));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
