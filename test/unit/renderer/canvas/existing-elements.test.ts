// Existing resources on the canvas: highlighted (data the stylesheet keys
// on), named as in the cloud, and marked missing in words when the cloud no
// longer holds them; checked on a headless Cytoscape with the real stylesheet.
import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { parseTemplate } from '../../../../shared/hot/template';
import { BLANK_TEMPLATE } from '../../../../shared/library/recommended';
import { parentChain } from '../../../../shared/existing/inventory';
import { dropExisting, missingExisting } from '../../../../shared/topology/existing';
import { buildTopology } from '../../../../shared/topology/model';
import { toElements } from '../../../../renderer/canvas/elements';
import { canvasStyle } from '../../../../renderer/canvas/style';
import { demoInventory, IDS } from '../../shared/existing/fixtures';

function canvasWithPrivate1() {
  const r = dropExisting(parseTemplate(BLANK_TEMPLATE), parentChain(demoInventory(), 'private-network', IDS.private1));
  if (!r.ok) throw new Error(r.reason);
  return buildTopology(r.template);
}

describe('existing nodes on the canvas', () => {
  it('carry existing = 1, the cloud name as label, and the existing edges', () => {
    const els = toElements(canvasWithPrivate1(), {});
    const net = els.find((e) => e.data.id === 'param:existing_net_private1');
    expect(net?.data).toMatchObject({ existing: 1, missing: 0, label: 'private1', kind: 'private-network' });
    expect(els.filter((e) => e.group === 'edges' && e.data.kind === 'existing')).toHaveLength(2);
  });

  it('a resource gone from the cloud is marked missing in the label and the data; nothing else changes', () => {
    const topo = canvasWithPrivate1();
    const inv = demoInventory();
    const gone = { ...inv, routers: [] };
    const missing = missingExisting(topo, gone);
    expect([...missing]).toEqual(['param:existing_router_router1']);
    expect(missingExisting(topo, inv).size).toBe(0);
    const els = toElements(topo, {}, { errors: new Map(), warnings: new Map(), missing, missingText: 'missing' });
    expect(els.find((e) => e.data.id === 'param:existing_router_router1')?.data).toMatchObject({ missing: 1, label: 'router1 ⊘ missing' });
    expect(els.filter((e) => e.group === 'nodes')).toHaveLength(3);
  });

  it('the stylesheet draws existing nodes with the amber double border and missing ones dashed red', () => {
    const topo = canvasWithPrivate1();
    const missing = new Set(['param:existing_router_router1']);
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: canvasStyle(),
      elements: toElements(topo, {}, { errors: new Map(), warnings: new Map(), missing }),
    });
    const net = cy.getElementById('param:existing_net_private1');
    expect(net.style('border-style')).toBe('double');
    expect(net.style('border-color')).toBe('rgb(217,119,6)');
    const router = cy.getElementById('param:existing_router_router1');
    expect(router.style('border-style')).toBe('dashed');
    expect(router.style('border-color')).toBe('rgb(214,40,40)');
    cy.destroy();
  });
});
