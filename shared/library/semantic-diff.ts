// What changed between two versions of a template, in HOT terms: resources
// added / removed / changed (with the property paths that changed, and a
// type change called out), parameters, outputs and conditions added /
// removed / changed, and the template version and description. Comments and
// formatting are not semantic: a re-indented file diffs empty here (the text
// diff beside it shows them).
import { parseTemplate, section } from '../hot/template';
import { entries, formatPath, isMap, keyText, toValue, type PathSegment } from '../hot/node';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface SectionChange {
  name: string;
  kind: ChangeKind;
  /** For 'changed': the paths inside the entry that differ, e.g. `properties.networks[0].network`. */
  paths: string[];
}

export interface ResourceChange extends SectionChange {
  /** Set when the resource's type itself changed (Heat replaces it). */
  typeChange?: { from: string; to: string };
}

export interface SemanticDiff {
  /** False when either side did not parse: the text diff is all there is. */
  comparable: boolean;
  version: { from: string | null; to: string | null } | null;
  description: boolean;
  resources: ResourceChange[];
  parameters: SectionChange[];
  outputs: SectionChange[];
  conditions: SectionChange[];
  parameterGroups: boolean;
}

export function isEmptyDiff(d: SemanticDiff): boolean {
  return (
    d.comparable &&
    !d.version &&
    !d.description &&
    !d.parameterGroups &&
    d.resources.length + d.parameters.length + d.outputs.length + d.conditions.length === 0
  );
}

export function semanticDiff(fromText: string, toText: string): SemanticDiff {
  const a = parseTemplate(fromText, 'from.yaml');
  const b = parseTemplate(toText, 'to.yaml');
  const empty: SemanticDiff = {
    comparable: false,
    version: null,
    description: false,
    resources: [],
    parameters: [],
    outputs: [],
    conditions: [],
    parameterGroups: false,
  };
  if (!isMap(a.root) || !isMap(b.root)) return empty;
  const value = (t: typeof a, name: string) => toValue(section(t, name));
  const entriesOf = (t: typeof a, name: string): Map<string, unknown> => {
    const s = section(t, name);
    return new Map(isMap(s) ? entries(s).map((p) => [keyText(p.key), toValue(p.value)] as const) : []);
  };
  const va = a.version ?? null;
  const vb = b.version ?? null;
  return {
    comparable: true,
    version: va === vb ? null : { from: va, to: vb },
    description: !deepEqual(value(a, 'description'), value(b, 'description')),
    resources: compareSection(entriesOf(a, 'resources'), entriesOf(b, 'resources')).map((c) =>
      withTypeChange(c, entriesOf(a, 'resources'), entriesOf(b, 'resources')),
    ),
    parameters: compareSection(entriesOf(a, 'parameters'), entriesOf(b, 'parameters')),
    outputs: compareSection(entriesOf(a, 'outputs'), entriesOf(b, 'outputs')),
    conditions: compareSection(entriesOf(a, 'conditions'), entriesOf(b, 'conditions')),
    parameterGroups: !deepEqual(value(a, 'parameter_groups'), value(b, 'parameter_groups')),
  };
}

function compareSection(from: Map<string, unknown>, to: Map<string, unknown>): SectionChange[] {
  const out: SectionChange[] = [];
  for (const [name, v] of from) {
    if (!to.has(name)) out.push({ name, kind: 'removed', paths: [] });
    else {
      const paths: string[] = [];
      diffPaths(v, to.get(name), [], paths);
      if (paths.length) out.push({ name, kind: 'changed', paths });
    }
  }
  for (const name of to.keys()) if (!from.has(name)) out.push({ name, kind: 'added', paths: [] });
  return out.sort((x, y) => x.name.localeCompare(y.name));
}

function withTypeChange(c: SectionChange, from: Map<string, unknown>, to: Map<string, unknown>): ResourceChange {
  if (c.kind !== 'changed') return c;
  const ta = (from.get(c.name) as { type?: unknown } | null)?.type;
  const tb = (to.get(c.name) as { type?: unknown } | null)?.type;
  return ta !== tb ? { ...c, typeChange: { from: String(ta), to: String(tb) } } : c;
}

/** Collects the deepest paths where two plain values differ. */
function diffPaths(a: unknown, b: unknown, path: PathSegment[], out: string[]): void {
  if (deepEqual(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) diffPaths(a[i], b[i], [...path, i], out);
    return;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) diffPaths(a[k], b[k], [...path, k], out);
    return;
  }
  out.push(path.length ? formatPath(path) : '(value)');
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
}
