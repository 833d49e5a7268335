// Two edits the HOT engine's edits.ts lacks, written as text splices on its
// node offsets: add a key to a mapping (creating it, or replacing an empty
// `{}`), and append an item to a sequence. Values are rendered the way people
// write HOT by hand: intrinsic calls in flow style, `{ get_resource: net }`.
import { Document, visit } from 'yaml';
import type { HNode, PathSegment } from '../hot/node';
import { getPair, isMap, isScalar, isSeq, nodeAt } from '../hot/node';
import { applyEdit, EditError } from '../hot/edits';
import type { HotEdit } from '../hot/edits';
import { parseTemplate } from '../hot/template';
import type { HotTemplate } from '../hot/template';
import { lineEndOf, lineStartOf } from '../hot/text-lines';
import { INTRINSIC_FUNCTIONS } from '../hot/versions';

export type TopologyEdit =
  | HotEdit
  | { op: 'addEntry'; path: PathSegment[]; key: string; value: unknown }
  | { op: 'appendItem'; path: PathSegment[]; value: unknown }
  /** Set a value, adding its key (in hand-written style) when it is absent. */
  | { op: 'put'; path: PathSegment[]; value: unknown };

/** A one-key map named after a Heat function is a call, written in flow style. */
const isIntrinsic = (key: string): boolean => INTRINSIC_FUNCTIONS.has(key);

/** YAML text for a value, each line prefixed by `indent` spaces, calls in flow style. */
export function renderBlock(value: unknown, indent: number): string {
  const doc = new Document(value, { version: '1.1' });
  visit(doc, {
    Map(_key, node) {
      const only = node.items.length === 1 ? node.items[0] : undefined;
      const k = only && typeof only.key === 'object' && only.key && 'value' in only.key ? String(only.key.value) : '';
      if (isIntrinsic(k)) node.flow = true;
    },
  });
  const body = doc.toString({ indent: 2, lineWidth: 0, flowCollectionPadding: true }).trimEnd();
  return body
    .split('\n')
    .map((l) => ' '.repeat(indent) + l)
    .join('\n');
}

function column(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}
function quoteKey(key: string): string {
  return /^[A-Za-z_][\w.:-]*$/.test(key) ? key : JSON.stringify(key);
}
function splice(t: HotTemplate, start: number, end: number, insert: string): HotTemplate {
  return parseTemplate(t.text.slice(0, start) + insert + t.text.slice(end), t.file);
}
/** Where a new entry goes after the node: the end of its last line. */
function afterNode(text: string, n: HNode): number {
  return lineEndOf(text, Math.max(n.start, n.end - 1));
}

function entryText(key: string, value: unknown, indent: number): string {
  const isCollection = value !== null && typeof value === 'object' && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);
  if (!isCollection) return `${' '.repeat(indent)}${quoteKey(key)}: ${renderBlock(value, 0)}\n`;
  const flowCall = !Array.isArray(value) && Object.keys(value as object).length === 1 && isIntrinsic(Object.keys(value as object)[0] ?? '');
  if (flowCall) return `${' '.repeat(indent)}${quoteKey(key)}: ${renderBlock(value, 0)}\n`;
  return `${' '.repeat(indent)}${quoteKey(key)}:\n${renderBlock(value, indent + 2)}\n`;
}

