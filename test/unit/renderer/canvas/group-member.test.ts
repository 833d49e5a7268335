import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { readFileSync } from 'node:fs';
import { openDoc } from '../../../../renderer/editor/document';
import { memberElements, memberFrameId, isMemberId } from '../../../../renderer/canvas/group-member';
import { canvasStyle } from '../../../../renderer/canvas/style';

const NESTED = readFileSync('/work/shared/corpus/heat-templates/hot/resource_group/volume_with_attachment.yaml', 'utf8');

describe('a group expanded in place', () => {
  const member = openDoc(NESTED, 'volume_with_attachment.yaml').topology;
  const els = memberElements('group_of_volumes', member, { x: 100, y: 200 }, 'group_of_volumes[0]');

  it('draws every resource of the member file inside one frame, none selectable or movable', () => {
    const nodes = els.filter((e) => e.group === 'nodes');
    expect(nodes.map((n) => n.data.id)).toEqual(['member:group_of_volumes', 'member:group_of_volumes/volume', 'member:group_of_volumes/volume_attachment']);
    for (const n of nodes.slice(1)) expect(n.data.parent).toBe(memberFrameId('group_of_volumes'));
    for (const n of nodes) expect([n.selectable, n.grabbable]).toEqual([false, false]);
    expect(nodes.every((n) => isMemberId(n.data.id as string))).toBe(true);
  });

  it('keeps the member file references between the prefixed ids and links the group to its frame, right of the group', () => {
    const edges = els.filter((e) => e.group === 'edges');
    expect(edges.map((e) => [e.data.source, e.data.target])).toContainEqual(['member:group_of_volumes/volume_attachment', 'member:group_of_volumes/volume']);
    expect(edges.at(-1)?.data).toMatchObject({ source: 'group_of_volumes', target: 'member:group_of_volumes', kind: 'member' });
    const cy = cytoscape({
      headless: true,
      layout: { name: 'preset' },
      style: canvasStyle(),
      elements: [{ group: 'nodes', data: { id: 'group_of_volumes' }, position: { x: 100, y: 200 } }, ...els],
    });
    expect(cy.getElementById('member:group_of_volumes').isParent()).toBe(true);
    const xs = cy
      .getElementById('member:group_of_volumes')
      .children()
      .map((c) => c.position().x);
    expect(xs.length).toBe(2);
    for (const x of xs) expect(x).toBeGreaterThan(250);
    cy.destroy();
  });
});
