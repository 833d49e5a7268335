// Cytoscape styles for the live topology: tone by colour AND by node shape
// and the status text in the label, so status never rests on colour alone.
import type { StylesheetJson } from 'cytoscape';

export const TOPOLOGY_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-valign': 'center',
      'font-size': 10,
      width: 150,
      height: 44,
      shape: 'round-rectangle',
      'background-color': '#eef1f5',
      'border-width': 2,
      'border-color': '#8c959f',
      color: '#1f2328',
    },
  },
  { selector: 'node[tone = "progress"]', style: { 'background-color': '#ddf4ff', 'border-color': '#1f6feb', 'border-style': 'dashed' } },
  { selector: 'node[tone = "complete"]', style: { 'background-color': '#dafbe1', 'border-color': '#2da44e' } },
  // Not started (INIT_COMPLETE): white, dotted and a plain rectangle, so it reads neither as done nor as running.
  { selector: 'node[tone = "waiting"]', style: { 'background-color': '#ffffff', 'border-color': '#8c959f', 'border-style': 'dotted', shape: 'rectangle', color: '#57606a' } },
  { selector: 'node[tone = "failed"]', style: { 'background-color': '#ffebe9', 'border-color': '#cf222e', 'border-width': 4, shape: 'cut-rectangle' } },
  { selector: 'node[?nested]', style: { 'border-style': 'double', 'border-width': 5 } },
  { selector: ':parent', style: { 'text-valign': 'top', 'text-halign': 'center', 'background-opacity': 0.35, padding: '16px' } },
  { selector: 'node:selected', style: { 'overlay-color': '#1f6feb', 'overlay-opacity': 0.15, 'overlay-padding': 6 } },
  { selector: 'edge', style: { width: 1.5, 'line-color': '#8c959f', 'target-arrow-color': '#8c959f', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier' } },
];
