// The overview (minimap): every node as a dot and the viewport as a frame, on
// a small 2D canvas redrawn at most once a frame.
import type { Core } from 'cytoscape';

export function drawOverview(canvas: HTMLCanvasElement, cy: Core): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const nodes = cy.nodes();
  if (nodes.empty()) return;
  const bb = nodes.boundingBox({ includeLabels: false });
  const scale = Math.max(bb.w / canvas.width, bb.h / canvas.height) || 1;
  ctx.fillStyle = '#64748b';
  nodes.forEach((n) => {
    const p = n.position();
    ctx.fillRect((p.x - bb.x1) / scale - 1, (p.y - bb.y1) / scale - 1, 3, 3);
  });
  const ext = cy.extent();
  ctx.strokeStyle = '#1d4ed8';
  ctx.lineWidth = 1.5;
  ctx.strokeRect((ext.x1 - bb.x1) / scale, (ext.y1 - bb.y1) / scale, ext.w / scale, ext.h / scale);
}
