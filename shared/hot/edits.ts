// Edits as operations on the document. Each edit becomes a few text splices
// at node offsets, then the text is parsed again: everything the edit did
// not touch keeps its bytes (comments, quoting, order, blank lines), and
// undo/redo can replay operations or keep texts.
import { stringify } from 'yaml';
import type { HMap, HNode, HScalar, PathSegment } from './node';
import { entries, functionCall, get, getPair, isMap, isScalar, isSeq, isString, keyText, nodeAt } from './node';
import { parseTemplate, resources } from './template';
import type { HotTemplate } from './template';
import { lineEndOf, lineStartOf } from './text-lines';

export type HotEdit =
  | { op: 'renameResource'; from: string; to: string }
  | { op: 'removeResource'; name: string }
  | { op: 'addResource'; name: string; definition: Record<string, unknown> }
  | { op: 'setProperty'; resource: string; path: PathSegment[]; value: unknown }
  | { op: 'unsetProperty'; resource: string; path: PathSegment[] }
  | { op: 'addDependency'; resource: string; on: string }
  | { op: 'removeDependency'; resource: string; on: string }
  /** Generic: parameters, outputs, conditions, parameter_groups, description. */
  | { op: 'set'; path: PathSegment[]; value: unknown }
  | { op: 'unset'; path: PathSegment[] };

interface Splice {
  start: number;
  end: number;
  text: string;
}

export class EditError extends Error {}

export function applyEdit(t: HotTemplate, edit: HotEdit): HotTemplate {
  return parseTemplate(applySplices(t.text, splicesFor(t, edit)), t.file);
}

export function applyEdits(t: HotTemplate, edits: readonly HotEdit[]): HotTemplate {
  return edits.reduce((acc, e) => applyEdit(acc, e), t);
}

