import { describe, expect, it } from 'vitest';
import { classifyNetwork, existingOf, existsInCloud, parentChain } from '../../../../shared/existing/inventory';
import { demoInventory, IDS, PROJECT } from './fixtures';

describe('network classification (external = router:external; shared = shared and not external; private = owned by the project)', () => {
  it('external wins over shared: a shared external network is external', () => {
    expect(classifyNetwork({ 'router:external': true, shared: true, project_id: 'admin' }, PROJECT)).toBe('external-network');
    expect(classifyNetwork({ 'router:external': true, shared: false, project_id: 'admin' }, PROJECT)).toBe('external-network');
  });
  it('shared and not external is shared, whoever owns it', () => {
    expect(classifyNetwork({ 'router:external': false, shared: true, project_id: 'admin' }, PROJECT)).toBe('shared-network');
  });
  it('the rest is private when the project owns it (project_id, or the older tenant_id)', () => {
    expect(classifyNetwork({ 'router:external': false, shared: false, project_id: PROJECT }, PROJECT)).toBe('private-network');
    expect(classifyNetwork({ shared: false, tenant_id: PROJECT }, PROJECT)).toBe('private-network');
  });
  it("leaves out another project's private network (an admin token lists them all)", () => {
    expect(classifyNetwork({ 'router:external': false, shared: false, project_id: 'someone-else' }, PROJECT)).toBeNull();
    expect(classifyNetwork({ shared: false, project_id: PROJECT }, null)).toBeNull();
  });
  it('only a literal true counts (Neutron sends booleans; a string "True" is not trusted)', () => {
    expect(classifyNetwork({ 'router:external': 'True', shared: 'True', project_id: 'x' }, PROJECT)).toBeNull();
  });
});

describe('the parent chain a drag brings', () => {
  const inv = demoInventory();
  it('a private network brings its router and the router brings its external network, root first', () => {
    expect(parentChain(inv, 'private-network', IDS.private1)).toEqual([
      { kind: 'external-network', id: IDS.public, name: 'public', parentId: null },
      { kind: 'router', id: IDS.router1, name: 'router1', parentId: IDS.public },
      { kind: 'private-network', id: IDS.private1, name: 'private1', parentId: IDS.router1 },
    ]);
  });
  it('a router brings its external network', () => {
    expect(parentChain(inv, 'router', IDS.router1).map((l) => l.id)).toEqual([IDS.public, IDS.router1]);
  });
  it('a private network without a router is a root; external and shared networks are roots', () => {
    expect(parentChain(inv, 'private-network', IDS.lonely)).toEqual([{ kind: 'private-network', id: IDS.lonely, name: '研发 net', parentId: null }]);
    expect(parentChain(inv, 'external-network', IDS.public)).toHaveLength(1);
    expect(parentChain(inv, 'shared-network', IDS.shared)).toHaveLength(1);
  });
  it('a router whose gateway network is not listed, or a router of another project, is left out', () => {
    const other = { ...inv, routers: [{ ...inv.routers[0]!, externalNetworkId: 'gone' }] };
    expect(parentChain(other, 'router', IDS.router1)).toEqual([{ kind: 'router', id: IDS.router1, name: 'router1', parentId: null }]);
    const noRouter = { ...inv, routers: [] };
    expect(parentChain(noRouter, 'private-network', IDS.private1).map((l) => l.kind)).toEqual(['private-network']);
  });
  it('an unknown id or a wrong kind gives nothing', () => {
    expect(parentChain(inv, 'private-network', IDS.public)).toEqual([]);
    expect(parentChain(inv, 'router', 'nope')).toEqual([]);
  });
});

describe('what the palette lists and what still exists', () => {
  const inv = demoInventory();
  it('lists each kind', () => {
    expect(existingOf(inv, 'external-network').map((x) => x.name)).toEqual(['public']);
    expect(existingOf(inv, 'private-network').map((x) => x.name)).toEqual(['private1', '研发 net']);
    expect(existingOf(inv, 'router').map((x) => x.name)).toEqual(['router1']);
  });
  it('finds networks and routers by id; never reports missing when Neutron is unknown', () => {
    expect(existsInCloud(inv, 'private-network', IDS.private1)).toBe(true);
    expect(existsInCloud(inv, 'router', IDS.private1)).toBe(false);
    expect(existsInCloud(inv, 'private-network', 'gone')).toBe(false);
    expect(existsInCloud({ ...inv, unavailable: ['network'] }, 'private-network', 'gone')).toBe(true);
  });
});
