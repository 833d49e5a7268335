import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { LARGE_GRAPH_RENDERER, largeGraphStyle } from '../../../../renderer/canvas/style';

describe('big-graph canvas settings (issue 18)', () => {
  it('keeps the viewport texture at the cached zoom level and draws it from the cached layers', () => {
    // At a ratio <= 1 Cytoscape draws the pan texture at 2x, one level above the cached element textures:
    // the first pan of 5,000 nodes froze for seconds in Chromium's software canvas (renderer/canvas/README.md).
    expect(LARGE_GRAPH_RENDERER.pixelRatio).toBeGreaterThan(1);
    // Under 1.0005 the canvas keeps its pixel size on any screen up to 2,000 px wide.
    expect(LARGE_GRAPH_RENDERER.pixelRatio * 2000).toBeLessThan(2001);
    expect(LARGE_GRAPH_RENDERER.textureOnViewport).toBe(true);
    // Edges hidden while moving made Cytoscape draw that texture node by node from element textures.
    expect('hideEdgesOnViewport' in LARGE_GRAPH_RENDERER).toBe(false);
  });

  it('is a sheet Cytoscape accepts: edges straight lines, nodes without icons', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: largeGraphStyle() });
    cy.add([
      { group: 'nodes', data: { id: 'a', label: 'a', color: '#fff', icon: 'none' } },
      { group: 'nodes', data: { id: 'b', label: 'b', color: '#fff', icon: 'none' } },
      { group: 'edges', data: { id: 'e', source: 'a', target: 'b', label: 'x' } },
    ]);
    expect(cy.getElementById('e').style('curve-style')).toBe('haystack');
    expect(cy.getElementById('a').style('background-image')).toBe('none');
    cy.destroy();
  });
});
