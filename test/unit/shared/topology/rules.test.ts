import { describe, expect, it } from 'vitest';
import { drop, connect } from '../../../../shared/topology/actions';
import { buildTopology } from '../../../../shared/topology/model';
import { paletteItem } from '../../../../shared/topology/palette';
import { connectTargets, dropTargets, saveVerdict } from '../../../../shared/topology/rules';
import { blank, dropped, linked, routedServer } from './helpers';

const item = (id: string) => {
  const i = paletteItem(id);
  if (!i) throw new Error(id);
  return i;
};
const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason);

describe('rule 1: what an empty canvas accepts, and what follows', () => {
  it.each(['external-network', 'shared-network', 'private-network', 'server'])('accepts a %s on an empty canvas', (id) => {
    expect(reason(drop(blank(), item(id), null))).toBe('ok');
  });
  it.each(['router', 'volume', 'floating-ip'])('refuses a %s on an empty canvas', (id) => {
    expect(reason(drop(blank(), item(id), null))).toBe('empty-canvas-roots');
  });
  it('adds an external network, a router and a private network when a server lands on an empty canvas', () => {
    const topo = buildTopology(routedServer());
    expect(topo.nodes.map((n) => n.kind).sort()).toEqual(
      ['external-network', 'port', 'private-network', 'router', 'router-interface', 'server', 'subnet'].sort(),
    );
    expect(topo.relations.serverNetworks.get('server_1')).toEqual(['private_net_1']);
  });
  it('once a network is on the canvas, refuses a router or a server on empty space', () => {
    const t = dropped(blank(), 'external-network');
    expect(reason(drop(t, item('router'), null))).toBe('router-needs-external');
    expect(reason(drop(t, item('server'), null))).toBe('server-needs-network');
    expect(reason(drop(t, item('volume'), null))).toBe('needs-server');
  });
  it('still accepts another root network on empty space', () => {
    expect(reason(drop(dropped(blank(), 'external-network'), item('shared-network'), null))).toBe('ok');
  });
});

describe('rule 2: under a shared network only servers, any number', () => {
  const t = dropped(blank(), 'shared-network');
  it('accepts two servers', () => {
    const two = dropped(dropped(t, 'server', 'param:shared_network_1'), 'server', 'param:shared_network_1');
    expect(buildTopology(two).relations.serverNetworks.get('server_2')).toEqual(['param:shared_network_1']);
  });
  it('refuses a router under a shared network', () => {
    expect(reason(drop(t, item('router'), 'param:shared_network_1'))).toBe('shared-only-servers');
  });
});

describe('rule 3: under an external network only routers, any number', () => {
  const t = dropped(blank(), 'external-network');
  it('accepts two routers', () => {
    const two = dropped(dropped(t, 'router', 'param:external_network_1'), 'router', 'param:external_network_1');
    expect(buildTopology(two).relations.routerExternals.get('router_2')).toEqual(['param:external_network_1']);
  });
  it('refuses a server under an external network', () => {
    expect(reason(drop(t, item('server'), 'param:external_network_1'))).toBe('external-only-routers');
  });
});

describe('rule 4: under a router only private networks, any number', () => {
  const t = dropped(dropped(blank(), 'external-network'), 'router', 'param:external_network_1');
  it('accepts two private networks, each through a router interface on its own subnet', () => {
    const two = dropped(dropped(t, 'private-network', 'router_1'), 'private-network', 'router_1');
    const topo = buildTopology(two);
    expect(topo.relations.networkRouters.get('private_net_1')).toEqual(['router_1']);
    expect(topo.relations.networkRouters.get('private_net_2')).toEqual(['router_1']);
  });
  it('refuses a volume under a router', () => {
    expect(reason(drop(t, item('volume'), 'router_1'))).toBe('router-only-networks');
  });
});

describe('rule 5: under a server only volumes (any number) and at most one floating IP', () => {
  it('accepts two volumes and one floating IP', () => {
    const t = dropped(dropped(dropped(routedServer(), 'volume', 'server_1'), 'volume', 'server_1'), 'floating-ip', 'server_1');
    const r = buildTopology(t).relations;
    expect(r.serverVolumes.get('server_1')).toEqual(['volume_1', 'volume_2']);
    expect(r.serverFloatingIps.get('server_1')).toEqual(['floating_ip_1']);
  });
  it('refuses a second floating IP', () => {
    const t = dropped(routedServer(), 'floating-ip', 'server_1');
    expect(reason(drop(t, item('floating-ip'), 'server_1'))).toBe('one-floating-ip');
  });
  it('refuses a router under a server', () => {
    expect(reason(drop(routedServer(), item('router'), 'server_1'))).toBe('server-only-volumes-fip');
  });
});

describe('rule 6: a floating IP only for a server whose private network is routed to an external network', () => {
  it('refuses a floating IP for a server on an unrouted private network', () => {
    const t = dropped(dropped(blank(), 'private-network'), 'server', 'private_net_1');
    expect(reason(drop(t, item('floating-ip'), 'server_1'))).toBe('floating-ip-needs-route');
  });
  it('accepts it once the network is joined to a router with a gateway', () => {
    let t = dropped(dropped(blank(), 'private-network'), 'server', 'private_net_1');
    t = dropped(t, 'external-network');
    t = dropped(t, 'router', 'param:external_network_1');
    t = linked(t, 'private_net_1', 'router_1');
    expect(reason(drop(t, item('floating-ip'), 'server_1'))).toBe('ok');
  });
});

describe('rule 8: a canvas with only an external or only a shared network cannot be saved', () => {
  it('refuses to save a lone external network', () => {
    expect(reason(saveVerdict(buildTopology(dropped(blank(), 'external-network'))))).toBe('only-root-networks');
  });
  it('refuses to save a lone shared network', () => {
    expect(reason(saveVerdict(buildTopology(dropped(blank(), 'shared-network'))))).toBe('only-root-networks');
  });
  it('saves a shared network with a server on it', () => {
    expect(reason(saveVerdict(buildTopology(dropped(dropped(blank(), 'shared-network'), 'server', 'param:shared_network_1'))))).toBe('ok');
  });
});

describe('highlighting while dragging', () => {
  it('offers only the server as a target for a volume', () => {
    expect(dropTargets(buildTopology(routedServer()), 'volume')).toEqual(['server_1']);
  });
  it('offers private networks and subnets, not the server nor a second gateway, when dragging from a router', () => {
    const t = dropped(dropped(routedServer(), 'private-network'), 'router', 'param:external_network_1');
    expect(connectTargets(buildTopology(t), 'router_2').sort()).toEqual(['private_net_1', 'private_net_2', 'private_subnet_1', 'private_subnet_2']);
  });
  it('refuses to connect a server to an external network, naming the rule', () => {
    expect(reason(connect(routedServer(), 'server_1', 'param:external_network_1'))).toBe('external-only-routers');
  });
});
