// The live topology as pure data: a stack's resources (any nested depth) ->
// nodes with the editor's kind, positions, status tone and label. Laid out
// with the editor's layered layout, cut into bands that fit the canvas
// (renderer/canvas/balanced-layout.ts). Nested stacks are compound nodes:
// expanded ones hold their resources in place. Kept free of Cytoscape so it is tested headless and the component
// only diffs what changed (status updates never relayout).
import type { HeatResource } from '../../shared/cloud/heat-types';
import { phaseOf } from '../../shared/cloud/resource-phase';
import { kindOfType, type Kind } from '../../shared/topology/kinds';
import { balancedLayout, type Cell } from '../canvas/balanced-layout';

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
  /** The editor's kind (its icon and colour); a resource that owns a nested stack is 'nested'. */
  kind: Kind;
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

export interface LiveTopology {
  nodes: TopoNode[];
  edges: TopoEdge[];
}

export const nodeId = (stackId: string, name: string) => `${stackId}/${name}`;

/** The stack a resource belongs to, from its `stack` link (nested depth reads mix stacks). */
export function resourceStack(r: Pick<HeatResource, 'links'>, fallback: string): string {
  const href = r.links.find((l) => l.rel === 'stack')?.href;
  return href ? (href.split('/').filter(Boolean).at(-1) ?? fallback) : fallback;
}

/** A cell of the live topology: an editor-sized icon with two label lines (name, status) under it. */
export const CELL_X = 170;
export const CELL_Y = 110;
/** Room around an expanded nested stack's members: its label on top, a margin around. */
const PAD_X = 40;
const PAD_TOP = 50;
const PAD_BOTTOM = 30;

/** Heat types that run a nested stack (templates by file name are 'nested' already). */
const NESTED_TYPES = new Set([
  'OS::Heat::ResourceGroup',
  'OS::Heat::AutoScalingGroup',
  'OS::Heat::Stack',
  'AWS::AutoScaling::AutoScalingGroup',
  'AWS::CloudFormation::Stack',
]);

export function liveKind(type: string, ownsNestedStack: boolean): Kind {
  const k = kindOfType(type);
  return k === 'other' && (ownsNestedStack || NESTED_TYPES.has(type)) ? 'nested' : k;
}

export interface TopologyOptions {
  /** The canvas size in px: long chains are cut into bands so a fit keeps them readable there. */
  viewport?: { width: number; height: number };
}

export function buildLiveTopology(
  topStackId: string,
  resources: readonly HeatResource[],
  expanded: ReadonlySet<string>,
  options: TopologyOptions = {},
): LiveTopology {
  const byStack = new Map<string, HeatResource[]>();
  for (const r of resources) {
    const sid = resourceStack(r, topStackId);
    const list = byStack.get(sid) ?? [];
    list.push(r);
    byStack.set(sid, list);
  }
  const nodes: TopoNode[] = [];
  const edges: TopoEdge[] = [];
  const seen = new Set<string>();

  /** Lays out one stack's resources with their top-left corner at (0, 0); returns its nodes (nested ones included) and size. */
  const place = (stackId: string, parent: string | null): { made: TopoNode[]; width: number; height: number } => {
    seen.add(stackId);
    const list = (byStack.get(stackId) ?? []).slice().sort((a, b) => a.resource_name.localeCompare(b.resource_name, undefined, { numeric: true }));
    const names = new Set(list.map((r) => r.resource_name));
    const all: TopoNode[] = [];
    const inner = new Map<string, { made: TopoNode[]; width: number; height: number }>();
    const own: TopoNode[] = list.map((r) => {
      const id = nodeId(stackId, r.resource_name);
      const nested = r.physical_resource_id && byStack.has(r.physical_resource_id) && !seen.has(r.physical_resource_id) ? r.physical_resource_id : null;
      const n: TopoNode = {
        id,
        name: r.resource_name,
        stackId,
        type: r.resource_type,
        kind: liveKind(r.resource_type, nested !== null),
        status: r.resource_status,
        reason: r.resource_status_reason,
        tone: toneOf(r.resource_status),
        parent,
        nestedStackId: nested,
        expanded: nested !== null && expanded.has(id),
        position: { x: 0, y: 0 },
      };
      if (n.expanded && nested) inner.set(id, place(nested, id));
      return n;
    });
    const deps: { source: string; target: string }[] = [];
    for (const r of list)
      for (const by of r.required_by)
        if (names.has(by)) {
          const source = nodeId(stackId, r.resource_name);
          const target = nodeId(stackId, by);
          edges.push({ id: `${source}->${by}`, source, target });
          deps.push({ source: target, target: source }); // the layout's edges point from a resource to what it depends on
        }
    const layout = balancedLayout(
      own.map((n) => {
        const box = inner.get(n.id);
        return box ? { id: n.id, width: box.width + 2 * PAD_X, height: box.height + PAD_TOP + PAD_BOTTOM } : { id: n.id };
      }),
      deps,
      { columnGap: CELL_X, rowGap: CELL_Y, ...(options.viewport ? { viewport: options.viewport } : {}) },
    );
    for (const n of own) {
      const c = layout.cells[n.id] as Cell;
      n.position = { x: c.x, y: c.y };
      all.push(n);
      const box = inner.get(n.id);
      if (!box) continue;
      // The members' own layout, moved into the cell (Cytoscape draws the compound around them).
      const dx = c.x - c.width / 2 + PAD_X;
      const dy = c.y - c.height / 2 + PAD_TOP;
      for (const m of box.made) m.position = { x: m.position.x + dx, y: m.position.y + dy };
      all.push(...box.made);
    }
    return { made: all, width: layout.width, height: layout.height };
  };
  nodes.push(...place(topStackId, null).made);
  return { nodes, edges };
}
