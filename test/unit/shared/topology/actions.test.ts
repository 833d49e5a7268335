import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../../shared/hot/template';
import { validateTemplate } from '../../../../shared/hot/validate';
import { get, nodeAt, toValue } from '../../../../shared/hot/node';
import { connect, deleteNodes } from '../../../../shared/topology/actions';
import { buildTopology } from '../../../../shared/topology/model';
import { blank, dropped, linked, routedServer } from './helpers';
import type { HotTemplate } from '../../../../shared/hot/template';

const prop = (t: HotTemplate, resource: string, ...path: (string | number)[]) =>
  toValue(nodeAt(t.root ?? undefined, ['resources', resource, 'properties', ...path]));
const typeOf = (t: HotTemplate, resource: string) => toValue(get(nodeAt(t.root ?? undefined, ['resources', resource]), 'type'));
const errors = (t: HotTemplate) => validateTemplate(t).filter((d) => d.severity === 'error');

describe('each palette connection writes the HOT a person would', () => {
  it('router to external network: external_gateway_info with get_param', () => {
    const t = dropped(dropped(blank(), 'external-network'), 'router', 'param:external_network_1');
    expect(prop(t, 'router_1', 'external_gateway_info')).toEqual({ network: { get_param: 'external_network_1' } });
  });
  it('private network to router: an OS::Neutron::RouterInterface on the network subnet', () => {
    const t = dropped(dropped(dropped(blank(), 'external-network'), 'router', 'param:external_network_1'), 'private-network', 'router_1');
    expect(typeOf(t, 'router_1_interface_1')).toBe('OS::Neutron::RouterInterface');
    expect(prop(t, 'router_1_interface_1')).toEqual({ router: { get_resource: 'router_1' }, subnet: { get_resource: 'private_subnet_1' } });
  });
  it('server on a private network: a port on the network and subnet, in the server networks', () => {
    const t = routedServer();
    expect(prop(t, 'server_1', 'networks')).toEqual([{ port: { get_resource: 'server_1_port_1' } }]);
    expect(prop(t, 'server_1_port_1')).toEqual({ network: { get_resource: 'private_net_1' }, fixed_ips: [{ subnet: { get_resource: 'private_subnet_1' } }] });
  });
  it('server on a shared network: networks: [{network: {get_param}}]', () => {
    const t = dropped(dropped(blank(), 'shared-network'), 'server', 'param:shared_network_1');
    expect(prop(t, 'server_1', 'networks')).toEqual([{ network: { get_param: 'shared_network_1' } }]);
  });
  it('volume on a server: an OS::Cinder::VolumeAttachment', () => {
    const t = dropped(routedServer(), 'volume', 'server_1');
    expect(typeOf(t, 'volume_1_attachment_1')).toBe('OS::Cinder::VolumeAttachment');
    expect(prop(t, 'volume_1_attachment_1')).toEqual({ instance_uuid: { get_resource: 'server_1' }, volume_id: { get_resource: 'volume_1' } });
  });
  it('floating IP on a server: an OS::Neutron::FloatingIP on the external network plus its association to the server port', () => {
    const t = dropped(routedServer(), 'floating-ip', 'server_1');
    expect(prop(t, 'floating_ip_1')).toEqual({ floating_network: { get_param: 'external_network_1' } });
    expect(typeOf(t, 'floating_ip_1_association_1')).toBe('OS::Neutron::FloatingIPAssociation');
    expect(prop(t, 'floating_ip_1_association_1')).toEqual({ floatingip_id: { get_resource: 'floating_ip_1' }, port_id: { get_resource: 'server_1_port_1' } });
  });
  it('port and server to a security group: security_groups entries', () => {
    let t = dropped(routedServer(), 'security-group');
    t = linked(t, 'server_1_port_1', 'security_group_1');
    expect(prop(t, 'server_1_port_1', 'security_groups')).toEqual([{ get_resource: 'security_group_1' }]);
  });
  it('server to a key pair: key_name, and the key_name parameter nothing else uses is dropped', () => {
    const t = linked(dropped(routedServer(), 'key-pair'), 'server_1', 'key_pair_1');
    expect(prop(t, 'server_1', 'key_name')).toEqual({ get_resource: 'key_pair_1' });
    expect(nodeAt(t.root ?? undefined, ['parameters', 'key_name'])).toBeUndefined();
    expect(errors(t)).toEqual([]);
  });
  it('a second server keeps the shared key_name parameter when the first one takes a key pair', () => {
    const two = dropped(routedServer(), 'server', 'private_net_1');
    const t = linked(dropped(two, 'key-pair'), 'server_1', 'key_pair_1');
    expect(prop(t, 'server_2', 'key_name')).toEqual({ get_param: 'key_name' });
    expect(nodeAt(t.root ?? undefined, ['parameters', 'key_name'])).toBeDefined();
  });
  it('a key pair asks for its public key (Nova 2.92+ no longer generates one)', () => {
    const t = dropped(routedServer(), 'key-pair');
    expect(prop(t, 'key_pair_1')).toEqual({ name: 'key_pair_1', public_key: { get_param: 'key_pair_1_public_key' } });
    expect(toValue(nodeAt(t.root ?? undefined, ['parameters', 'key_pair_1_public_key', 'type']))).toBe('string');
    expect(errors(t)).toEqual([]);
  });
  it('the load balancer chain: listener, pool, member and health monitor reference their parent', () => {
    let t = dropped(routedServer(), 'loadbalancer', 'private_subnet_1');
    t = dropped(t, 'listener', 'loadbalancer_1');
    t = dropped(t, 'pool', 'listener_1');
    t = dropped(t, 'member', 'pool_1');
    t = dropped(t, 'health-monitor', 'pool_1');
    t = linked(t, 'member_1', 'server_1');
    expect(prop(t, 'loadbalancer_1', 'vip_subnet')).toEqual({ get_resource: 'private_subnet_1' });
    expect(prop(t, 'listener_1', 'loadbalancer')).toEqual({ get_resource: 'loadbalancer_1' });
    expect(prop(t, 'pool_1', 'listener')).toEqual({ get_resource: 'listener_1' });
    expect(prop(t, 'member_1', 'pool')).toEqual({ get_resource: 'pool_1' });
    expect(prop(t, 'member_1', 'address')).toEqual({ get_attr: ['server_1', 'first_address'] });
    expect(prop(t, 'health_monitor_1', 'pool')).toEqual({ get_resource: 'pool_1' });
    expect(errors(t)).toEqual([]);
  });
  it('two resources the seed does not name: depends_on', () => {
    let t = dropped(blank(), 'type:OS::Heat::RandomString');
    t = dropped(t, 'type:OS::Heat::None');
    t = linked(t, 'randomstring_1', 'none_1');
    expect(toValue(nodeAt(t.root ?? undefined, ['resources', 'randomstring_1', 'depends_on']))).toEqual(['none_1']);
  });
});

