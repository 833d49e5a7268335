// Turns YAML/JSON text into the HOT tree with Heat's loading semantics, and
// turns every kind of bad input into one located diagnostic instead of a
// crash or a hang: over-large files, nesting deep enough to exhaust the
// parser, tabs, syntax errors, unknown tags, recursive aliases and alias
// "bombs" whose expansion would explode when Heat serialises the template.
import { isAlias, isMap as yIsMap, isPair, isScalar as yIsScalar, isSeq as yIsSeq, parseDocument, visit } from 'yaml';
import type { Alias as YAlias, Document, Node as YNode, Pair as YPair, Scalar as YScalar } from 'yaml';
import type { DiagnosticSink } from './diagnostics';
import type { HMap, HNode, HPair, HScalar, HSeq, ScalarStyle } from './node';
import { isMap, keyText } from './node';
import { HEAT_YAML_OPTIONS } from './yaml-schema';
import { msg, type Message, type MessageKey } from '../messages/message';
import { messagesEn } from '../messages/en';

/** Files above this are not parsed at all (Heat's own limit is 512 KiB). */
export const MAX_PARSE_BYTES = 8 * 1024 * 1024;
/** Nesting beyond this is rejected before the parser sees it. */
export const MAX_DEPTH = 1000;
/**
 * Nodes an alias-expanded document may hold. heatclient sends the template
 * expanded, as JSON, and every node costs at least 2 bytes there, so beyond
 * this the request exceeds Heat's max_json_body_size (1 MiB) anyway. The
 * corpus expands at most 2.6x, to 3,312 nodes; a 512 KiB template without
 * aliases holds about 100k. The bound also caps the time every later walk
 * (validate, graph, quota count) spends on a template.
 */
export const MAX_EXPANDED_NODES = 500_000;

const STYLES: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'block',
  BLOCK_FOLDED: 'folded',
};

/**
 * A cheap scan for nesting that would exhaust the YAML parser: flow brackets
 * outside quotes and comments, and block indentation (spaces and compact "- "
 * runs). Over-counts brackets inside block scalars, hence the generous limit.
 */
export function scanNesting(text: string): { depth: number; offset: number } {
  let flow = 0;
  let maxDepth = 0;
  let at = 0;
  let lineStart = true;
  let indent = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32 || c === 45 /* - */) {
        indent++;
        if (indent > maxDepth) {
          maxDepth = indent;
          at = i;
        }
        continue;
      }
      lineStart = false;
    }
    if (c === 35 /* # */ && (i === 0 || text.charCodeAt(i - 1) <= 32)) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? n : nl - 1;
      continue;
    }
    if ((c === 34 || c === 39) && (i === 0 || ' \t[{,:'.includes(text[i - 1] ?? ''))) {
      // skip a quoted scalar on this line
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 10) break;
        if (c === 34 && d === 92) j++;
        else if (d === c) break;
        j++;
      }
      if (j < n && text.charCodeAt(j) === c) i = j;
      continue;
    }
    if (c === 91 || c === 123) {
      flow++;
      if (flow > maxDepth) {
        maxDepth = flow;
        at = i;
      }
    } else if ((c === 93 || c === 125) && flow > 0) flow--;
  }
  return { depth: maxDepth, offset: at };
}

interface Ctx {
  /** Each alias's anchor, found in one pass (see resolveAliases). */
  targets: Map<YAlias, YNode>;
  sink: DiagnosticSink;
  memo: Map<YNode, HNode>;
  inProgress: Set<YNode>;
  shared: Set<HNode>;
  failed: boolean;
}

/**
 * The yaml package's error in the reader's words: each of its codes has its
 * own message (hot.yaml.<CODE>); a code a newer yaml adds falls back to its
 * English text, so nothing is lost.
 */
function yamlErrorMessage(code: string, text: string): Message {
  const key = `hot.yaml.${code}`;
  if (key in messagesEn) return msg(key as MessageKey);
  return msg('hot.yaml-syntax', { reason: text.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? text });
}

