// A parsed HOT template: the original text (the single source of truth for
// printing), the HOT tree with positions, and the diagnostics from loading.
import { DiagnosticSink, LineIndex } from './diagnostics';
import type { Diagnostic } from './diagnostics';
import { loadYaml } from './load';
import type { HMap, HNode, HPair, HScalar } from './node';
import { entries, get, getPair, isMap, isString, keyText } from './node';
import { versionInfo } from './versions';
import type { VersionInfo } from './versions';

export type TemplateKind = 'hot' | 'cfn' | 'unknown';

export interface HotTemplate {
  file: string;
  /** Exactly the text given to parseTemplate; printing returns it unchanged. */
  text: string;
  lines: LineIndex;
  root: HNode | null;
  kind: TemplateKind;
  version?: string;
  versionNode?: HNode;
  version_info?: VersionInfo;
  /** Diagnostics found while loading (syntax, duplicates, bad input). */
  loadDiagnostics: Diagnostic[];
}

export interface ResourceEntry {
  name: string;
  pair: HPair;
  definition: HNode;
  type?: string;
  typeNode?: HScalar;
}

export function parseTemplate(text: string, file = 'template.yaml'): HotTemplate {
  const lines = new LineIndex(text);
  const sink = new DiagnosticSink(file, lines);
  const root = loadYaml(text, sink);
  const t: HotTemplate = { file, text, lines, root, kind: 'unknown', loadDiagnostics: sink.items };
  if (isMap(root)) {
    const v = getPair(root, 'heat_template_version');
    if (v) {
      t.kind = 'hot';
      t.versionNode = v.value;
      if (v.value.kind === 'scalar' && v.value.value !== null) t.version = String(v.value.value);
      const info = t.version !== undefined ? versionInfo(t.version) : undefined;
      if (info) t.version_info = info;
    } else if (root.index.has('AWSTemplateFormatVersion') || root.index.has('HeatTemplateFormatVersion')) {
      t.kind = 'cfn';
    }
  }
  return t;
}

/** Print with no edit: the original bytes, by construction. */
export function printTemplate(t: HotTemplate): string {
  return t.text;
}

export function section(t: HotTemplate, name: string): HNode | undefined {
  return isMap(t.root) ? get(t.root, name) : undefined;
}

export function sectionMap(t: HotTemplate, name: string): HMap | undefined {
  const s = section(t, name);
  return isMap(s) ? s : undefined;
}

export function resources(t: HotTemplate): ResourceEntry[] {
  const map = sectionMap(t, 'resources');
  if (!map) return [];
  return entries(map).map((pair) => {
    const entry: ResourceEntry = { name: keyText(pair.key), pair, definition: pair.value };
    const typeNode = get(pair.value, 'type');
    if (isString(typeNode)) {
      entry.type = typeNode.value;
      entry.typeNode = typeNode;
    }
    return entry;
  });
}

export function names(t: HotTemplate, sectionName: string): Set<string> {
  const map = sectionMap(t, sectionName);
  return new Set(map ? entries(map).map((p) => keyText(p.key)) : []);
}

/** Nested template file referenced by a resource type, per heatclient's rule. */
export function isTemplateFileType(type: string): boolean {
  return type.endsWith('.yaml') || type.endsWith('.template');
}
