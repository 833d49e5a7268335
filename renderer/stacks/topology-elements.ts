// The live topology's nodes and edges as Cytoscape element definitions, with
// the editor's node data (kind, colour, icon, size) and the resource's tone.
// Pure: the component only diffs these by id.
import type { ElementDefinition } from 'cytoscape';
import { KIND_COLOR } from '../../shared/topology/kinds';
import { SMALL_KINDS } from '../canvas/elements';
import { statusIconUri } from '../canvas/status-icon';
import type { TopoNode, LiveTopology } from './live-topology';

export function topologyElements(topo: LiveTopology, label: (n: TopoNode) => string): ElementDefinition[] {
  return [
    ...topo.nodes.map((n) => ({
      group: 'nodes' as const,
      data: {
        id: n.id,
        label: label(n),
        tone: n.tone,
        kind: n.kind,
        color: KIND_COLOR[n.kind],
        icon: statusIconUri(n.kind, n.tone),
        size: SMALL_KINDS.has(n.kind) ? 'small' : 'normal',
        nested: n.nestedStackId !== null && !n.expanded,
        ...(n.parent ? { parent: n.parent } : {}),
      },
      position: { ...n.position },
    })),
    ...topo.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
  ];
}