/** Parses text the way Heat does; null when the text cannot be used at all. */
export function loadYaml(text: string, sink: DiagnosticSink): HNode | null {
  if (text.length > MAX_PARSE_BYTES) {
    sink.error(
      'file-too-large',
      { start: 0, end: 0 },
      msg('hot.file-too-large', { bytes: text.length, limit: MAX_PARSE_BYTES }),
      msg('hot.file-too-large.hint'),
    );
    return null;
  }
  const nesting = scanNesting(text);
  if (nesting.depth > MAX_DEPTH) {
    sink.error('nesting-too-deep', { start: nesting.offset, end: nesting.offset }, msg('hot.nesting-too-deep', { depth: MAX_DEPTH }));
    return null;
  }
  let doc: Document;
  try {
    doc = parseFlowLenient(text);
  } catch (e) {
    sink.error('yaml-syntax', { start: 0, end: 0 }, msg('hot.yaml-syntax.parse', { reason: (e as Error).message }));
    return null;
  }
  const err = doc.errors[0];
  if (err) {
    const tab = err.code === 'TAB_AS_INDENT';
    sink.error(
      tab ? 'yaml-tab' : 'yaml-syntax',
      { start: err.pos[0], end: err.pos[1] },
      tab ? msg('hot.yaml-tab') : yamlErrorMessage(err.code, err.message),
      tab ? msg('hot.yaml-tab.hint') : undefined,
    );
    return null;
  }
  const tagWarning = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tagWarning) {
    sink.error(
      'yaml-unknown-tag',
      { start: tagWarning.pos[0], end: tagWarning.pos[1] },
      msg('hot.yaml-unknown-tag', { reason: tagWarning.message.split('\n')[0] ?? '' }),
      msg('hot.yaml-unknown-tag.hint'),
    );
    return null;
  }
  const ctx: Ctx = { targets: resolveAliases(doc), sink, memo: new Map(), inProgress: new Set(), shared: new Set(), failed: false };
  const contents = doc.contents as YNode | null;
  if (!contents) return null;
  let root: HNode;
  try {
    root = convert(contents, ctx, 0);
  } catch (e) {
    if (e instanceof RangeError) {
      sink.error('nesting-too-deep', { start: 0, end: 0 }, msg('hot.nesting-too-deep.analyse'));
      return null;
    }
    throw e;
  }
  if (ctx.failed) return null;
  if (ctx.shared.size > 0 && expandedSize(root, ctx.shared) > MAX_EXPANDED_NODES) {
    sink.error(
      'yaml-alias-expansion',
      { start: 0, end: 0 },
      msg('hot.yaml-alias-expansion', { limit: MAX_EXPANDED_NODES }),
      msg('hot.yaml-alias-expansion.hint'),
    );
    return null;
  }
  return root;
}

/**
 * PyYAML does not check indentation inside flow collections; the YAML 1.2
 * rule `yaml` enforces rejects real templates such as
 *     allocation_pools: [{
 *       "start": ...
 *     }]
 * where the closing bracket sits at the key's indentation. For each such
 * error we parse a same-length copy of the text in which the line break
 * before the offending bracket is a space, so every offset stays valid.
 */
function parseFlowLenient(text: string): Document {
  let src = text;
  for (let attempt = 0; attempt < 200; attempt++) {
    const doc = parseDocument(src, HEAT_YAML_OPTIONS) as Document;
    const bad = doc.errors.find((e) => e.code === 'BAD_INDENT' && e.message.includes('sufficiently indented'));
    if (!bad) return doc;
    const at = bad.pos[0];
    const ch = src[at];
    const nl = src.lastIndexOf('\n', at - 1);
    if (nl < 0 || !/^[ ]*$/.test(src.slice(nl + 1, at))) return doc;
    const prevStart = src.lastIndexOf('\n', nl - 1) + 1;
    const prev = src.slice(prevStart, nl);
    const prevEnd = prev.replace(/\s+$/, '');
    if (!(ch === '}' || ch === ']' || /[,[{]$/.test(prevEnd))) return doc;
    if (prev.includes('#')) return doc;
    const cut = src[nl - 1] === '\r' ? nl - 1 : nl;
    src = src.slice(0, cut) + ' '.repeat(nl + 1 - cut) + src.slice(nl + 1);
  }
  return parseDocument(src, HEAT_YAML_OPTIONS) as Document;
}

/**
 * Every alias's anchor in one document-order walk: the last node before the
 * alias with that anchor, as YAML (and Alias.resolve) define it. Alias.resolve
 * without a context walks the whole document for each alias, which made
 * 10,000 aliases of one anchor cost 10^8 node visits (6 s for 40 KB).
 */
function resolveAliases(doc: Document): Map<YAlias, YNode> {
  const latest = new Map<string, YNode>();
  const targets = new Map<YAlias, YNode>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        const target = latest.get(node.source);
        if (target) targets.set(node, target);
      } else {
        const anchor = (node as { anchor?: string }).anchor;
        if (anchor) latest.set(anchor, node as YNode);
      }
    },
  });
  return targets;
}

function expandedSize(root: HNode, shared: Set<HNode>): number {
  const memo = new Map<HNode, number>();
  const size = (n: HNode): number => {
    const known = memo.get(n);
    if (known !== undefined) return known;
    let s = 1;
    if (n.kind === 'map') for (const p of n.pairs) s += 1 + size(p.value);
    else if (n.kind === 'seq') for (const i of n.items) s += size(i);
    if (shared.has(n)) memo.set(n, s);
    return Math.min(s, Number.MAX_SAFE_INTEGER);
  };
  return size(root);
}

