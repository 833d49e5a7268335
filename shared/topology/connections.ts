// The connections the canvas knows (SPEC 1.2, issue 6), one row each: what
// refuses it beyond "this pair may connect" (rule 6's one floating IP with a
// route, a link that already exists) and the HOT it writes. rules.ts reads
// the verdicts, actions.ts the writes; a new connection is one new row here.
import { get, toValue } from '../hot/node';
import { sectionMap } from '../hot/template';
import type { HotTemplate } from '../hot/template';
import type { Kind } from './kinds';
import { routedExternals } from './model';
import type { TopoNode, Topology } from './model';
import { addResource, countParamUses, freeCidr, paramName, refTo } from './hot-writing';
import type { Names } from './hot-writing';
import type { TopologyEdit } from './text-edits';
import { no } from './verdict';
import type { Verdict } from './verdict';

/** What a row's verdict sees: the topology, the parent node, and the child's id when the child already exists. */
export interface PairContext {
  topo: Topology;
  parent: TopoNode;
  childId?: string;
}

/** What a row's writer sees: the template and its topology, free names, and both ends (already allowed). */
export interface LinkContext {
  t: HotTemplate;
  topo: Topology;
  names: Names;
  child: TopoNode;
  parent: TopoNode;
}

export interface Connection {
  /** A refusal beyond the pair being known; undefined when the connection may go ahead. */
  refuse?: (c: PairContext) => Verdict | undefined;
  /** The edits that hang the child under the parent. */
  writes: (c: LinkContext) => TopologyEdit[];
}

const put = (resource: string, path: string[], value: unknown): TopologyEdit => ({ op: 'put', path: ['resources', resource, 'properties', ...path], value });
const append = (resource: string, property: string, value: unknown): TopologyEdit => ({
  op: 'appendItem',
  path: ['resources', resource, 'properties', property],
  value,
});

/** The child sets one property of its own to a reference to the parent. */
const childPoints = (property: string, ref: (parent: string) => unknown = refTo): Connection => ({
  writes: ({ child, parent }) => [put(child.id, [property], ref(parent.id))],
});
const getResource = (id: string): unknown => ({ get_resource: id });

/** Refuses an existing child whose relation list already names the other end. */
const alreadyIn =
  (has: (c: PairContext, childId: string) => boolean): Connection['refuse'] =>
  (c) => {
    if (c.childId && has(c, c.childId)) return no('already-connected', { child: c.childId, parent: c.parent.name });
    return undefined;
  };
const serverAlreadyOn = alreadyIn(({ topo, parent }, child) => (topo.relations.serverNetworks.get(child) ?? []).includes(parent.id));

function routerInterface({ t, topo, names, child, parent }: LinkContext): TopologyEdit[] {
  const edits: TopologyEdit[] = [];
  let subnet = child.kind === 'subnet' ? child.id : (topo.relations.networkSubnets.get(child.id) ?? [])[0];
  if (!subnet) {
    subnet = names.next('private_subnet');
    edits.push(addResource(subnet, { type: 'OS::Neutron::Subnet', properties: { network: { get_resource: child.id }, cidr: freeCidr(t) } }));
  }
  // An existing router is a parameter: `router: { get_param: existing_router_x }`.
  edits.push(
    addResource(names.next(`${parent.name}_interface`), {
      type: 'OS::Neutron::RouterInterface',
      properties: { router: refTo(parent.id), subnet: { get_resource: subnet } },
    }),
  );
  return edits;
}

function serverOnPrivateNetwork({ topo, names, child, parent }: LinkContext): TopologyEdit[] {
  const port = names.next(`${child.id}_port`);
  const subnet = (topo.relations.networkSubnets.get(parent.id) ?? [])[0];
  // On an existing private network too a server gets a port: a floating IP (rule 6) associates with it.
  const props: Record<string, unknown> = { network: refTo(parent.id) };
  if (subnet) props.fixed_ips = [{ subnet: { get_resource: subnet } }];
  return [addResource(port, { type: 'OS::Neutron::Port', properties: props }), append(child.id, 'networks', { port: { get_resource: port } })];
}

function floatingIpOnServer({ topo, names, child, parent }: LinkContext): TopologyEdit[] {
  const route = routedExternals(topo, parent.id)[0];
  // The port on the routed private network is the one a floating IP can reach.
  const port = route && (topo.relations.serverPorts.get(parent.id) ?? []).find((pt) => topo.edges.some((e) => e.source === pt && e.target === route.network));
  const edits: TopologyEdit[] = [];
  const ext = route?.external ?? topo.nodes.find((n) => n.kind === 'external-network')?.id;
  if (ext && !topo.edges.some((e) => e.source === child.id && e.target === ext)) edits.push(put(child.id, ['floating_network'], refTo(ext)));
  if (port)
    edits.push(
      addResource(names.next(`${child.id}_association`), {
        type: 'OS::Neutron::FloatingIPAssociation',
        properties: { floatingip_id: { get_resource: child.id }, port_id: { get_resource: port } },
      }),
    );
  return edits;
}

