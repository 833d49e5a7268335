import { describe, expect, it } from 'vitest';
import { openDoc } from '../../../../renderer/editor/document';
import { toElements } from '../../../../renderer/canvas/elements';
import { foldHelpers } from '../../../../renderer/canvas/fold';
import { fixedIps } from '../../../../renderer/editor/canvas-view';

const SEED = `heat_template_version: 2018-08-31
resources:
  router:
    type: OS::Neutron::Router
    properties: { external_gateway_info: { network: public } }
  net:
    type: OS::Neutron::Net
  subnet:
    type: OS::Neutron::Subnet
    properties: { network: { get_resource: net }, cidr: 10.0.0.0/24 }
  router_if:
    type: OS::Neutron::RouterInterface
    properties: { router: { get_resource: router }, subnet: { get_resource: subnet } }
  port:
    type: OS::Neutron::Port
    properties:
      network: { get_resource: net }
      fixed_ips: [{ subnet: { get_resource: subnet }, ip_address: 10.0.0.5 }]
  server:
    type: OS::Nova::Server
    properties: { image: cirros, flavor: m1.tiny, networks: [{ port: { get_resource: port } }] }
  fip:
    type: OS::Neutron::FloatingIP
    properties: { floating_network: public }
  fip_assoc:
    type: OS::Neutron::FloatingIPAssociation
    properties: { floatingip_id: { get_resource: fip }, port_id: { get_resource: port } }
  volume:
    type: OS::Cinder::Volume
    properties: { size: 1 }
  attach:
    type: OS::Cinder::VolumeAttachment
    properties: { instance_uuid: { get_resource: server }, volume_id: { get_resource: volume } }
`;

describe('the seed-style view', () => {
  const doc = openDoc(SEED);
  const els = foldHelpers(toElements(doc.topology, {}), doc.topology, fixedIps(doc.good), { publicIp: 'public IP' });
  const nodes = els.filter((e) => e.group === 'nodes').map((e) => e.data.id as string);
  const folded = els.filter((e) => e.data.kind === 'folded').map((e) => [e.data.helper, e.data.source, e.data.target, e.data.label]);

  it('folds every helper into an edge between what it joins, naming the helper', () => {
    expect(nodes.sort()).toEqual(['fip', 'net', 'router', 'server', 'subnet', 'volume']);
    expect(folded).toEqual([
      ['router_if', 'router', 'net', ''],
      ['port', 'server', 'net', '10.0.0.5'],
      ['fip_assoc', 'server', 'fip', ''],
      ['attach', 'server', 'volume', ''],
    ]);
  });

  it('badges the server that has a floating IP, and leaves no edge to a hidden helper', () => {
    expect(els.find((e) => e.data.id === 'server')?.data.label).toBe('server ⊕ public IP');
    const hidden = new Set(['router_if', 'port', 'fip_assoc', 'attach']);
    for (const e of els.filter((x) => x.group === 'edges')) expect(hidden.has(e.data.source as string) || hidden.has(e.data.target as string)).toBe(false);
  });

  it('keeps a helper whose ends are missing as a node', () => {
    const lone = openDoc(
      'heat_template_version: 2018-08-31\nresources:\n  attach:\n    type: OS::Cinder::VolumeAttachment\n    properties: { instance_uuid: abc, volume_id: def }\n',
    );
    expect(foldHelpers(toElements(lone.topology, {}), lone.topology, new Map(), { publicIp: 'x' }).map((e) => e.data.id)).toEqual(['attach']);
  });
});