function convert(node: YNode, ctx: Ctx, depth: number): HNode {
  if (depth > MAX_DEPTH) throw new RangeError('depth');
  if (isAlias(node)) {
    const target = ctx.targets.get(node);
    const range = node.range ?? [0, 0, 0];
    if (!target || ctx.inProgress.has(target)) {
      ctx.sink.error('yaml-recursive-alias', { start: range[0], end: range[1] }, msg('hot.yaml-recursive-alias', { alias: node.source }));
      ctx.failed = true;
      return { kind: 'scalar', value: null, style: 'plain', start: range[0], end: range[1] };
    }
    const hit = ctx.memo.get(target) ?? convert(target, ctx, depth);
    ctx.shared.add(hit);
    return hit;
  }
  const anchored = !!(node as { anchor?: string }).anchor;
  if (anchored) ctx.inProgress.add(node);
  const out = convertNode(node, ctx, depth);
  if (anchored) {
    ctx.inProgress.delete(node);
    ctx.memo.set(node, out);
  }
  return out;
}

function convertNode(node: YNode, ctx: Ctx, depth: number): HNode {
  const range = node.range ?? [0, 0, 0];
  if (yIsScalar(node)) return scalar(node, range);
  if (yIsSeq(node)) {
    const items: HNode[] = [];
    for (const item of node.items) items.push(item ? convert(item as YNode, ctx, depth + 1) : nullAt(range[1]));
    const seq: HSeq = { kind: 'seq', items, flow: !!node.flow, start: range[0], end: range[1] };
    return seq;
  }
  if (yIsMap(node)) return convertMap(node.items as YPair[], !!node.flow, range, ctx, depth);
  return nullAt(range[0]);
}

function convertMap(items: YPair[], flow: boolean, range: [number, number, number], ctx: Ctx, depth: number): HMap {
  const map: HMap = { kind: 'map', pairs: [], index: new Map(), flow, start: range[0], end: range[1] };
  const merged: HPair[] = [];
  for (const item of items) {
    if (!isPair(item)) continue;
    const k = item.key as YNode | null;
    if (k && yIsScalar(k) && typeof k.value === 'symbol') {
      collectMerge(item.value as YNode | null, ctx, depth, merged);
      continue;
    }
    let key: HScalar;
    if (k && yIsScalar(k)) key = scalar(k, k.range ?? [0, 0, 0]);
    else if (k && isAlias(k)) {
      const target = convert(k, ctx, depth + 1);
      if (target.kind !== 'scalar') {
        ctx.sink.error('yaml-complex-key', target, msg('hot.yaml-complex-key'));
        ctx.failed = true;
        continue;
      }
      key = target;
    } else if (k) {
      const r = k.range ?? [0, 0, 0];
      ctx.sink.error('yaml-complex-key', { start: r[0], end: r[1] }, msg('hot.yaml-complex-key'));
      ctx.failed = true;
      continue;
    } else key = nullAt(range[0]);
    const v = item.value as YNode | null;
    const value = v ? convert(v, ctx, depth + 1) : nullAt(key.end);
    const pair: HPair = { key, value };
    const text = keyText(key);
    const prev = map.index.get(text);
    if (prev && !prev.merged) {
      ctx.sink.warning('duplicate-key', key, msg('hot.duplicate-key', { key: text, offset: String(prev.key.start) }), msg('hot.duplicate-key.hint'));
    }
    map.pairs.push(pair);
    map.index.set(text, pair);
  }
  for (const p of merged) {
    const text = keyText(p.key);
    if (!map.index.has(text)) {
      map.pairs.push(p);
      map.index.set(text, p);
    }
  }
  return map;
}

/** `<<: *a` or `<<: [*a, *b]`: earlier maps win, explicit keys win over all. */
function collectMerge(value: YNode | null, ctx: Ctx, depth: number, out: HPair[]): void {
  if (!value) return;
  const node = convert(value, ctx, depth + 1);
  const maps = node.kind === 'seq' ? node.items : [node];
  for (const m of maps) {
    if (!isMap(m)) {
      ctx.sink.error('yaml-bad-merge', m, msg('hot.yaml-bad-merge'));
      ctx.failed = true;
      return;
    }
    for (const p of m.index.values()) {
      if (!out.some((o) => keyText(o.key) === keyText(p.key))) out.push({ ...p, merged: true });
    }
  }
}

function scalar(node: YScalar, range: [number, number, number]): HScalar {
  let value = node.value as unknown;
  if (value instanceof Uint8Array || (typeof value === 'object' && value !== null)) value = String(node.source ?? '');
  if (typeof value === 'bigint') value = Number(value);
  const out: HScalar = {
    kind: 'scalar',
    value: value as HScalar['value'],
    style: STYLES[node.type ?? 'PLAIN'] ?? 'plain',
    start: range[0],
    end: range[1],
  };
  if (range[0] === range[1] && value === null) out.implicit = true;
  return out;
}

function nullAt(offset: number): HScalar {
  return { kind: 'scalar', value: null, style: 'plain', start: offset, end: offset, implicit: true };
}
