// The canvas stylesheet, pure data: colours by kind, small join nodes, badges
// by status, highlight classes used while dragging (valid targets, refused).
import type { StylesheetJson } from 'cytoscape';

export function canvasStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        width: 46,
        height: 46,
        'background-color': 'data(color)',
        'background-image': 'data(icon)',
        'background-fit': 'contain',
        'background-clip': 'none',
        'background-width': '70%',
        'background-height': '70%',
        'border-width': 2,
        'border-color': '#ffffff',
        label: 'data(label)',
        color: '#1f2933',
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'node[param = 1]', style: { shape: 'barrel', width: 90, height: 34 } },
    { selector: 'node[kind = "private-network"], node[kind = "shared-network"], node[kind = "external-network"]', style: { width: 110, height: 30 } },
    { selector: 'node[size = "small"]', style: { width: 18, height: 18, 'font-size': 8 } },
    { selector: 'node[status = "warning"]', style: { 'border-color': '#e0a100', 'border-width': 4 } },
    { selector: 'node[status = "error"]', style: { 'border-color': '#d62828', 'border-width': 4 } },
    // Existing cloud resources (SPEC 1.5, "颜色高亮部分为已有资源"): an amber double border and glow; missing ones dashed red and faded.
    {
      selector: 'node[existing = 1]',
      style: {
        'border-color': '#d97706',
        'border-width': 5,
        'border-style': 'double',
        'underlay-color': '#fbbf24',
        'underlay-opacity': 0.45,
        'underlay-padding': 7,
      },
    },
    {
      selector: 'node[missing = 1]',
      style: {
        'border-color': '#d62828',
        'border-style': 'dashed',
        'border-width': 3,
        'underlay-color': '#d62828',
        'underlay-opacity': 0.25,
        opacity: 0.7,
        color: '#b91c1c',
      },
    },
    // A group expanded in place: a dashed frame around one member's resources, read-only (greyed labels).
    {
      selector: 'node[frame = 1]',
      style: {
        shape: 'round-rectangle',
        'background-color': '#f1f5f9',
        'background-opacity': 0.7,
        'background-image': 'none',
        'border-color': '#64748b',
        'border-style': 'dashed',
        'border-width': 2,
        padding: '18px',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'font-size': 11,
        color: '#334155',
        'text-wrap': 'wrap',
        'text-max-width': '200px',
      },
    },
    { selector: 'node[member = 1][frame != 1]', style: { opacity: 0.85, color: '#475569' } },
    // Seed view: a folded helper is a thicker edge (its label the port's fixed IP); a server with a floating IP says so in its label.
    {
      selector: 'edge[kind = "folded"]',
      style: {
        width: 3,
        'line-color': '#475569',
        'target-arrow-shape': 'none',
        'font-size': 10,
        color: '#1f2933',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
      },
    },
    { selector: 'node[publicIp = 1]', style: { 'underlay-color': '#ea580c', 'underlay-opacity': 0.3, 'underlay-padding': 5 } },
    { selector: 'edge[kind = "member"]', style: { 'line-style': 'dashed', 'line-color': '#64748b', 'target-arrow-color': '#64748b', width: 1.5 } },
    { selector: 'node:selected', style: { 'overlay-color': '#1d4ed8', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    { selector: 'node.target-ok', style: { 'underlay-color': '#22c55e', 'underlay-opacity': 0.5, 'underlay-padding': 10 } },
    { selector: 'node.target-no', style: { opacity: 0.35 } },
    { selector: 'node.match', style: { 'underlay-color': '#f59e0b', 'underlay-opacity': 0.6, 'underlay-padding': 10 } },
    { selector: '.faded', style: { opacity: 0.15 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9aa5b1',
        'target-arrow-color': '#9aa5b1',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 8,
        color: '#52606d',
        'text-rotation': 'autorotate',
        'min-zoomed-font-size': 9,
      },
    },
    { selector: 'edge[kind = "depends_on"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[kind = "get_param"]', style: { 'line-color': '#2b7a78', 'target-arrow-color': '#2b7a78' } },
    { selector: 'edge[kind = "existing"]', style: { 'line-color': '#d97706', 'target-arrow-color': '#d97706', 'line-style': 'dotted', width: 2 } },
    { selector: 'edge:selected', style: { 'line-color': '#1d4ed8', 'target-arrow-color': '#1d4ed8', width: 3 } },
  ] as StylesheetJson;
}

/** Above this many resources the canvas draws with the lighter sheet and the renderer options below. */
export const LARGE_GRAPH = 800;

/**
 * Cytoscape renderer options for big graphs. Pans and zooms move a cached
 * texture of the graph (the difference between ~14 and 30+ fps at 5,000 nodes
 * in software rendering), labels hidden while moving. Why a pixel ratio just
 * above 1 and edges left on (measured, issue 18): at a ratio <= 1 Cytoscape
 * draws that texture at twice the resolution, one zoom level above the one
 * already cached, so the first pan re-rendered every node into new element
 * textures, and Chromium's software canvas pays about 1.5 ms for each texture
 * drawn from right after being written: the first pan of a 5,000-node full
 * view froze for 5-11 s. With edges hidden while moving, the texture is drawn
 * node by node from those element textures instead of from the layers already
 * cached for the current zoom. 1.0001 keeps the canvas's pixel size.
 */
export const LARGE_GRAPH_RENDERER = { textureOnViewport: true, hideLabelsOnViewport: true, pixelRatio: 1.0001 } as const;

/** For big graphs: drop labels and arrows so panning stays fast. */
export function largeGraphStyle(): StylesheetJson {
  return [
    ...canvasStyle(),
    { selector: 'edge', style: { label: '', 'curve-style': 'haystack', 'target-arrow-shape': 'none' } },
    // Icons, borders and label backgrounds cost per node per frame; at this size they are dots anyway.
    { selector: 'node', style: { 'min-zoomed-font-size': 14, 'background-image': 'none', 'border-width': 0, 'text-background-opacity': 0 } },
    { selector: 'node[status = "warning"], node[status = "error"]', style: { 'border-width': 3 } },
  ] as StylesheetJson;
}
