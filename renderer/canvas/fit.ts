// "Zoom to fit" with a ceiling: Cytoscape's fit zooms until the graph fills
// the canvas, so a two-node template became giant icons with an edge label
// over a node name. Fit, then, if that zoomed in past a readable size, come
// back to that size around the same centre. Shared by the editor's canvas
// and the stacks screen's live topology.
import type { Core } from 'cytoscape';

/** The largest zoom a fit ends at: 100 %, a fit never magnifies (labels stay at their own size). */
export const FIT_MAX_ZOOM = 1;
/** Zoom limits of every canvas (the editor's and the live topology's). */
export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 4;

export function fitCapped(cy: Core, padding: number, maxZoom = FIT_MAX_ZOOM): void {
  cy.fit(undefined, padding);
  if (cy.zoom() <= maxZoom) return;
  cy.zoom(maxZoom);
  cy.center();
}

/**
 * Cytoscape measures its container once and on window resizes only; a
 * banner or panel that changes the canvas's height in the page leaves it
 * drawing (and hit-testing clicks) at the old size, so a click lands on the
 * wrong node. Keep it measured; returns the stop function.
 */
export function followContainerSize(cy: Core, container: HTMLElement): () => void {
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  const observer = new ResizeObserver(() => cy.resize());
  observer.observe(container);
  return () => observer.disconnect();
}
