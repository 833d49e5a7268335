// The HOT tree: a small, position-carrying view of the YAML the `yaml` package
// parsed. Every node keeps its source offsets so diagnostics are located and
// edits can splice the original text instead of re-printing it.
export type ScalarValue = string | number | boolean | null;

interface NodeBase {
  /** Offset of the node's first character in the source text. */
  start: number;
  /** Offset just past the node's value (comments after it excluded). */
  end: number;
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block' | 'folded';

export interface HScalar extends NodeBase {
  kind: 'scalar';
  value: ScalarValue;
  style: ScalarStyle;
  /** True for `key:` with nothing after it (YAML null with no source text). */
  implicit?: boolean;
}

export interface HPair {
  key: HScalar;
  value: HNode;
  /** Came in through a `<<` merge key: not editable where it appears. */
  merged?: boolean;
}

export interface HMap extends NodeBase {
  kind: 'map';
  pairs: HPair[];
  /** Effective entries (last duplicate wins, merges applied) by key text. */
  index: Map<string, HPair>;
  flow: boolean;
}

export interface HSeq extends NodeBase {
  kind: 'seq';
  items: HNode[];
  flow: boolean;
}

export type HNode = HScalar | HMap | HSeq;

export function isMap(n: HNode | undefined | null): n is HMap {
  return !!n && n.kind === 'map';
}
export function isSeq(n: HNode | undefined | null): n is HSeq {
  return !!n && n.kind === 'seq';
}
export function isScalar(n: HNode | undefined | null): n is HScalar {
  return !!n && n.kind === 'scalar';
}
export function isString(n: HNode | undefined | null): n is HScalar & { value: string } {
  return isScalar(n) && typeof n.value === 'string';
}
export function isNull(n: HNode | undefined | null): boolean {
  return isScalar(n) && n.value === null;
}

export function get(n: HNode | undefined | null, key: string): HNode | undefined {
  return isMap(n) ? n.index.get(key)?.value : undefined;
}

export function getPair(n: HNode | undefined | null, key: string): HPair | undefined {
  return isMap(n) ? n.index.get(key) : undefined;
}

/** Effective entries of a map in source order (duplicates resolved). */
export function entries(n: HMap): HPair[] {
  if (n.index.size === n.pairs.length) return n.pairs;
  return n.pairs.filter((p) => n.index.get(keyText(p.key)) === p);
}

export function keyText(k: HScalar): string {
  return k.value === null ? '' : String(k.value);
}

/** Python-like plain value of a node (for defaults, bundles and tests). */
export function toValue(n: HNode | undefined | null): unknown {
  if (!n) return null;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map((i) => toValue(i));
  const out: Record<string, unknown> = {};
  for (const p of entries(n)) out[keyText(p.key)] = toValue(p.value);
  return out;
}

/** A one-key map whose key is an intrinsic function name, e.g. {get_param: x}. */
export function functionCall(n: HNode | undefined): { name: string; args: HNode; pair: HPair } | undefined {
  if (!isMap(n) || n.index.size !== 1) return undefined;
  const pair = n.index.values().next().value as HPair;
  return { name: keyText(pair.key), args: pair.value, pair };
}

/** Path segments as used by edits and graph labels: keys and list indexes. */
export type PathSegment = string | number;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}

export function nodeAt(root: HNode | undefined, path: readonly PathSegment[]): HNode | undefined {
  let cur: HNode | undefined = root;
  for (const seg of path) {
    if (!cur) return undefined;
    if (typeof seg === 'number') cur = isSeq(cur) ? cur.items[seg] : undefined;
    else cur = get(cur, seg);
  }
  return cur;
}
