// The picture as SVG, from positions and elements (pure): Cytoscape draws on
// canvas and only exports PNG natively.
import type { Topology } from '../../shared/topology/model';
import { KIND_COLOR } from '../../shared/topology/kinds';
import { iconUri } from './icons';
import type { Point } from './layout';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function topologySvg(topo: Topology, positions: Readonly<Record<string, Point>>): string {
  const pts = topo.nodes.map((n) => positions[n.id]).filter((p): p is Point => !!p);
  const minX = Math.min(0, ...pts.map((p) => p.x)) - 80;
  const minY = Math.min(0, ...pts.map((p) => p.y)) - 60;
  const maxX = Math.max(0, ...pts.map((p) => p.x)) + 80;
  const maxY = Math.max(0, ...pts.map((p) => p.y)) + 60;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${maxX - minX} ${maxY - minY}" font-family="sans-serif" font-size="11">`];
  for (const e of topo.edges) {
    const a = positions[e.source];
    const b = positions[e.target];
    if (a && b)
      parts.push(
        `<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke="#9aa5b1"${e.kind === 'depends_on' ? ' stroke-dasharray="4 3"' : ''}><title>${esc(e.label)}</title></line>`,
      );
  }
  for (const n of topo.nodes) {
    const p = positions[n.id];
    if (!p) continue;
    parts.push(
      `<g transform="translate(${p.x} ${p.y})"><rect x="-23" y="-23" width="46" height="46" rx="8" fill="${KIND_COLOR[n.kind]}"/><image href="${esc(iconUri(n.kind))}" x="-16" y="-16" width="32" height="32"/><text y="38" text-anchor="middle">${esc(n.name)}</text></g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}
