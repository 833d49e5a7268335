// The eight rules of seed 000 (SPEC 1.2) as pure verdicts over a topology.
// Rules 1-6 and 8 are decided here, offline; rule 7 (an image or zone that
// disappears later) needs the cloud: shared/existing/revalidate.ts, run on
// "check again" with a cloud and before a deploy.
// A refusal carries a reason code the UI translates (i18n editor.rules.*).
import { SEED_KINDS } from './kinds';
import type { Kind } from './kinds';
import type { TopoNode, Topology } from './model';
import { connectionOf } from './connections';
import { no, OK } from './verdict';
import type { Verdict } from './verdict';

export type { RefusalReason, Verdict } from './verdict';

const ROOTS: ReadonlySet<Kind> = new Set<Kind>(['external-network', 'shared-network', 'private-network']);

/** May a `childKind` (new, or the existing node `childId`) hang under `parent`? */
export function pairVerdict(topo: Topology, childKind: Kind, parent: TopoNode, childId?: string): Verdict {
  if (childId === parent.id) return no('same-node');
  // An existing resource keeps the cloud's relations (SPEC 1.5): it never becomes anyone's child on the canvas.
  const child = childId ? topo.byId.get(childId) : undefined;
  if (child?.existing) return no('existing-fixed', { name: child.existing.name });
  const connection = connectionOf(childKind, parent.kind);
  // Rule 6 and "already connected" live with each connection's row.
  if (connection) return connection.refuse?.({ topo, parent, childId }) ?? OK;
  if (SEED_KINDS.has(childKind) || SEED_KINDS.has(parent.kind)) {
    // Rules 2-5 say what may hang under each seed kind; name the one that applies.
    if (parent.kind === 'shared-network') return no('shared-only-servers');
    if (parent.kind === 'external-network') return no('external-only-routers');
    if (parent.kind === 'router') return no('router-only-networks');
    if (parent.kind === 'server') return no('server-only-volumes-fip');
    return no('no-connection', { child: childKind, parent: parent.kind });
  }
  return OK;
}

/** Rule 1: what may be dropped on the canvas, on empty space (target null) or on a node. */
export function dropVerdict(topo: Topology, kind: Kind, target: TopoNode | null): Verdict {
  if (target) return pairVerdict(topo, kind, target);
  if (!SEED_KINDS.has(kind)) return OK;
  if (topo.nodes.length === 0) {
    return ROOTS.has(kind) || kind === 'server' ? OK : no('empty-canvas-roots');
  }
  if (ROOTS.has(kind)) return OK;
  if (kind === 'router') return no('router-needs-external');
  if (kind === 'server') return no('server-needs-network');
  if (kind === 'volume' || kind === 'floating-ip') return no('needs-server');
  return no('needs-parent');
}

/** Dragging from `from` to `to`: either may be the child; returns the orientation that works. */
export function connectVerdict(topo: Topology, from: string, to: string): Verdict & { child?: string; parent?: string } {
  const a = topo.byId.get(from);
  const b = topo.byId.get(to);
  if (!a || !b) return no('no-connection', { child: from, parent: to });
  if (a.id === b.id) return no('same-node');
  const forward = pairVerdict(topo, a.kind, b, a.id);
  if (forward.ok) return { ok: true, child: a.id, parent: b.id };
  const backward = pairVerdict(topo, b.kind, a, b.id);
  if (backward.ok) return { ok: true, child: b.id, parent: a.id };
  // Prefer the reason about a real limit (one floating IP, routing) over "cannot go there".
  const specific: ReadonlySet<string> = new Set(['one-floating-ip', 'floating-ip-needs-route', 'already-connected', 'router-has-gateway', 'existing-fixed']);
  return !forward.ok && specific.has(forward.reason) ? forward : !backward.ok && specific.has(backward.reason) ? backward : forward;
}

/** Node ids a palette item may be dropped on (highlighted while dragging). */
export function dropTargets(topo: Topology, kind: Kind): string[] {
  return topo.nodes.filter((n) => connectionOf(kind, n.kind) && dropVerdict(topo, kind, n).ok).map((n) => n.id);
}

/** Node ids a drag starting at `from` may connect to. */
export function connectTargets(topo: Topology, from: string): string[] {
  const a = topo.byId.get(from);
  if (!a) return [];
  return topo.nodes
    .filter((n) => n.id !== from && (connectionOf(a.kind, n.kind) || connectionOf(n.kind, a.kind)) && connectVerdict(topo, from, n.id).ok)
    .map((n) => n.id);
}

/** Rule 8: a canvas with only an external network or only a shared network cannot be saved. */
export function saveVerdict(topo: Topology): Verdict {
  if (topo.nodes.length > 0 && topo.nodes.every((n) => n.kind === 'external-network' || n.kind === 'shared-network')) return no('only-root-networks');
  return OK;
}
