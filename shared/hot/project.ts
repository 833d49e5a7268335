// Validation of a template together with its environment files and the
// nested templates it reaches (type: file.yaml, registry mappings,
// ResourceGroup resource_def), over any file source (disk in the CLI and
// main process, the library in the renderer).
import { texts, type Diagnostic } from './diagnostics';
import { msg } from '../messages/message';
import { environmentFrom, parseEnvironment } from './environment';
import type { EnvironmentModel } from './environment';
import { entries, get, isMap, keyText } from './node';
import { dirname, isInside, joinPath } from './paths';
import { isTemplateFileType, parseTemplate, resources, sectionMap } from './template';
import type { HotTemplate } from './template';
import type { NestedTemplateInfo, ValidateOptions } from './validate-context';
import { validateTemplate } from './validate';
import { LIMITS } from './versions';

export interface FileSource {
  /** Text of a file by normalised POSIX path, or undefined if absent. */
  read(path: string): string | undefined;
}

export interface ProjectResult {
  template: HotTemplate;
  environment: EnvironmentModel;
  diagnostics: Diagnostic[];
  /** Every template validated, by path (entry first). */
  templates: Map<string, HotTemplate>;
}

export interface ProjectOptions {
  /**
   * The folder get_file may read from (the CLI passes the entry's folder, as
   * `bundle` does). References outside it are errors and are never read.
   * Nested template types are not limited: projects such as TripleO share
   * nested templates above their own folder.
   */
  root?: string;
}

export function validateProject(entry: string, envPaths: readonly string[], source: FileSource, projectOptions: ProjectOptions = {}): ProjectResult {
  const diagnostics: Diagnostic[] = [];
  const envFiles = envPaths.map((p) => {
    const text = source.read(p);
    if (text === undefined) {
      diagnostics.push({
        file: p,
        line: 0,
        column: 0,
        severity: 'error',
        code: 'file-not-found',
        ...texts(msg('hot.file-not-found.environment', { file: p })),
      });
    }
    const env = parseEnvironment(text ?? '', p);
    diagnostics.push(...env.diagnostics);
    return env;
  });
  const environment = environmentFrom(envFiles);
  const templates = new Map<string, HotTemplate>();
  const load = (path: string): HotTemplate | undefined => {
    const known = templates.get(path);
    if (known) return known;
    const text = source.read(path);
    if (text === undefined) return undefined;
    const t = parseTemplate(text, path);
    templates.set(path, t);
    return t;
  };
  const resolvePath = (from: string, ref: string): string => (from === '' ? ref : joinPath(dirname(from), ref));
  const fileRoot = projectOptions.root;
  const outsideRoot = (from: string, ref: string) => {
    const path = resolvePath(from, ref);
    return fileRoot !== undefined && !isInside(fileRoot, path) ? { path, root: fileRoot } : undefined;
  };
  const options: ValidateOptions = {
    environment,
    outsideRoot,
    resolveFile: (from, ref) => {
      if (outsideRoot(from, ref)) return undefined;
      const file = resolvePath(from, ref);
      const text = source.read(file);
      return text === undefined ? undefined : { file, text };
    },
    nested: (from, ref) => {
      const t = load(resolvePath(from, ref));
      return t ? nestedInfo(t) : undefined;
    },
  };
  const root = load(entry);
  if (!root) {
    diagnostics.push({
      file: entry,
      line: 0,
      column: 0,
      severity: 'error',
      code: 'file-not-found',
      ...texts(msg('hot.file-not-found.template', { file: entry })),
    });
    return { template: parseTemplate('', entry), environment, diagnostics, templates };
  }
  const seen = new Set<string>();
  const visit = (t: HotTemplate, depth: number): void => {
    if (seen.has(t.file)) return;
    seen.add(t.file);
    // Heat validates a nested template with the parent's environment but
    // without the parent's `parameters` (those are for the top level only).
    const opts = depth === 0 ? options : { ...options, environment: withoutParameters(environment) };
    diagnostics.push(...validateTemplate(t, opts));
    for (const ref of nestedRefs(t, environment)) {
      const child = load(ref.path);
      if (!child) continue;
      if (depth + 1 > LIMITS.maxNestedStackDepth) {
        diagnostics.push({
          file: t.file,
          line: 0,
          column: 0,
          severity: 'warning',
          code: 'nesting-depth',
          ...texts(msg('hot.nesting-depth', { limit: LIMITS.maxNestedStackDepth, path: ref.path })),
        });
        continue;
      }
      visit(child, depth + 1);
    }
  };
  visit(root, 0);
  return { template: root, environment, diagnostics, templates };
}

function withoutParameters(env: EnvironmentModel): EnvironmentModel {
  const copy = Object.create(Object.getPrototypeOf(env) as object) as EnvironmentModel;
  Object.assign(copy, env);
  (copy as { parameterSources: Map<string, unknown> }).parameterSources = new Map();
  return copy;
}

export function nestedInfo(t: HotTemplate): NestedTemplateInfo {
  const parameters = new Map<string, { required: boolean }>();
  const params = sectionMap(t, 'parameters');
  if (params) {
    for (const p of entries(params)) {
      parameters.set(keyText(p.key), { required: !isMap(p.value) || !p.value.index.has('default') });
    }
  }
  const outputs = new Set<string>();
  const outs = sectionMap(t, 'outputs');
  if (outs) for (const p of entries(outs)) outputs.add(keyText(p.key));
  return { parameters, outputs };
}

/** Nested template files a template uses, resolved to paths. */
export function nestedRefs(t: HotTemplate, env?: EnvironmentModel): { resource: string; path: string }[] {
  const out: { resource: string; path: string }[] = [];
  for (const r of resources(t)) {
    const types: string[] = [];
    if (r.type) types.push(r.type);
    const rd = get(get(r.definition, 'properties'), 'resource_def');
    const rdType = get(rd, 'type');
    if (rdType && rdType.kind === 'scalar' && typeof rdType.value === 'string') types.push(rdType.value);
    for (const type of types) {
      const mapped = env?.resolve(type, r.name);
      if (mapped?.file && !/^[a-z]+:\/\//.test(mapped.file)) out.push({ resource: r.name, path: mapped.file });
      else if (!mapped && isTemplateFileType(type) && !/^[a-z]+:\/\//.test(type)) out.push({ resource: r.name, path: joinPath(dirname(t.file), type) });
    }
  }
  return out;
}
