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
    const el: ElementDefinition = {
      group: 'nodes',
      data: {
        id: n.id,
        label: nodeLabel(n.name, errors, warnings),
        icon: iconUri(n.kind),
        kind: n.kind,
        type: n.type,
        color: KIND_COLOR[n.kind],
        size: SMALL_KINDS.has(n.kind) ? 'small' : 'normal',
        status: errors ? 'error' : warnings ? 'warning' : 'ok',
        param: n.isParam ? 1 : 0,
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
