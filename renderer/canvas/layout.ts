// Layered auto layout, pure and linear: dependencies above what depends on
// them (networks over their routers, ports and servers), so members sit
// visibly under their networks. Hand-written rather than dagre or ELK:
// measured on a 5,000-node template, cytoscape-dagre took ~30 s and elkjs's
// layered ~10 s, against the bench target of a first frame within 3x of a
// bare render; this runs in milliseconds. Positions the user has (saved in
// the library beside the YAML) are kept; only new nodes are placed.
export interface LayoutNode {
  id: string;
  /** Small join nodes (router interfaces, attachments) get less room. */
  small?: boolean;
}
export interface LayoutEdge {
  source: string;
  target: string;
}
export interface Point {
  x: number;
  y: number;
}
export interface LayoutOptions {
  columnGap?: number;
  rowGap?: number;
  /** Wide layers wrap into rows of at most this many nodes. */
  maxPerRow?: number;
}

/** rank(n) = 0 with no dependencies, else 1 + the highest rank it depends on. Cycles are cut. */
export function ranks(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, number> {
  const out = new Map<string, string[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) out.set(n.id, []);
  for (const e of edges) if (ids.has(e.source) && ids.has(e.target) && e.source !== e.target) out.get(e.source)?.push(e.target);
  const rank = new Map<string, number>();
  const state = new Map<string, 1 | 2>();
  // Iterative DFS: deep dependency chains in big templates must not overflow the stack.
  for (const root of nodes) {
    if (state.has(root.id)) continue;
    const stack: { id: string; i: number }[] = [{ id: root.id, i: 0 }];
    state.set(root.id, 1);
    while (stack.length) {
      const top = stack[stack.length - 1] as { id: string; i: number };
      const next = out.get(top.id) ?? [];
      if (top.i < next.length) {
        const child = next[top.i++] as string;
        if (!state.has(child)) {
          state.set(child, 1);
          stack.push({ id: child, i: 0 });
        }
        continue;
      }
      let r = 0;
      for (const c of next) if (state.get(c) === 2) r = Math.max(r, (rank.get(c) ?? 0) + 1);
      rank.set(top.id, r);
      state.set(top.id, 2);
      stack.pop();
    }
  }
  return rank;
}

/**
 * Nodes by rank (what depends on nothing first), each layer ordered by one
 * barycenter sweep downwards: a node sits near the average of what it
 * depends on; `tie` orders nodes with the same barycenter.
 */
export function orderedLayers(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], tie: (a: string, b: string) => number): string[][] {
  const rank = ranks(nodes, edges);
  const layers: string[][] = [];
  for (const n of nodes) (layers[rank.get(n.id) ?? 0] ??= []).push(n.id);
  const index = new Map<string, number>();
  const deps = new Map<string, string[]>();
  for (const e of edges) (deps.get(e.source) ?? deps.set(e.source, []).get(e.source))?.push(e.target);
  layers.forEach((layer, r) => {
    if (r > 0) {
      const bary = new Map<string, number>();
      layer.forEach((id, i) => {
        const ds = (deps.get(id) ?? []).map((d) => index.get(d)).filter((v): v is number => v !== undefined);
        bary.set(id, ds.length ? ds.reduce((a, b) => a + b, 0) / ds.length : i);
      });
      layer.sort((a, b) => (bary.get(a) ?? 0) - (bary.get(b) ?? 0) || tie(a, b));
    }
    layer.forEach((id, i) => index.set(id, i));
  });
  return layers;
}

export function layeredLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], options: LayoutOptions = {}): Record<string, Point> {
  const colGap = options.columnGap ?? 130;
  const rowGap = options.rowGap ?? 110;
  const maxPerRow = options.maxPerRow ?? 40;
  const layers = orderedLayers(nodes, edges, (a, b) => a.localeCompare(b));
  const pos: Record<string, Point> = {};
  let y = 0;
  for (const layer of layers) {
    if (!layer) continue;
    for (let start = 0; start < layer.length; start += maxPerRow) {
      const row = layer.slice(start, start + maxPerRow);
      const width = (row.length - 1) * colGap;
      row.forEach((id, i) => (pos[id] = { x: i * colGap - width / 2, y }));
      y += rowGap;
    }
  }
  return pos;
}

/** Saved positions win; new nodes are laid out and shifted below what is already placed. */
export function mergeLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], saved: Readonly<Record<string, Point>>): Record<string, Point> {
  const missing = nodes.filter((n) => !saved[n.id]);
  const out: Record<string, Point> = {};
  for (const n of nodes) if (saved[n.id]) out[n.id] = saved[n.id] as Point;
  if (missing.length === 0) return out;
  const placed = Object.values(out);
  if (placed.length === 0) return { ...layeredLayout(nodes, edges) };
  // Place each new node under the first placed node it connects to, else in a row below everything.
  const bottom = Math.max(...placed.map((p) => p.y));
  let k = 0;
  const touching = new Map<string, LayoutEdge[]>();
  for (const e of edges) for (const id of [e.source, e.target]) (touching.get(id) ?? touching.set(id, []).get(id))?.push(e);
  // Cells a node occupies, so a new node never lands on (or half on) another.
  const cell = (p: Point) => `${Math.round(p.x / 110)},${Math.round(p.y / 90)}`;
  const taken = new Set(placed.map(cell));
  for (const n of missing) {
    const link = (touching.get(n.id) ?? []).find((e) => (e.source === n.id && out[e.target]) || (e.target === n.id && out[e.source]));
    let p: Point;
    if (link) {
      const anchor = (link.source === n.id ? out[link.target] : out[link.source]) as Point;
      p = { x: anchor.x, y: anchor.y + (link.source === n.id ? 110 : -110) };
      while (taken.has(cell(p))) p = { x: p.x + 130, y: p.y };
    } else {
      p = { x: k++ * 130, y: bottom + 140 };
    }
    taken.add(cell(p));
    out[n.id] = p;
  }
  return out;
}
