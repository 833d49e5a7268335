// Which files a template needs besides itself: the files its `get_file` and
// file `type:`s name (the same rule python-heatclient uses: a `type` ending in
// .yaml or .template), followed through nested templates, plus the files the
// environment's resource_registry maps types to. Used to decide what a
// folder import makes into one template and what a bundle must carry.
import { loadYaml } from '../hot/load';
import { DiagnosticSink, LineIndex } from '../hot/diagnostics';
import { toValue } from '../hot/node';
import { dirname, joinPath, normalize } from '../hot/paths';

export interface FileRefProblem {
  /** The file holding the reference. */
  from: string;
  ref: string;
  /** The path it resolves to, from the import root. */
  path: string;
  reason: 'missing' | 'outside-root';
}

export interface ReferencedFiles {
  /** Paths (from the root) of every file reached, the entry excluded. */
  files: string[];
  problems: FileRefProblem[];
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

export function referencedFiles(entryPath: string, read: (path: string) => string | undefined, environment?: string | null): ReferencedFiles {
  const reached = new Set<string>();
  const problems: FileRefProblem[] = [];
  const visit = (from: string, ref: string, base: string): void => {
    if (URL_LIKE.test(ref)) return;
    const path = base === '.' ? normalize(ref) : joinPath(base, ref);
    if (path.startsWith('..') || path.startsWith('/')) {
      problems.push({ from, ref, path, reason: 'outside-root' });
      return;
    }
    if (path === entryPath || reached.has(path)) return;
    const text = read(path);
    if (text === undefined) {
      problems.push({ from, ref, path, reason: 'missing' });
      return;
    }
    reached.add(path);
    if (/\.(ya?ml|template|json)$/i.test(path)) walk(path, text);
  };
  const walk = (file: string, text: string): void => {
    const value = plainValue(text);
    const base = dirname(file);
    forEachRef(value, (ref) => visit(file, ref, base));
  };
  const entryText = read(entryPath);
  if (entryText !== undefined) walk(entryPath, entryText);
  if (environment) {
    const env = plainValue(environment) as { resource_registry?: unknown } | null;
    forEachRegistryFile(env?.resource_registry, (ref) => visit('(environment)', ref, dirname(entryPath)));
  }
  return { files: [...reached].sort(), problems };
}

/** A YAML text as plain data, or null when it does not parse (shared with file-tree.ts). */
export function plainValue(text: string): unknown {
  const sink = new DiagnosticSink('file', new LineIndex(text));
  try {
    return toValue(loadYaml(text, sink));
  } catch {
    return null;
  }
}

function forEachRef(data: unknown, onRef: (ref: string) => void): void {
  if (Array.isArray(data)) {
    for (const v of data) forEachRef(v, onRef);
    return;
  }
  if (!data || typeof data !== 'object') return;
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (typeof value === 'string' && (key === 'get_file' || (key === 'type' && /\.(yaml|template)$/.test(value)))) onRef(value);
    else forEachRef(value, onRef);
  }
}

function forEachRegistryFile(registry: unknown, onRef: (ref: string) => void): void {
  if (!registry || typeof registry !== 'object') return;
  for (const [key, value] of Object.entries(registry as Record<string, unknown>)) {
    if (key === 'resources') {
      // Per-resource mappings: resources: {name: {Type: file.yaml, hooks: ...}}
      for (const perResource of Object.values((value ?? {}) as Record<string, unknown>)) forEachRegistryFile(perResource, onRef);
    } else if (typeof value === 'string' && /\.(ya?ml|template)$/.test(value)) {
      onRef(value);
    }
  }
}

/** True for text that is a HOT or CFN template (not an environment or other YAML). */
export function looksLikeTemplate(text: string): boolean {
  const v = plainValue(text);
  return (
    !!v &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    ['heat_template_version', 'AWSTemplateFormatVersion', 'HeatTemplateFormatVersion'].some((k) => k in (v as object))
  );
}

/** True for text that is a Heat environment file. */
export function looksLikeEnvironment(text: string): boolean {
  const v = plainValue(text);
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v as object);
  return (
    keys.length > 0 &&
    keys.every((k) =>
      ['parameters', 'parameter_defaults', 'resource_registry', 'encrypted_param_names', 'event_sinks', 'parameter_merge_strategies'].includes(k),
    )
  );
}
