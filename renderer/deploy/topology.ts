// The live topology as pure data: a stack's resources (any nested depth) ->
// Cytoscape element definitions with positions, status tone and label.
// Nested stacks are compound nodes: expanded ones hold their resources in
// place. Kept free of Cytoscape so it is tested headless and the component
// only diffs what changed (status updates never relayout).
import type { HeatResource } from '../../shared/cloud/heat-types';
import { phaseOf } from '../../shared/cloud/resource-phase';

/** waiting: the resource's first action has not started (Heat's INIT_COMPLETE). */
export type Tone = 'progress' | 'complete' | 'failed' | 'waiting' | 'other';

const TONE_OF_PHASE = { 'in-progress': 'progress', done: 'complete', failed: 'failed', 'not-started': 'waiting', gone: 'other', unknown: 'other' } as const;

/** Full statuses ('CREATE_FAILED') or bare halves ('FAILED', 'INIT', as legends show them). */
export function toneOf(status: string | null | undefined): Tone {
  return TONE_OF_PHASE[phaseOf(status)];
}

export interface TopoNode {
  id: string;
  name: string;
  stackId: string;
  type: string;
  status: string;
  reason: string | null;
  tone: Tone;
  parent: string | null;
  /** A nested stack resource: its nested stack's id. */
  nestedStackId: string | null;
  expanded: boolean;
  position: { x: number; y: number };
}

export interface TopoEdge {
  id: string;
  source: string;
  target: string;
}

export interface Topology {
  nodes: TopoNode[];
  edges: TopoEdge[];
}

export const nodeId = (stackId: string, name: string) => `${stackId}/${name}`;

/** The stack a resource belongs to, from its `stack` link (nested depth reads mix stacks). */
export function resourceStack(r: Pick<HeatResource, 'links'>, fallback: string): string {
  const href = r.links.find((l) => l.rel === 'stack')?.href;
  return href ? (href.split('/').filter(Boolean).at(-1) ?? fallback) : fallback;
}

const GAP_X = 190;
const GAP_Y = 110;
const CHILD_X = 150;
const CHILD_Y = 80;

export function buildTopology(topStackId: string, resources: readonly HeatResource[], expanded: ReadonlySet<string>): Topology {
  const byStack = new Map<string, HeatResource[]>();
  for (const r of resources) {
    const sid = resourceStack(r, topStackId);
    const list = byStack.get(sid) ?? [];
    list.push(r);
    byStack.set(sid, list);
  }
  const nodes: TopoNode[] = [];
  const edges: TopoEdge[] = [];

  const place = (stackId: string, parent: string | null, origin: { x: number; y: number }): { width: number; height: number } => {
    const list = (byStack.get(stackId) ?? []).slice().sort((a, b) => a.resource_name.localeCompare(b.resource_name, undefined, { numeric: true }));
    const names = new Set(list.map((r) => r.resource_name));
    const made: TopoNode[] = list.map((r) => {
      const id = nodeId(stackId, r.resource_name);
      const nested = r.physical_resource_id && byStack.has(r.physical_resource_id) ? r.physical_resource_id : null;
      return {
        id,
        name: r.resource_name,
        stackId,
        type: r.resource_type,
        status: r.resource_status,
        reason: r.resource_status_reason,
        tone: toneOf(r.resource_status),
        parent,
        nestedStackId: nested,
        expanded: nested !== null && expanded.has(id),
        position: { x: 0, y: 0 },
      };
    });
    for (const r of list) for (const by of r.required_by) if (names.has(by)) edges.push({ id: `${nodeId(stackId, r.resource_name)}->${by}`, source: nodeId(stackId, r.resource_name), target: nodeId(stackId, by) });
    nodes.push(...made);

    if (parent !== null) {
      // Inside a nested stack: a compact grid (ResourceGroup members have no order to show).
      const cols = Math.max(1, Math.ceil(Math.sqrt(made.length)));
      made.forEach((n, i) => (n.position = { x: origin.x + (i % cols) * CHILD_X, y: origin.y + Math.floor(i / cols) * CHILD_Y }));
      return { width: cols * CHILD_X, height: Math.ceil(made.length / cols) * CHILD_Y };
    }
    // The top stack: layers by dependency (what others need above them), expanded nested stacks widened.
    const rank = ranks(list);
    const layers: TopoNode[][] = [];
    made.forEach((n) => (layers[rank.get(n.name) ?? 0] ??= []).push(n));
    let y = origin.y;
    for (const layer of layers) {
      if (!layer) continue;
      let x = origin.x;
      let height = GAP_Y;
      for (const n of layer) {
        n.position = { x, y };
        let width = GAP_X;
        if (n.expanded && n.nestedStackId) {
          const size = place(n.nestedStackId, n.id, { x, y });
          width = Math.max(GAP_X, size.width + 40);
          height = Math.max(height, size.height + 60);
        }
        x += width;
      }
      y += height;
    }
    return { width: 0, height: y - origin.y };
  };
  place(topStackId, null, { x: 0, y: 0 });
  return { nodes, edges };
}

/** rank = 0 for what nothing is needed by... inverted: a resource sits one layer below everything it depends on. */
function ranks(list: readonly HeatResource[]): Map<string, number> {
  const deps = new Map<string, string[]>(list.map((r) => [r.resource_name, []]));
  for (const r of list) for (const by of r.required_by) deps.get(by)?.push(r.resource_name);
  const rank = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (name: string): number => {
    const known = rank.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) return 0; // a cycle (Heat refuses them; be safe anyway)
    visiting.add(name);
    let r = 0;
    for (const d of deps.get(name) ?? []) r = Math.max(r, visit(d) + 1);
    visiting.delete(name);
    rank.set(name, r);
    return r;
  };
  for (const r of list) visit(r.resource_name);
  return rank;
}
