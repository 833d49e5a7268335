// The body python-heatclient sends to POST /v1/{tenant}/stacks, built from
// local files: `files` keyed by file:// URL (nested templates as JSON with
// their own references rewritten to URLs, other files raw), the template
// with get_file/type rewritten likewise, each environment file's JSON under
// its URL, and `environment_files` listing those URLs in order.
import { parseEnvironment } from './environment';
import { loadYaml } from './load';
import { DiagnosticSink, LineIndex } from './diagnostics';
import { texts, type Diagnostic, type DiagnosticText } from './diagnostics';
import { toValue } from './node';
import { dirname, isInside, joinPath } from './paths';
import { locateRef, OUTSIDE_FOLDER, outsideFolderMessage } from './file-refs';
import { msg } from '../messages/message';
import type { HNode } from './node';
import { pyJsonDumps } from './py-json';
import type { FileSource } from './project';

export interface StackBundle {
  template: unknown;
  files: Record<string, string>;
  environment: Record<string, unknown>;
  environment_files?: string[];
}

export interface BundleOptions {
  /**
   * The folder files may come from (default: the entry template's folder).
   * heatclient reads any path; we refuse references that leave this folder so
   * a library template cannot pull arbitrary files into a request. A project
   * whose templates share files above their own folder (TripleO's
   * ../containers-common.yaml) names its top folder here.
   */
  root?: string;
}

export function buildBundle(
  entry: string,
  envPaths: readonly string[],
  source: FileSource,
  options: BundleOptions = {},
): { bundle?: StackBundle; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const root = options.root ?? dirname(entry);
  const files: Record<string, string> = {};
  const url = (p: string) => `file://${p.startsWith('/') ? '' : '/'}${p}`;
  // Each file's tree and lines, so a refusal can point at the reference (the
  // walk below is over plain values, like heatclient's).
  const trees = new Map<string, { node: HNode | undefined; lines: LineIndex }>();
  const refsSeen = new Map<string, number>();
  const fail = (file: string, code: string, message: DiagnosticText, ref?: { value: string; key?: string }) => {
    const d: Diagnostic = { file, line: 0, column: 0, severity: 'error', code, ...texts(message) };
    const tree = trees.get(file);
    if (ref && tree) {
      const id = JSON.stringify([file, ref.key, ref.value]);
      const nth = refsSeen.get(id) ?? 0;
      refsSeen.set(id, nth + 1);
      const at = locateRef(tree.node, ref.value, ref.key, nth);
      if (at) Object.assign(d, tree.lines.position(at.start));
    }
    diagnostics.push(d);
  };

  const readTemplate = (path: string): unknown => {
    const text = source.read(path);
    if (text === undefined) return undefined;
    const lines = new LineIndex(text);
    const sink = new DiagnosticSink(path, lines);
    const node = loadYaml(text, sink);
    trees.set(path, { node: node ?? undefined, lines });
    const value = toValue(node);
    return value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      ['heat_template_version', 'HeatTemplateFormatVersion', 'AWSTemplateFormatVersion'].some((k) => k in value)
      ? value
      : undefined;
  };
  // heatclient's get_file_contents: depth-first over values, then rewrite keys.
  const resolve = (data: unknown, base: string, from: string): void => {
    if (Array.isArray(data)) return data.forEach((v) => resolve(v, base, from));
    if (!data || typeof data !== 'object') return;
    const obj = data as Record<string, unknown>;
    for (const v of Object.values(obj)) resolve(v, base, from);
    for (const [key, value] of Object.entries(obj)) {
      if (typeof value !== 'string' || (key !== 'get_file' && key !== 'type')) continue;
      if (key === 'type' && !/\.(yaml|template)$/.test(value)) continue;
      if (/^[a-z]+:\/\//.test(value)) continue;
      const path = joinPath(base, value);
      if (!isInside(root, path)) {
        fail(from, OUTSIDE_FOLDER, outsideFolderMessage(value, path, root, 'bundle'), { value, key });
        continue;
      }
      const u = url(path);
      if (!(u in files)) {
        const tpl = readTemplate(path);
        if (tpl) {
          files[u] = '';
          resolve(tpl, dirname(path), path);
          files[u] = pyJsonDumps(tpl);
        } else {
          const text = source.read(path);
          if (text === undefined) fail(from, 'file-not-found', msg('hot.file-not-found.bundle', { ref: value, path }), { value, key });
          else files[u] = text;
        }
      }
      obj[key] = u;
    }
  };

  const template = readTemplate(entry);
  if (!template) {
    fail(entry, 'not-a-template', msg('hot.not-a-template', { file: entry }));
    return { diagnostics };
  }
  resolve(template, dirname(entry), entry);
  let environment: Record<string, unknown> = {};
  const envUrls: string[] = [];
  for (const p of envPaths) {
    const text = source.read(p);
    const env = parseEnvironment(text ?? '', p);
    trees.set(p, { node: env.root ?? undefined, lines: new LineIndex(text ?? '') });
    diagnostics.push(...env.diagnostics.filter((d) => d.severity === 'error'));
    const value = (toValue(env.root) ?? {}) as Record<string, unknown>;
    const rr = value.resource_registry as Record<string, unknown> | undefined;
    if (rr && typeof rr === 'object') {
      const base = typeof rr.base_url === 'string' ? rr.base_url : dirname(p);
      const fix = (m: Record<string, unknown>, b: string) => {
        for (const [k, v] of Object.entries(m)) {
          if (k === 'base_url' || k === 'hooks' || k === 'restricted_actions' || typeof v !== 'string' || v.includes('::')) continue;
          const wrap = { type: v.endsWith('.yaml') || v.endsWith('.template') ? v : `${v}` };
          const holder: Record<string, unknown> = { type: wrap.type };
          if (!/\.(yaml|template)$/.test(v)) {
            const path = joinPath(b, v);
            if (!isInside(root, path)) fail(p, OUTSIDE_FOLDER, outsideFolderMessage(v, path, root, 'bundle'), { value: v });
            else {
              const t = source.read(path);
              if (t !== undefined) files[url(path)] = t;
              m[k] = url(path);
            }
            continue;
          }
          resolve(holder, b, p);
          m[k] = holder.type;
        }
      };
      fix(rr, base);
      const res = rr.resources as Record<string, Record<string, unknown>> | undefined;
      if (res && typeof res === 'object')
        for (const r of Object.values(res)) if (r && typeof r === 'object') fix(r, typeof r.base_url === 'string' ? r.base_url : base);
    }
    files[url(p)] = pyJsonDumps(value);
    envUrls.push(url(p));
    environment = deepUpdate(environment, value);
  }
  const bundle: StackBundle = { template, files, environment };
  if (envUrls.length) bundle.environment_files = envUrls;
  return { bundle, diagnostics };
}

/** heatclient's deep_update: nested mappings merge, anything else replaces. */
function deepUpdate(old: Record<string, unknown>, add: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...old };
  for (const [k, v] of Object.entries(add)) {
    const prev = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && prev && typeof prev === 'object' && !Array.isArray(prev)
        ? deepUpdate(prev as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}
