// Cytoscape styles for the live topology: the editor's stylesheet (icons and
// colours by kind, sizes, label placement: renderer/canvas/style.ts) with the
// resource's status on top, told three ways so it never rests on colour
// alone: the border's colour AND style with the node's shape (complete: solid
// rounded; in progress: dashed; failed: thick, cut corners; not started:
// dotted plain rectangle, faded), a badge in the icon (tick, circular arrow,
// cross, hollow ring), and the status text as the label's second line.
import type { StylesheetJson } from 'cytoscape';
import { canvasStyle, largeGraphStyle } from '../../canvas/style';

/** Node label size in model px: at the default zoom (a fit never magnifies past 1) it renders at most this big. */
export const LIVE_FONT_SIZE = 12;

const LIVE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'font-size': LIVE_FONT_SIZE,
      'text-wrap': 'wrap',
      'text-max-width': '160px',
      'line-height': 1.25,
      'border-width': 3,
      'border-color': '#8c959f',
      'min-zoomed-font-size': 6,
    },
  },
  // Join resources: smaller than a server, but big enough to carry their status badge.
  { selector: 'node[size = "small"]', style: { width: 32, height: 32, 'font-size': LIVE_FONT_SIZE } },
  { selector: 'node[tone = "complete"]', style: { 'border-color': '#1a7f37', 'border-style': 'solid' } },
  {
    selector: 'node[tone = "progress"]',
    style: {
      'border-color': '#0969da',
      'border-style': 'dashed',
      'border-width': 4,
      'underlay-color': '#54aeff',
      'underlay-opacity': 0.35,
      'underlay-padding': 6,
    },
  },
  // Not started (INIT_COMPLETE): dotted, a plain rectangle and faded, so it reads neither as done nor as running.
  {
    selector: 'node[tone = "waiting"]',
    style: { 'border-color': '#57606a', 'border-style': 'dotted', shape: 'rectangle', 'background-opacity': 0.45, color: '#57606a' },
  },
  {
    selector: 'node[tone = "failed"]',
    style: {
      'border-color': '#cf222e',
      'border-width': 5,
      shape: 'cut-rectangle',
      'underlay-color': '#ff8182',
      'underlay-opacity': 0.4,
      'underlay-padding': 6,
      color: '#82071e',
    },
  },
  { selector: 'node[tone = "other"]', style: { 'border-color': '#8c959f', 'border-style': 'solid' } },
  // A collapsed nested stack: a double border says "there is more inside" (double-click opens it in place).
  { selector: 'node[?nested]', style: { 'border-style': 'double', 'border-width': 6 } },
  {
    selector: ':parent',
    style: {
      shape: 'round-rectangle',
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': -4,
      'background-color': 'data(color)',
      'background-opacity': 0.08,
      'background-image': 'none',
      padding: '24px',
      'underlay-opacity': 0,
    },
  },
  { selector: 'node:selected', style: { 'overlay-color': '#1d4ed8', 'overlay-opacity': 0.2, 'overlay-padding': 6 } },
];

export function liveTopologyStyle(): StylesheetJson {
  return [...canvasStyle(), ...LIVE] as StylesheetJson;
}

/** Above the editor's big-graph size: its lighter sheet (no edge labels or arrows, no label backgrounds), status cues kept. */
export function liveLargeTopologyStyle(): StylesheetJson {
  return [
    ...largeGraphStyle(),
    ...LIVE,
    { selector: 'node', style: { 'min-zoomed-font-size': 10, 'text-background-opacity': 0, 'underlay-opacity': 0 } },
  ] as StylesheetJson;
}
