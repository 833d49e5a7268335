// The overview (minimap): every node as a dot and the viewport as a frame, on
// a small 2D canvas. The dots are drawn once into an offscreen canvas and
// only redrawn when the graph changes; a pan or zoom only moves the frame, so
// the overview costs nothing per frame on a 5,000-node graph.
import type { Core } from 'cytoscape';

export interface OverviewCache {
  dots: HTMLCanvasElement | null;
  box: { x1: number; y1: number; w: number; h: number };
  scale: number;
}

export function newOverviewCache(): OverviewCache {
  return { dots: null, box: { x1: 0, y1: 0, w: 0, h: 0 }, scale: 1 };
}

function drawDots(canvas: HTMLCanvasElement, cy: Core, cache: OverviewCache): void {
  const dots = cache.dots ?? document.createElement('canvas');
  dots.width = canvas.width;
  dots.height = canvas.height;
  const ctx = dots.getContext('2d');
  cache.dots = dots;
  if (!ctx) return;
  ctx.clearRect(0, 0, dots.width, dots.height);
  const nodes = cy.nodes();
  if (nodes.empty()) return;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  const pts: { x: number; y: number }[] = [];
  nodes.forEach((n) => {
    const p = n.position();
    pts.push(p);
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  });
  const pad = 60;
  cache.box = { x1: x1 - pad, y1: y1 - pad, w: x2 - x1 + 2 * pad, h: y2 - y1 + 2 * pad };
  cache.scale = Math.max(cache.box.w / dots.width, cache.box.h / dots.height) || 1;
  ctx.fillStyle = '#64748b';
  for (const p of pts) ctx.fillRect((p.x - cache.box.x1) / cache.scale - 1, (p.y - cache.box.y1) / cache.scale - 1, 3, 3);
}

/** `graphChanged`: redraw the dots; otherwise only the viewport frame moves. */
export function drawOverview(canvas: HTMLCanvasElement, cy: Core, cache: OverviewCache, graphChanged: boolean): void {
  if (graphChanged || !cache.dots) drawDots(canvas, cy, cache);
  const ctx = canvas.getContext('2d');
  if (!ctx || !cache.dots) return;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(cache.dots, 0, 0);
  const ext = cy.extent();
  const s = cache.scale;
  const x = Math.max(0, (ext.x1 - cache.box.x1) / s);
  const y = Math.max(0, (ext.y1 - cache.box.y1) / s);
  const w = Math.min(canvas.width - x, (ext.x2 - cache.box.x1) / s - x);
  const h = Math.min(canvas.height - y, (ext.y2 - cache.box.y1) / s - y);
  ctx.strokeStyle = '#1d4ed8';
  ctx.lineWidth = 1.5;
  if (w > 0 && h > 0) ctx.strokeRect(x, y, w, h);
}

/** The model point under a click on the overview. */
export function overviewToModel(cache: OverviewCache, x: number, y: number): { x: number; y: number } {
  return { x: cache.box.x1 + x * cache.scale, y: cache.box.y1 + y * cache.scale };
}
