// The editor's layered layout (ranks from layout.ts: dependencies above what
// depends on them, one barycenter sweep) made to fit a viewport: wide layers
// wrap into rows, and a graph that is much taller than the viewport (a chain
// of 12 resources is 12 layers) is cut into bands of consecutive rows set
// side by side, like the columns of a newspaper, so a fit keeps nodes at a
// readable size instead of shrinking them to dots. Nodes may be bigger than a
// cell (an expanded nested stack drawn in place): rows and bands grow to hold
// them. Pure and linear in the graph (bands: quadratic in the row count only).
import { orderedLayers, type LayoutEdge, type Point } from './layout';

export interface SizedNode {
  id: string;
  /** Room the node needs, default one cell (columnGap x rowGap). */
  width?: number;
  height?: number;
}

export interface BalancedOptions {
  columnGap?: number;
  rowGap?: number;
  /** Space between two bands. */
  bandGap?: number;
  /** The area the graph is fitted into, in px: the layout aims at the biggest zoom (up to 1) there. */
  viewport?: { width: number; height: number };
  /** Wide layers wrap into rows of at most this many nodes (default: from the viewport's shape). */
  maxPerRow?: number;
}

export interface Cell {
  /** Centre of the node's cell. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BalancedLayout {
  cells: Record<string, Cell>;
  /** How many bands the rows were cut into (1: the plain layered layout). */
  bands: number;
  width: number;
  height: number;
}

const DEFAULT_VIEWPORT = { width: 1000, height: 500 };

export function balancedLayout(nodes: readonly SizedNode[], edges: readonly LayoutEdge[], options: BalancedOptions = {}): BalancedLayout {
  const colGap = options.columnGap ?? 130;
  const rowGap = options.rowGap ?? 110;
  const bandGap = options.bandGap ?? colGap / 2;
  const view = options.viewport ?? DEFAULT_VIEWPORT;
  const size = new Map(nodes.map((n) => [n.id, { w: Math.max(colGap, n.width ?? colGap), h: Math.max(rowGap, n.height ?? rowGap) }]));
  // The editor's layers and order; names with numbers in order (r2 before r10).
  const layers = orderedLayers(nodes, edges, (a, b) => a.localeCompare(b, undefined, { numeric: true }));
  // Wide layers wrap: a layer of n nodes becomes a block about the viewport's shape.
  const perRow = options.maxPerRow ?? Math.max(4, Math.ceil(Math.sqrt(nodes.length * (view.width / view.height) * (rowGap / colGap))));
  const rows: { ids: string[]; width: number; height: number }[] = [];
  for (const layer of layers) {
    if (!layer) continue;
    for (let start = 0; start < layer.length; start += perRow) {
      const ids = layer.slice(start, start + perRow);
      rows.push({ ids, width: ids.reduce((a, id) => a + (size.get(id)?.w ?? colGap), 0), height: Math.max(...ids.map((id) => size.get(id)?.h ?? rowGap)) });
    }
  }
  if (rows.length === 0) return { cells: {}, bands: 1, width: 0, height: 0 };

  // Bands: the fewest that give the biggest fit zoom (a fit never zooms past 1).
  const measure = (b: number) => {
    const per = Math.ceil(rows.length / b);
    let width = 0;
    let height = 0;
    for (let s = 0; s < rows.length; s += per) {
      const band = rows.slice(s, s + per);
      width += Math.max(...band.map((r) => r.width)) + (s ? bandGap : 0);
      height = Math.max(
        height,
        band.reduce((a, r) => a + r.height, 0),
      );
    }
    return { per, width, height, zoom: Math.min(1, view.width / width, view.height / height) };
  };
  let best = measure(1);
  let lastPer = best.per;
  for (let b = 2; b <= rows.length && best.zoom < 1; b++) {
    if (Math.ceil(rows.length / b) === lastPer) continue; // the same cut as b - 1
    const m = measure(b);
    lastPer = m.per;
    if (m.zoom > best.zoom + 1e-9) best = m;
  }
  const bands = Math.ceil(rows.length / best.per);

  const cells: Record<string, Cell> = {};
  let left = 0;
  for (let s = 0; s < rows.length; s += best.per) {
    const band = rows.slice(s, s + best.per);
    const bandWidth = Math.max(...band.map((r) => r.width));
    let top = 0;
    for (const row of band) {
      let x = left + (bandWidth - row.width) / 2;
      for (const id of row.ids) {
        const sz = size.get(id) ?? { w: colGap, h: rowGap };
        cells[id] = { x: x + sz.w / 2, y: top + sz.h / 2, width: sz.w, height: sz.h };
        x += sz.w;
      }
      top += row.height;
    }
    left += bandWidth + bandGap;
  }
  return { cells, bands, width: best.width, height: best.height };
}

/** The cells' centres, for callers that only need positions. */
export function centres(layout: BalancedLayout): Record<string, Point> {
  const out: Record<string, Point> = {};
  for (const [id, c] of Object.entries(layout.cells)) out[id] = { x: c.x, y: c.y };
  return out;
}