/** Adds `key: value` to the mapping at `path`, creating the mapping if needed. */
export function addEntry(t: HotTemplate, path: PathSegment[], key: string, value: unknown): HotTemplate {
  if (!isMap(t.root)) throw new EditError('The template is not a mapping.');
  const text = t.text;
  const target = path.length ? nodeAt(t.root, path) : t.root;
  if (isMap(target) && target.pairs.some((p) => !p.merged)) {
    if (getPair(target, key)) throw new EditError(`"${key}" already exists.`);
    if (target.flow) return applyEdit(t, { op: 'set', path: [...path, key], value });
    const pairs = target.pairs.filter((p) => !p.merged);
    const last = pairs[pairs.length - 1] as (typeof pairs)[number];
    const first = pairs[0] as (typeof pairs)[number];
    let at = afterNode(text, last.value.end > last.key.end ? last.value : last.key);
    const prefix = at === text.length && !text.endsWith('\n') ? '\n' : '';
    if (path.length === 0 && key === 'parameters') {
      // Parameters read best before resources, as in every Heat example.
      const resources = getPair(target, 'resources');
      if (resources) at = lineStartOf(text, resources.key.start);
      return splice(t, at, at, entryText(key, value, 0) + (at === lineStartOf(text, resources?.key.start ?? 0) ? '\n' : ''));
    }
    return splice(t, at, at, prefix + entryText(key, value, column(text, first.key.start)));
  }
  if (path.length === 0) throw new EditError('The template is not a mapping.');
  const parentPath = path.slice(0, -1);
  const ownKey = path[path.length - 1] as PathSegment;
  const parent = parentPath.length ? nodeAt(t.root, parentPath) : t.root;
  const pair = getPair(parent, String(ownKey));
  if (pair && (isMap(pair.value) || (isScalar(pair.value) && pair.value.value === null))) {
    // `resources: {}` or `resources:` with nothing: replace the value by a block.
    const indent = column(text, pair.key.start) + 2;
    const end = isScalar(pair.value) && pair.value.implicit ? pair.key.end + (/^:[ \t]*/.exec(text.slice(pair.key.end))?.[0].length ?? 1) : pair.value.end;
    const keyColon = /^\s*:/.exec(text.slice(pair.key.end))?.[0] ?? ':';
    return splice(t, pair.key.end, Math.max(end, pair.key.end + keyColon.length), `:\n${entryText(key, value, indent).replace(/\n$/, '')}`);
  }
  if (pair) throw new EditError(`"${String(ownKey)}" is not a mapping.`);
  if (typeof ownKey === 'number') throw new EditError('Cannot create a list item by key.');
  return addEntry(t, parentPath, ownKey, { [key]: value });
}

/** Appends an item to the sequence at `path` (creating `key: [item]` if absent). */
export function appendItem(t: HotTemplate, path: PathSegment[], value: unknown): HotTemplate {
  const seq = nodeAt(t.root ?? undefined, path);
  const text = t.text;
  if (isSeq(seq) && seq.items.length > 0) {
    const last = seq.items[seq.items.length - 1] as HNode;
    if (seq.flow) {
      const inline = renderBlock(value, 0).replace(/\n\s*/g, ' ');
      return splice(t, last.end, last.end, `, ${inline.startsWith('- ') ? inline.slice(2) : inline}`);
    }
    const first = seq.items[0] as HNode;
    const dash = text.lastIndexOf('-', first.start);
    const indent = column(text, dash);
    const at = afterNode(text, last);
    const block = renderBlock([value], indent);
    return splice(t, at, at, (at === text.length && !text.endsWith('\n') ? '\n' : '') + block + '\n');
  }
  if (isSeq(seq) || (isScalar(seq) && seq.value === null)) {
    const parent = nodeAt(t.root ?? undefined, path.slice(0, -1));
    const pair = getPair(parent, String(path[path.length - 1]));
    if (!pair) throw new EditError('No such list.');
    const indent = column(text, pair.key.start);
    const keyColon = /^\s*:/.exec(text.slice(pair.key.end))?.[0] ?? ':';
    const end = Math.max(seq.end, pair.key.end + keyColon.length);
    return splice(t, pair.key.end, end, `:\n${renderBlock([value], indent + 2)}`);
  }
  if (seq) throw new EditError('Not a list.');
  const key = path[path.length - 1];
  if (typeof key !== 'string') throw new EditError('Cannot create a list item by index.');
  return addEntry(t, path.slice(0, -1), key, [value]);
}

export function applyTopologyEdit(t: HotTemplate, e: TopologyEdit): HotTemplate {
  if (e.op === 'addEntry') return addEntry(t, e.path, e.key, e.value);
  if (e.op === 'appendItem') return appendItem(t, e.path, e.value);
  if (e.op === 'put') {
    const key = e.path[e.path.length - 1];
    const existing = nodeAt(t.root ?? undefined, e.path);
    const inline = renderBlock(e.value, 0);
    const pair = typeof key === 'string' ? getPair(nodeAt(t.root ?? undefined, e.path.slice(0, -1)), key) : undefined;
    if (existing && pair && !inline.includes('\n') && !(isScalar(existing) && existing.implicit)) {
      // Replace the whole value after the colon: a block map becomes `{ get_resource: x }` on the key's line.
      return splice(t, pair.key.end, existing.end, `: ${inline}`);
    }
    if (existing !== undefined || typeof key !== 'string') return applyEdit(t, { op: 'set', path: e.path, value: e.value });
    return addEntry(t, e.path.slice(0, -1), key, e.value);
  }
  return applyEdit(t, e);
}

export function applyTopologyEdits(t: HotTemplate, edits: readonly TopologyEdit[]): HotTemplate {
  return edits.reduce((acc, e) => applyTopologyEdit(acc, e), t);
}
