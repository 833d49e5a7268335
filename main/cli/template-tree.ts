// Finding the HOT templates of a folder or repository by what the files say,
// not by their names: a file is a template when it has a template version key
// (heat_template_version, or the CFN ones Heat takes), an environment when
// every top-level key is an environment section. A template that another
// template reaches (type: file.yaml, get_file, ResourceGroup resource_def) is
// a nested file: it is validated through the template that uses it, with that
// template's parameters, not on its own. Everything else is left alone.
import { lstatSync, readdirSync } from 'node:fs';
import type { Diagnostic } from '../../shared/hot/diagnostics';
import { DiagnosticSink, LineIndex } from '../../shared/hot/diagnostics';
import { loadYaml } from '../../shared/hot/load';
import { entries, get, isMap, isScalar, keyText } from '../../shared/hot/node';
import type { HNode } from '../../shared/hot/node';
import { dirname, joinPath } from '../../shared/hot/paths';
import { looksLikeEnvironment, looksLikeTemplate, referencedFiles } from '../../shared/library/file-set';
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';

/** Folders never searched: version control, the studio's sidecars, dependencies. */
const SKIPPED_FOLDERS = new Set(['.git', '.hg', '.svn', '.heat-studio', 'node_modules']);
const CANDIDATE = /\.(ya?ml|json|template)$/i;
/** A repository bigger than this is refused rather than half validated. */
export const MAX_TREE_FILES = 20_000;

export interface TemplateTree {
  /** The folder searched (absolute, POSIX separators). */
  root: string;
  /** Top-level templates (absolute paths), sorted. */
  entries: string[];
  /** Templates reached from another template. */
  nested: string[];
  /** Environment files, sorted. */
  environments: string[];
  /** Candidate files that are neither (role data, playbooks...). */
  other: string[];
}

/** Candidate files below `root` (absolute POSIX paths), without following symbolic links to folders. */
export function candidateFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const full = `${dir}/${name}`;
      let st;
      try {
        st = lstatSync(full);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(name)) walk(full);
      } else if ((st.isFile() || st.isSymbolicLink()) && CANDIDATE.test(name)) {
        out.push(full);
        if (out.length > MAX_TREE_FILES) throw new AppError('BAD_REQUEST', msg('cli.folderTooLarge', { folder: root, max: MAX_TREE_FILES }));
      }
    }
  };
  walk(root);
  return out;
}

/** Sorts a folder's files into entry templates, nested templates, environments and the rest. */
export function templateTree(root: string, read: (absPath: string) => string | undefined): TemplateTree {
  const files = candidateFiles(root);
  const texts = new Map<string, string>();
  for (const f of files) {
    const t = read(f);
    if (t !== undefined) texts.set(f, t);
  }
  const rel = (abs: string) => abs.slice(root.length + 1);
  const byRel = new Map([...texts].map(([abs, t]) => [rel(abs), t]));
  const templates: string[] = [];
  const environments: string[] = [];
  const other: string[] = [];
  for (const [abs, text] of texts) {
    if (looksLikeTemplate(text)) templates.push(abs);
    else if (looksLikeEnvironment(text)) environments.push(abs);
    else other.push(abs);
  }
  const nestedRel = new Set<string>();
  for (const t of templates) for (const f of referencedFiles(rel(t), (p) => byRel.get(p), null).files) nestedRel.add(f);
  const nested = templates.filter((t) => nestedRel.has(rel(t)));
  const entries = templates.filter((t) => !nestedRel.has(rel(t)));
  return { root, entries, nested, environments, other };
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * An environment file checked on its own: Heat's section rules (from the
 * validator's environment parser) plus every template file its
 * resource_registry maps a type to must exist. Returns the diagnostics.
 */
export function checkEnvironmentFiles(
  file: string,
  text: string,
  exists: (absPath: string) => boolean,
  parse: (text: string, file: string) => Diagnostic[],
): Diagnostic[] {
  const diags = parse(text, file);
  const sink = new DiagnosticSink(file, new LineIndex(text));
  const root = loadYaml(text, new DiagnosticSink(file, new LineIndex(text)));
  const rr = isMap(root) ? get(root, 'resource_registry') : undefined;
  if (!rr || !isMap(rr)) return diags;
  const base = get(rr, 'base_url');
  const baseDir = isScalar(base) && typeof base.value === 'string' ? joinPath(dirname(file), base.value) : dirname(file);
  const check = (value: HNode): void => {
    if (!isScalar(value) || typeof value.value !== 'string') return;
    const target = value.value;
    if (target.includes('::') || URL_LIKE.test(target) || !/\.(ya?ml|template)$/i.test(target)) return;
    const p = joinPath(baseDir, target);
    if (!exists(p))
      sink.error('environment-file-not-found', value, msg('hot.environment-file-not-found', { target }), msg('hot.environment-file-not-found.hint'));
  };
  for (const p of entries(rr)) {
    if (keyText(p.key) === 'base_url') continue;
    if (keyText(p.key) === 'resources' && isMap(p.value)) {
      for (const r of entries(p.value)) if (isMap(r.value)) for (const t of entries(r.value)) if (keyText(t.key) !== 'hooks') check(t.value);
    } else check(p.value);
  }
  return [...diags, ...sink.items];
}