function applySplices(text: string, splices: Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

function splicesFor(t: HotTemplate, e: HotEdit): Splice[] {
  switch (e.op) {
    case 'renameResource':
      return rename(t, e.from, e.to);
    case 'removeResource':
      return [...deleteIn(t, ['resources', e.name]), ...dependencyRefs(t, e.name).map((n) => removeSeqItem(t, n))];
    case 'addResource':
      return setIn(t, ['resources', e.name], e.definition);
    case 'setProperty':
      return setIn(t, ['resources', e.resource, 'properties', ...e.path], e.value);
    case 'unsetProperty':
      return deleteIn(t, ['resources', e.resource, 'properties', ...e.path]);
    case 'addDependency': {
      const cur = nodeAt(t.root ?? undefined, ['resources', e.resource, 'depends_on']);
      const list = isSeq(cur) ? cur.items.map((i) => (isScalar(i) ? String(i.value) : '')) : isScalar(cur) && cur.value !== null ? [String(cur.value)] : [];
      if (list.includes(e.on)) return [];
      return setIn(t, ['resources', e.resource, 'depends_on'], [...list, e.on]);
    }
    case 'removeDependency': {
      const cur = nodeAt(t.root ?? undefined, ['resources', e.resource, 'depends_on']);
      if (isScalar(cur)) return String(cur.value) === e.on ? deleteIn(t, ['resources', e.resource, 'depends_on']) : [];
      if (!isSeq(cur)) return [];
      const rest = cur.items.filter((i) => !(isScalar(i) && String(i.value) === e.on));
      if (rest.length === cur.items.length) return [];
      if (rest.length === 0) return deleteIn(t, ['resources', e.resource, 'depends_on']);
      return cur.items.filter((i) => isScalar(i) && String(i.value) === e.on).map((i) => removeSeqItem(t, i));
    }
    case 'set':
      return setIn(t, e.path, e.value);
    case 'unset':
      return deleteIn(t, e.path);
  }
}

function quoteLike(node: HScalar, value: string): string {
  if (node.style === 'single') return `'${value.replace(/'/g, "''")}'`;
  if (node.style === 'double') return JSON.stringify(value);
  return /^[A-Za-z_][\w.-]*$/.test(value) && !/^(yes|no|on|off|true|false|null|y|n)$/i.test(value) ? value : JSON.stringify(value);
}

/** Renames a resource and every get_resource, get_attr and depends_on naming it. */
function rename(t: HotTemplate, from: string, to: string): Splice[] {
  const list = resources(t);
  const entry = list.find((r) => r.name === from);
  if (!entry) throw new EditError(`No resource named "${from}".`);
  if (list.some((r) => r.name === to)) throw new EditError(`A resource named "${to}" already exists.`);
  const targets: HScalar[] = [entry.pair.key];
  const walk = (n: HNode, depth: number): void => {
    if (depth > 200) return;
    if (isSeq(n)) return n.items.forEach((i) => walk(i, depth + 1));
    if (!isMap(n)) return;
    const call = functionCall(n);
    if (call?.name === 'get_resource' && isString(call.args) && call.args.value === from) targets.push(call.args);
    if (call?.name === 'get_attr' && isSeq(call.args)) {
      const first = call.args.items[0];
      if (isString(first) && first.value === from) targets.push(first);
    }
    for (const p of n.pairs) if (!p.merged) walk(p.value, depth + 1);
  };
  for (const r of list) {
    walk(r.definition, 0);
    targets.push(...dependencyRefs(t, from, r.name));
  }
  const outputs = get(t.root, 'outputs');
  if (outputs) walk(outputs, 0);
  const seen = new Set<number>();
  return targets.filter((n) => !seen.has(n.start) && !!seen.add(n.start)).map((n) => ({ start: n.start, end: n.end, text: quoteLike(n, to) }));
}

function dependencyRefs(t: HotTemplate, name: string, only?: string): HScalar[] {
  const out: HScalar[] = [];
  for (const r of resources(t)) {
    if (only && r.name !== only) continue;
    const d = get(r.definition, 'depends_on');
    for (const item of isSeq(d) ? d.items : d ? [d] : []) if (isScalar(item) && String(item.value) === name) out.push(item);
  }
  return out;
}

function removeSeqItem(t: HotTemplate, item: HNode): Splice {
  const text = t.text;
  const before = text.slice(lineStartOf(text, item.start), item.start);
  if (/^\s*-\s*$/.test(before)) return { start: lineStartOf(text, item.start), end: lineEndOf(text, Math.max(item.start, item.end - 1)), text: '' };
  // flow list: remove the item and one adjacent comma
  const after = /^\s*,\s*/.exec(text.slice(item.end));
  if (after) return { start: item.start, end: item.end + after[0].length, text: '' };
  const prev = /,\s*$/.exec(text.slice(0, item.start));
  return { start: prev ? item.start - prev[0].length : item.start, end: item.end, text: '' };
}

/** Deletes a map entry: its key line through its value's last line. */
function deleteIn(t: HotTemplate, path: PathSegment[]): Splice[] {
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = nodeAt(t.root ?? undefined, parentPath);
  if (typeof key === 'number') {
    const item = isSeq(parent) ? parent.items[key] : undefined;
    return item ? [removeSeqItem(t, item)] : [];
  }
  const pair = getPair(parent, String(key));
  if (!pair || pair.merged || !isMap(parent)) return [];
  if (parent.flow) {
    const start = pair.key.start;
    const after = /^\s*,\s*/.exec(t.text.slice(pair.value.end));
    if (after) return [{ start, end: pair.value.end + after[0].length, text: '' }];
    const prev = /,\s*$/.exec(t.text.slice(0, start));
    return [{ start: prev ? start - prev[0].length : start, end: pair.value.end, text: '' }];
  }
  const start = lineStartOf(t.text, pair.key.start);
  const end = lineEndOf(t.text, Math.max(pair.key.end, pair.value.end - 1));
  return [{ start, end, text: '' }];
}

function render(value: unknown, indent: number): { inline?: string; block?: string } {
  if (value === null || typeof value !== 'object') return { inline: stringify(value, { version: '1.1' }).trimEnd() };
  if (Array.isArray(value) && value.length === 0) return { inline: '[]' };
  if (!Array.isArray(value) && Object.keys(value).length === 0) return { inline: '{}' };
  const body = stringify(value, { version: '1.1', indent: 2, lineWidth: 0 }).trimEnd();
  return {
    block: body
      .split('\n')
      .map((l) => ' '.repeat(indent) + l)
      .join('\n'),
  };
}

function indentOf(t: HotTemplate, map: HMap): number {
  const first = map.pairs.find((p) => !p.merged);
  if (!first) return 0;
  return first.key.start - lineStartOf(t.text, first.key.start);
}

/** Sets a value at a path, creating missing mappings; replaces in place when it exists. */
function setIn(t: HotTemplate, path: PathSegment[], value: unknown): Splice[] {
  if (!isMap(t.root)) throw new EditError('The template is not a mapping.');
  const existing = nodeAt(t.root, path);
  if (existing && !(isScalar(existing) && existing.implicit)) {
    const col = existing.start - lineStartOf(t.text, existing.start);
    const r = render(value, col);
    if (r.inline !== undefined) return [{ start: existing.start, end: existing.end, text: r.inline }];
    // Inside a flow collection (or replacing one) a block would break the
    // YAML: keep the author's flow style, e.g. depends_on: [a, b].
    if (inFlow(t, path) || ((isMap(existing) || isSeq(existing)) && existing.flow)) {
      return [{ start: existing.start, end: existing.end, text: stringify(value, { version: '1.1', collectionStyle: 'flow', lineWidth: 0 }).trim() }];
    }
    const keyLineStart = lineStartOf(t.text, existing.start);
    const end0 = lineEndOf(t.text, Math.max(existing.start, existing.end - 1));
    if (/^ *$/.test(t.text.slice(keyLineStart, existing.start))) {
      // a block collection on its own lines: the new block takes its lines, at its column
      const block = render(value, col).block ?? '';
      return [{ start: keyLineStart, end: end0, text: `${block}\n` }];
    }
    // a value on its key's line becomes a block on the lines after the key
    const keyIndent = /^ */.exec(t.text.slice(keyLineStart))?.[0].length ?? 0;
    const block = render(value, keyIndent + 2).block ?? '';
    const end = lineEndOf(t.text, Math.max(existing.start, existing.end - 1));
    let start = existing.start;
    while (start > keyLineStart && t.text[start - 1] === ' ') start--;
    return [{ start, end, text: `\n${block}\n` }];
  }
  // find the deepest existing mapping on the path
  let depth = 0;
  let parent: HMap = t.root;
  for (; depth < path.length - 1; depth++) {
    const next = get(parent, String(path[depth]));
    if (!isMap(next)) break;
    parent = next;
  }
  const rest = path.slice(depth);
  let nested: unknown = value;
  for (let i = rest.length - 1; i >= 1; i--) nested = { [String(rest[i])]: nested };
  const key = String(rest[0]);
  const emptyHere = getPair(parent, key);
  if (emptyHere && isScalar(emptyHere.value) && emptyHere.value.implicit) {
    const keyIndent = emptyHere.key.start - lineStartOf(t.text, emptyHere.key.start);
    const r = render(nested, keyIndent + 2);
    const at = emptyHere.value.start;
    return [{ start: at, end: at, text: r.inline !== undefined ? ` ${r.inline}` : `\n${r.block ?? ''}` }];
  }
  if (parent.flow) {
    const r = stringify({ [key]: nested }, { version: '1.1', collectionStyle: 'flow' })
      .trim()
      .slice(1, -1)
      .trim();
    const close = parent.end - 1;
    const sep = entries(parent).length ? ', ' : '';
    return [{ start: close, end: close, text: `${sep}${r}` }];
  }
  const indent = parent.pairs.length
    ? indentOf(t, parent)
    : depth === 0
      ? 0
      : (() => {
          const parentPair = getPair(nodeAt(t.root ?? undefined, path.slice(0, depth - 1)), String(path[depth - 1]));
          return parentPair ? parentPair.key.start - lineStartOf(t.text, parentPair.key.start) + 2 : 2;
        })();
  const r = render(nested, indent + 2);
  const line = `${' '.repeat(indent)}${quoteKey(key)}:${r.inline !== undefined ? ` ${r.inline}` : `\n${r.block ?? ''}`}\n`;
  const last = [...parent.pairs].reverse().find((p) => !p.merged);
  if (!last) {
    const at = t.text.length;
    return [{ start: at, end: at, text: (t.text.endsWith('\n') || at === 0 ? '' : '\n') + line }];
  }
  let at = lineEndOf(t.text, Math.max(last.key.end, last.value.end - 1));
  if (at === t.text.length && !t.text.endsWith('\n')) return [{ start: at, end: at, text: `\n${line.trimEnd()}` }];
  // keep trailing blank lines/comments of the block with what follows
  void isString;
  at = Math.min(at, t.text.length);
  return [{ start: at, end: at, text: line }];
}

/** True when some collection above the node at `path` is written in flow style. */
function inFlow(t: HotTemplate, path: PathSegment[]): boolean {
  for (let i = 0; i < path.length; i++) {
    const n = nodeAt(t.root ?? undefined, path.slice(0, i));
    if ((isMap(n) || isSeq(n)) && n.flow) return true;
  }
  return false;
}

function quoteKey(key: string): string {
  return /^[A-Za-z_][\w.:-]*$/.test(key) ? key : JSON.stringify(key);
}

export { keyText };
