import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { parseTemplate } from '../../../../shared/hot/template';
import { RECOMMENDED_TEMPLATES } from '../../../../shared/library/recommended';
import { buildTopology } from '../../../../shared/topology/model';
import { collapseGroups, toElements } from '../../../../renderer/canvas/elements';
import { canvasStyle } from '../../../../renderer/canvas/style';
import { topologySvg } from '../../../../renderer/canvas/svg-export';
import { openDoc } from '../../../../renderer/editor/document';

const external = RECOMMENDED_TEMPLATES.find((r) => r.systemKey === 'external-network-server')?.yaml ?? '';

describe('topology to Cytoscape elements', () => {
  const topo = buildTopology(parseTemplate(external));
  const cy = cytoscape({ headless: true, styleEnabled: true, style: canvasStyle(), elements: toElements(topo, {}) });

  it('draws the external network parameter as a node the router and floating IP point to', () => {
    expect(cy.getElementById('param:external_network').data('kind')).toBe('external-network');
    expect(
      cy
        .getElementById('router_1')
        .outgoers('edge')
        .map((e) => e.data('label')),
    ).toContain('external_gateway_info.network');
  });

  it('labels edges with the property path of the reference', () => {
    const labels = cy
      .getElementById('server_1')
      .outgoers('edge')
      .map((e) => e.data('label'));
    expect(labels).toEqual(['networks[0].port']);
  });

  it('badges a node with its errors and warnings', () => {
    const doc = openDoc(
      'heat_template_version: 2018-08-31\nresources:\n  box:\n    type: OS::Nova::Server\n    properties:\n      flavor: m1\n      admin_pass: secret\n',
    );
    const el = toElements(doc.topology, {}, doc.badges).find((e) => e.data.id === 'box');
    expect(el?.data.status).toBe('warning');
    expect(String(el?.data.label)).toContain('⚠');
  });

  it('exports every node to SVG', () => {
    const svg = topologySvg(topo, Object.fromEntries(topo.nodes.map((n, i) => [n.id, { x: i * 10, y: 0 }])));
    for (const n of topo.nodes) expect(svg).toContain(`>${n.name}</text>`);
  });

  it('collapses a group into one node, rerouting edges to it and dropping those inside', () => {
    const els = collapseGroups(toElements(topo, {}), { net: ['private_net_1', 'private_subnet_1'] }, {});
    const ids = els.filter((e) => e.group === 'nodes').map((e) => e.data.id);
    expect(ids).toContain('group:net');
    expect(ids).not.toContain('private_net_1');
    const g = cytoscape({ headless: true, elements: els });
    expect(g.getElementById('group:net').incomers('edge').length).toBeGreaterThan(0);
    expect(g.edges().filter((e) => e.source().id() === e.target().id()).length).toBe(0);
  });
});
