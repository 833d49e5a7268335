// Topology -> Cytoscape element definitions, pure. Node data carries what the
// stylesheet keys on (kind, glyph, colour, badges); ids are the resource
// names (network parameters: `param:<name>`), so layout and selection map 1:1.
import type { ElementDefinition } from 'cytoscape';
import { KIND_COLOR } from '../../shared/topology/kinds';
import { iconUri } from './icons';
import type { Kind } from '../../shared/topology/kinds';
import type { Topology } from '../../shared/topology/model';
import type { Point } from './layout';

export interface Badges {
  errors: Map<string, number>;
  warnings: Map<string, number>;
  /** Existing resources the cloud no longer holds, and the word that marks them (translated by the caller). */
  missing?: ReadonlySet<string>;
  missingText?: string;
}

/** Join resources drawn small: they only exist to connect two others. */
export const SMALL_KINDS: ReadonlySet<Kind> = new Set<Kind>(['router-interface', 'volume-attachment', 'floating-ip-association', 'subnet', 'port']);

/** The name with status badges: ✖ errors, ⚠ warnings (counts). */
export function nodeLabel(name: string, errors: number, warnings: number): string {
  return `${name}${errors ? ` ✖${errors}` : ''}${warnings ? ` ⚠${warnings}` : ''}`;
}

export function toElements(topo: Topology, positions: Readonly<Record<string, Point>>, badges?: Badges): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  for (const n of topo.nodes) {
    const errors = badges?.errors.get(n.id) ?? 0;
    const warnings = badges?.warnings.get(n.id) ?? 0;
    const missing = !!badges?.missing?.has(n.id);
    // An existing resource shows its name in the cloud; a missing one says so in words, not only in colour.
    const name = n.existing ? n.existing.name : n.name;
    const el: ElementDefinition = {
      group: 'nodes',
      data: {
        id: n.id,
        label: nodeLabel(missing ? `${name} ⊘ ${badges?.missingText ?? 'missing'}` : name, errors, warnings),
        icon: iconUri(n.kind),
        kind: n.kind,
        type: n.type,
        color: KIND_COLOR[n.kind],
        size: SMALL_KINDS.has(n.kind) ? 'small' : 'normal',
        status: errors ? 'error' : warnings ? 'warning' : 'ok',
        param: n.isParam ? 1 : 0,
        existing: n.existing ? 1 : 0,
        missing: missing ? 1 : 0,
      },
    };
    const p = positions[n.id];
    if (p) el.position = { x: p.x, y: p.y };
    out.push(el);
  }
  for (const e of topo.edges) {
    out.push({ group: 'edges', data: { id: `e:${e.id}`, source: e.source, target: e.target, label: e.label, kind: e.kind } });
  }
  return out;
}

/** Prefix of a collapsed group's node id (never a HOT resource name: ':' is not allowed there by us). */
export const GROUP_PREFIX = 'group:';

/**
 * Collapses groups of nodes into one node each (a view state: the YAML is not
 * touched). Edges to members go to the group; edges inside a group vanish;
 * parallel edges merge, their labels joined.
 */
export function collapseGroups(
  els: ElementDefinition[],
  groups: Readonly<Record<string, readonly string[]>>,
  positions: Readonly<Record<string, Point>>,
): ElementDefinition[] {
  const owner = new Map<string, string>();
  for (const [g, members] of Object.entries(groups)) for (const m of members) owner.set(m, GROUP_PREFIX + g);
  if (owner.size === 0) return els;
  const out: ElementDefinition[] = [];
  const edges = new Map<string, ElementDefinition>();
  for (const el of els) {
    if (el.group === 'nodes') {
      if (!owner.has(el.data.id as string)) out.push(el);
      continue;
    }
    const source = owner.get(el.data.source as string) ?? (el.data.source as string);
    const target = owner.get(el.data.target as string) ?? (el.data.target as string);
    if (source === target) continue;
    if (source === el.data.source && target === el.data.target) {
      out.push(el);
      continue;
    }
    const id = `e:${source}->${target}`;
    const prev = edges.get(id);
    if (prev) prev.data.label = `${String(prev.data.label)}, ${String(el.data.label)}`;
    else edges.set(id, { group: 'edges', data: { ...el.data, id, source, target } });
  }
  for (const [g, members] of Object.entries(groups)) {
    const pts = members.map((m) => positions[m]).filter((p): p is Point => !!p);
    const at = pts.length ? { x: pts.reduce((a, p) => a + p.x, 0) / pts.length, y: pts.reduce((a, p) => a + p.y, 0) / pts.length } : { x: 0, y: 0 };
    out.push({
      group: 'nodes',
      data: {
        id: GROUP_PREFIX + g,
        label: `${g} (${members.length})`,
        kind: 'nested',
        color: '#495057',
        icon: iconUri('nested'),
        size: 'normal',
        status: 'ok',
        param: 0,
        members: members.length,
      },
      position: at,
    });
  }
  return [...out, ...edges.values()];
}