describe('the seed walkthrough builds a template Heat would accept', () => {
  it('has no errors offline after server, volume and floating IP', () => {
    const t = dropped(dropped(routedServer(), 'volume', 'server_1'), 'floating-ip', 'server_1');
    expect(errors(t)).toEqual([]);
  });
});

describe('canvas edits keep what the user wrote', () => {
  it('keeps comments and formatting of untouched lines when a volume is attached', () => {
    const text =
      '# my stack\nheat_template_version: 2018-08-31   # pinned\n\nresources:\n  server_1:   # the web box\n    type: OS::Nova::Server\n    properties: {image: cirros, flavor: m1.small}\n  volume_1:\n    type: OS::Cinder::Volume\n    properties:\n      size: 1\n';
    const t = linked(parseTemplate(text), 'volume_1', 'server_1');
    expect(t.text.startsWith(text)).toBe(true);
    expect(t.text.slice(text.length)).toBe(
      '  volume_1_attachment_1:\n    type: OS::Cinder::VolumeAttachment\n    properties:\n      instance_uuid: { get_resource: server_1 }\n      volume_id: { get_resource: volume_1 }\n',
    );
  });
});

describe('deleting nodes', () => {
  it('removes the server with its own port, its attachment and its floating IP association, leaving the rest', () => {
    const t = deleteNodes(dropped(dropped(routedServer(), 'volume', 'server_1'), 'floating-ip', 'server_1'), ['server_1']);
    const ids = buildTopology(t)
      .nodes.map((n) => n.id)
      .sort();
    expect(ids).toEqual(
      ['floating_ip_1', 'param:external_network_1', 'private_net_1', 'private_subnet_1', 'router_1', 'router_1_interface_1', 'volume_1'].sort(),
    );
    expect(errors(t)).toEqual([]);
  });
  it('removes the server networks entry that named a deleted shared network', () => {
    const t = deleteNodes(dropped(dropped(blank(), 'shared-network'), 'server', 'param:shared_network_1'), ['param:shared_network_1']);
    expect(prop(t, 'server_1', 'networks')).toBeNull();
  });
  it('refuses an impossible connection with a reason rather than writing anything', () => {
    const r = connect(routedServer(), 'router_1', 'server_1');
    expect(r.ok ? 'ok' : r.reason).toBe('server-only-volumes-fip');
  });
});