function serverKeyPair({ t, child, parent }: LinkContext): TopologyEdit[] {
  // The key pair replaces the server's key_name parameter: drop that
  // parameter when nothing else uses it, or deploying would ask for it.
  const edits: TopologyEdit[] = [put(child.id, ['key_name'], { get_resource: parent.id })];
  const before = toValue(get(get(get(sectionMap(t, 'resources'), child.id), 'properties'), 'key_name'));
  const param = paramName(before);
  if (param && countParamUses(t, param) === 1) edits.push({ op: 'unset', path: ['parameters', param] });
  return edits;
}

const joinsSecurityGroup: Connection = { writes: ({ child, parent }) => [append(child.id, 'security_groups', { get_resource: parent.id })] };

/** child kind > parent kind -> the connection. */
export const CONNECTIONS: Readonly<Record<string, Connection>> = {
  'router>external-network': {
    refuse: ({ topo, childId }) =>
      childId && (topo.relations.routerExternals.get(childId) ?? []).length > 0 ? no('router-has-gateway', { router: childId }) : undefined,
    writes: ({ child, parent }) => [put(child.id, ['external_gateway_info'], { network: refTo(parent.id) })],
  },
  'private-network>router': {
    refuse: alreadyIn(({ topo, parent }, child) => (topo.relations.networkRouters.get(child) ?? []).includes(parent.id)),
    writes: routerInterface,
  },
  'subnet>router': { writes: routerInterface },
  'server>private-network': { refuse: serverAlreadyOn, writes: serverOnPrivateNetwork },
  'server>shared-network': { refuse: serverAlreadyOn, writes: ({ child, parent }) => [append(child.id, 'networks', { network: refTo(parent.id) })] },
  'volume>server': {
    refuse: alreadyIn(({ topo, parent }, child) => (topo.relations.serverVolumes.get(parent.id) ?? []).includes(child)),
    writes: ({ names, child, parent }) => [
      addResource(names.next(`${child.id}_attachment`), {
        type: 'OS::Cinder::VolumeAttachment',
        properties: { instance_uuid: { get_resource: parent.id }, volume_id: { get_resource: child.id } },
      }),
    ],
  },
  'floating-ip>server': {
    refuse: ({ topo, parent }) => {
      if ((topo.relations.serverFloatingIps.get(parent.id) ?? []).length >= 1) return no('one-floating-ip', { server: parent.name });
      if (routedExternals(topo, parent.id).length === 0) return no('floating-ip-needs-route', { server: parent.name });
      return undefined;
    },
    writes: floatingIpOnServer,
  },
  'floating-ip>external-network': childPoints('floating_network'),
  'port>private-network': childPoints('network'),
  'port>shared-network': childPoints('network'),
  'port>server': { writes: ({ child, parent }) => [append(parent.id, 'networks', { port: { get_resource: child.id } })] },
  'port>security-group': joinsSecurityGroup,
  'server>security-group': joinsSecurityGroup,
  'server>key-pair': { writes: serverKeyPair },
  'subnet>private-network': childPoints('network'),
  'listener>loadbalancer': childPoints('loadbalancer', getResource),
  'pool>listener': childPoints('listener', getResource),
  'pool>loadbalancer': childPoints('loadbalancer', getResource),
  'member>pool': childPoints('pool', getResource),
  'member>server': childPoints('address', (server) => ({ get_attr: [server, 'first_address'] })),
  'health-monitor>pool': childPoints('pool', getResource),
  'loadbalancer>subnet': childPoints('vip_subnet', getResource),
  'loadbalancer>private-network': {
    writes: ({ topo, child, parent }) => {
      const subnet = (topo.relations.networkSubnets.get(parent.id) ?? [])[0];
      return subnet ? [put(child.id, ['vip_subnet'], { get_resource: subnet })] : [];
    },
  },
};

/** The table's row for a child kind under a parent kind, if the canvas knows that connection. */
export function connectionOf(childKind: Kind, parentKind: Kind): Connection | undefined {
  return Object.hasOwn(CONNECTIONS, `${childKind}>${parentKind}`) ? CONNECTIONS[`${childKind}>${parentKind}`] : undefined;
}
