import { describe, expect, it } from 'vitest';
import cytoscape, { type Core } from 'cytoscape';
import { buildLiveTopology } from '../../../../renderer/stacks/live-topology';
import { topologyElements } from '../../../../renderer/stacks/topology-elements';
import { applyTopologyDiff } from '../../../../renderer/stacks/topology-diff';
import type { HeatResource } from '../../../../shared/cloud/heat-types';
import { res, TOP } from './fixtures';

const label = (n: { name: string; status: string }) => `${n.name}\n${n.status}`;
const GROUP = `${TOP}/group`;
const members = (n: number, status = 'INIT_COMPLETE') => Array.from({ length: n }, (_, i) => res(String(i), status, { stack: 'nested-1' }));
const base = [
  res('net', 'CREATE_COMPLETE', { requiredBy: ['group'] }),
  res('group', 'CREATE_IN_PROGRESS', { physical: 'nested-1', type: 'OS::Heat::ResourceGroup' }),
];

/** What the graph shows: every element's data and, for leaves, position (a compound's is its children's box). */
function shown(cy: Core) {
  return cy
    .elements()
    .map((el) => ({ data: el.data() as Record<string, unknown>, position: el.isNode() && !el.isParent() ? el.position() : null }))
    .sort((a, b) => String(a.data.id).localeCompare(String(b.data.id)));
}
/** The full rebuild the component did before: every element added anew. */
function fresh(resources: HeatResource[], expanded: Set<string>): Core {
  const cy = cytoscape({ headless: true });
  cy.add(topologyElements(buildLiveTopology(TOP, resources, expanded), label));
  return cy;
}
const apply = (cy: Core, resources: HeatResource[], expanded: Set<string>) =>
  applyTopologyDiff(cy, topologyElements(buildLiveTopology(TOP, resources, expanded), label));

describe('the live topology applied by difference', () => {
  it('shows exactly what a full rebuild shows, through members appearing, expanding and collapsing', () => {
    const cy = cytoscape({ headless: true });
    const steps: Array<[HeatResource[], Set<string>]> = [
      [[...base, ...members(3)], new Set()],
      [[...base, ...members(3)], new Set([GROUP])],
      [[...base, ...members(12)], new Set([GROUP])],
      [[...base, ...members(12, 'CREATE_COMPLETE')], new Set([GROUP])],
      [[...base, ...members(12)], new Set()],
      [[base[1]!, ...members(2)], new Set([GROUP])],
    ];
    for (const [resources, expanded] of steps) {
      apply(cy, resources, expanded);
      expect(shown(cy)).toEqual(shown(fresh(resources, expanded)));
    }
  });

  it('adds only the new members and keeps the elements already shown (same objects, same places)', () => {
    const cy = cytoscape({ headless: true });
    apply(cy, [...base, ...members(10)], new Set([GROUP]));
    const net = cy.getElementById(`${TOP}/net`);
    const first = cy.getElementById('nested-1/0');
    const at = { ...first.position() };
    const counts = apply(cy, [...base, ...members(11)], new Set([GROUP]));
    expect(counts).toMatchObject({ added: 1, removed: 0 });
    expect(cy.getElementById(`${TOP}/net`).same(net)).toBe(true);
    expect(cy.getElementById('nested-1/0').same(first)).toBe(true);
    expect(cy.getElementById('nested-1/0').position()).toEqual(at);
    expect(apply(cy, [...base, ...members(11)], new Set([GROUP]))).toEqual({ added: 0, removed: 0, updated: 0 });
  });
});
