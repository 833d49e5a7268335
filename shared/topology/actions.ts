// Canvas actions as pure functions from template to template: drop a palette
// item (on empty space or on a node), connect two nodes, delete nodes. Each
// writes the HOT a person would (SPEC 1.2 and issue 6): a server on a private
// network gets a port, a router reaches its external network through
// external_gateway_info, a private network joins a router through an
// OS::Neutron::RouterInterface, a volume through OS::Cinder::VolumeAttachment,
// a floating IP is an OS::Neutron::FloatingIP plus its association.
import { resources, sectionMap } from '../hot/template';
import type { HotTemplate } from '../hot/template';
import { entries, get, keyText, toValue } from '../hot/node';
import { PARAM_NODE_PREFIX, SEED_KINDS } from './kinds';
import type { Kind } from './kinds';
import { buildTopology } from './model';
import type { Topology } from './model';
import type { PaletteItem } from './palette';
import { connectVerdict, dropVerdict, pairVerdict } from './rules';
import type { RefusalReason, Verdict } from './rules';
import { applyTopologyEdits } from './text-edits';
import type { TopologyEdit } from './text-edits';

export type ActionResult = { ok: true; template: HotTemplate; added: string[] } | { ok: false; reason: RefusalReason; params?: Record<string, string> };

const BASE_NAME: Partial<Record<Kind, string>> = {
  'external-network': 'external_network',
  'shared-network': 'shared_network',
  router: 'router',
  'private-network': 'private_net',
  subnet: 'private_subnet',
  'router-interface': 'router_interface',
  'floating-ip': 'floating_ip',
  'floating-ip-association': 'floating_ip_association',
  port: 'port',
  'security-group': 'security_group',
  server: 'server',
  volume: 'volume',
  'volume-attachment': 'volume_attachment',
  'key-pair': 'key_pair',
  loadbalancer: 'loadbalancer',
  listener: 'listener',
  pool: 'pool',
  member: 'member',
  'health-monitor': 'health_monitor',
};

class Names {
  private readonly taken: Set<string>;
  constructor(t: HotTemplate) {
    const params = sectionMap(t, 'parameters');
    this.taken = new Set([...resources(t).map((r) => r.name), ...(params ? entries(params).map((p) => keyText(p.key)) : [])]);
  }
  next(base: string): string {
    for (let i = 1; ; i++) {
      const name = `${base}_${i}`;
      if (!this.taken.has(name)) {
        this.taken.add(name);
        return name;
      }
    }
  }
  /** `name` itself while free, else `name_1`, `name_2`... */
  claim(name: string): string {
    if (this.taken.has(name)) return this.next(name);
    this.taken.add(name);
    return name;
  }
  has(name: string): boolean {
    return this.taken.has(name);
  }
}

function baseFor(kind: Kind, type: string): string {
  return BASE_NAME[kind] ?? (type.split('::').pop() ?? 'resource').replace(/[^A-Za-z0-9]+/g, '_').toLowerCase();
}

/** A reference to a node: get_param for network parameters, get_resource otherwise. */
export function refTo(id: string): Record<string, string> {
  return id.startsWith(PARAM_NODE_PREFIX) ? { get_param: id.slice(PARAM_NODE_PREFIX.length) } : { get_resource: id };
}

/** The next 192.168.N.0/24 no subnet of the template uses yet (the seed's CIDR warning). */
export function freeCidr(t: HotTemplate): string {
  const used = new Set<string>();
  for (const r of resources(t)) {
    const cidr = toValue(get(get(r.definition, 'properties'), 'cidr'));
    if (typeof cidr === 'string') used.add(cidr);
  }
  for (let n = 10; n < 255; n++) if (!used.has(`192.168.${n}.0/24`)) return `192.168.${n}.0/24`;
  return '10.0.0.0/24';
}

function addResource(name: string, def: Record<string, unknown>): TopologyEdit {
  return { op: 'addEntry', path: ['resources'], key: name, value: def };
}

const SERVER_PARAMS: Record<string, Record<string, unknown>> = {
  image: { type: 'string', label: 'Image', description: 'Name or ID of the image to boot from.', constraints: [{ custom_constraint: 'glance.image' }] },
  flavor: { type: 'string', label: 'Flavor', description: 'Name or ID of the flavor.', default: 'm1.small', constraints: [{ custom_constraint: 'nova.flavor' }] },
  key_name: { type: 'string', label: 'Key pair', description: 'Name of an SSH key pair (recommended over a password).', constraints: [{ custom_constraint: 'nova.keypair' }] },
};

/** The edits that create one resource (or network parameter) of a palette item, unconnected. */
function createEdits(t: HotTemplate, names: Names, item: PaletteItem): { edits: TopologyEdit[]; id: string; extra: string[] } {
  const name = names.next(baseFor(item.kind, item.type));
  switch (item.kind) {
    case 'external-network':
      return {
        id: PARAM_NODE_PREFIX + name,
        extra: [],
        edits: [{ op: 'addEntry', path: ['parameters'], key: name, value: { type: 'string', label: 'External network', description: 'Name or ID of the external network (routers and floating IPs).', default: 'public', constraints: [{ custom_constraint: 'neutron.network' }] } }],
      };
    case 'shared-network':
      return {
        id: PARAM_NODE_PREFIX + name,
        extra: [],
        edits: [{ op: 'addEntry', path: ['parameters'], key: name, value: { type: 'string', label: 'Shared network', description: 'Name or ID of the shared network servers join.', default: 'share_net', constraints: [{ custom_constraint: 'neutron.network' }] } }],
      };
    case 'private-network': {
      const subnet = names.next('private_subnet');
      return {
        id: name,
        extra: [subnet],
        edits: [addResource(name, { type: item.type }), addResource(subnet, { type: 'OS::Neutron::Subnet', properties: { network: { get_resource: name }, cidr: freeCidr(t) } })],
      };
    }
    case 'server': {
      const edits: TopologyEdit[] = [];
      for (const [p, def] of Object.entries(SERVER_PARAMS)) if (!names.has(p)) edits.push({ op: 'addEntry', path: ['parameters'], key: p, value: def });
      edits.push(addResource(name, { type: item.type, properties: { image: { get_param: 'image' }, flavor: { get_param: 'flavor' }, key_name: { get_param: 'key_name' } } }));
      return { id: name, extra: [], edits };
    }
    case 'volume':
      return { id: name, extra: [], edits: [addResource(name, { type: item.type, properties: { size: 1 } })] };
    case 'security-group':
      return { id: name, extra: [], edits: [addResource(name, { type: item.type, properties: { rules: [{ protocol: 'tcp', port_range_min: 22, port_range_max: 22 }] } })] };
    case 'key-pair': {
      // Nova stopped generating key pairs in microversion 2.92 (Heat uses the
      // newest the cloud offers), so the public half is asked for at deploy.
      const publicKey = names.claim(`${name}_public_key`);
      return {
        id: name,
        extra: [],
        edits: [
          { op: 'addEntry', path: ['parameters'], key: publicKey, value: { type: 'string', label: 'SSH public key', description: `The public half of the SSH key ${name} registers (one line: ssh-ed25519 or ssh-rsa ...). Nova no longer generates keys.` } },
          addResource(name, { type: item.type, properties: { name, public_key: { get_param: publicKey } } }),
        ],
      };
    }
    case 'listener':
      return { id: name, extra: [], edits: [addResource(name, { type: item.type, properties: { protocol: 'HTTP', protocol_port: 80 } })] };
    case 'pool':
      return { id: name, extra: [], edits: [addResource(name, { type: item.type, properties: { lb_algorithm: 'ROUND_ROBIN', protocol: 'HTTP' } })] };
    case 'member':
      return { id: name, extra: [], edits: [addResource(name, { type: item.type, properties: { protocol_port: 80 } })] };
    case 'health-monitor':
      return { id: name, extra: [], edits: [addResource(name, { type: item.type, properties: { type: 'HTTP', delay: 5, max_retries: 3, timeout: 5 } })] };
    default:
      return { id: name, extra: [], edits: [addResource(name, { type: item.type })] };
  }
}

function firstExternal(topo: Topology): string | undefined {
  return topo.nodes.find((n) => n.kind === 'external-network')?.id;
}

/** The external network a server's route reaches (network -> router -> gateway): where its floating IP comes from. */
function routedExternal(topo: Topology, server: string): string | undefined {
  const r = topo.relations;
  for (const net of r.serverNetworks.get(server) ?? []) for (const router of r.networkRouters.get(net) ?? []) for (const ext of r.routerExternals.get(router) ?? []) return ext;
  return undefined;
}

/** The edits that hang `child` under `parent` (a CONNECTIONS pair, already allowed). */
function linkEdits(t: HotTemplate, topo: Topology, names: Names, child: string, parent: string): TopologyEdit[] {
  const c = topo.byId.get(child);
  const p = topo.byId.get(parent);
  if (!c || !p) return [];
  const set = (resource: string, path: string[], value: unknown): TopologyEdit => ({ op: 'put', path: ['resources', resource, 'properties', ...path], value });
  const r = topo.relations;
  switch (`${c.kind}>${p.kind}`) {
    case 'router>external-network':
      return [set(child, ['external_gateway_info'], { network: refTo(parent) })];
    case 'private-network>router':
    case 'subnet>router': {
      const edits: TopologyEdit[] = [];
      let subnet = c.kind === 'subnet' ? child : (r.networkSubnets.get(child) ?? [])[0];
      if (!subnet) {
        subnet = names.next('private_subnet');
        edits.push(addResource(subnet, { type: 'OS::Neutron::Subnet', properties: { network: { get_resource: child }, cidr: freeCidr(t) } }));
      }
      // An existing router is a parameter: `router: { get_param: existing_router_x }`.
      edits.push(addResource(names.next(`${p.name}_interface`), { type: 'OS::Neutron::RouterInterface', properties: { router: refTo(parent), subnet: { get_resource: subnet } } }));
      return edits;
    }
    case 'server>private-network': {
      const port = names.next(`${child}_port`);
      const subnet = (r.networkSubnets.get(parent) ?? [])[0];
      // On an existing private network too a server gets a port: a floating IP (rule 6) associates with it.
      const props: Record<string, unknown> = { network: refTo(parent) };
      if (subnet) props.fixed_ips = [{ subnet: { get_resource: subnet } }];
      return [addResource(port, { type: 'OS::Neutron::Port', properties: props }), { op: 'appendItem', path: ['resources', child, 'properties', 'networks'], value: { port: { get_resource: port } } }];
    }
    case 'server>shared-network':
      return [{ op: 'appendItem', path: ['resources', child, 'properties', 'networks'], value: { network: refTo(parent) } }];
    case 'volume>server':
      return [addResource(names.next(`${child}_attachment`), { type: 'OS::Cinder::VolumeAttachment', properties: { instance_uuid: { get_resource: parent }, volume_id: { get_resource: child } } })];
    case 'floating-ip>server': {
      // The port on the routed private network is the one a floating IP can reach.
      const port = (r.serverPorts.get(parent) ?? []).find((pt) => {
        const net = (r.serverNetworks.get(parent) ?? []).find((n) => (r.networkRouters.get(n) ?? []).some((rt) => (r.routerExternals.get(rt) ?? []).length));
        return net !== undefined && topo.edges.some((e) => e.source === pt && e.target === net);
      });
      const edits: TopologyEdit[] = [];
      const ext = routedExternal(topo, parent) ?? firstExternal(topo);
      if (ext && !(topo.edges.some((e) => e.source === child && e.target === ext))) edits.push(set(child, ['floating_network'], refTo(ext)));
      if (port) edits.push(addResource(names.next(`${child}_association`), { type: 'OS::Neutron::FloatingIPAssociation', properties: { floatingip_id: { get_resource: child }, port_id: { get_resource: port } } }));
      return edits;
    }
    case 'floating-ip>external-network':
      return [set(child, ['floating_network'], refTo(parent))];
    case 'port>private-network':
    case 'port>shared-network':
      return [set(child, ['network'], refTo(parent))];
    case 'port>server':
      return [{ op: 'appendItem', path: ['resources', parent, 'properties', 'networks'], value: { port: { get_resource: child } } }];
    case 'port>security-group':
    case 'server>security-group':
      return [{ op: 'appendItem', path: ['resources', child, 'properties', 'security_groups'], value: { get_resource: parent } }];
    case 'server>key-pair': {
      // The key pair replaces the server's key_name parameter: drop that
      // parameter when nothing else uses it, or deploying would ask for it.
      const edits: TopologyEdit[] = [set(child, ['key_name'], { get_resource: parent })];
      const before = toValue(get(get(get(sectionMap(t, 'resources'), child), 'properties'), 'key_name'));
      const param = paramName(before);
      if (param && countParamUses(t, param) === 1) edits.push({ op: 'unset', path: ['parameters', param] });
      return edits;
    }
    case 'subnet>private-network':
      return [set(child, ['network'], refTo(parent))];
    case 'listener>loadbalancer':
      return [set(child, ['loadbalancer'], { get_resource: parent })];
    case 'pool>listener':
      return [set(child, ['listener'], { get_resource: parent })];
    case 'pool>loadbalancer':
      return [set(child, ['loadbalancer'], { get_resource: parent })];
    case 'member>pool':
    case 'health-monitor>pool':
      return [set(child, ['pool'], { get_resource: parent })];
    case 'member>server':
      return [set(child, ['address'], { get_attr: [parent, 'first_address'] })];
    case 'loadbalancer>subnet':
      return [set(child, ['vip_subnet'], { get_resource: parent })];
    case 'loadbalancer>private-network': {
      const subnet = (r.networkSubnets.get(parent) ?? [])[0];
      return subnet ? [set(child, ['vip_subnet'], { get_resource: subnet })] : [];
    }
    default:
      return p.isParam ? [] : [{ op: 'addDependency', resource: child, on: parent }];
  }
}

/**
 * The canvas writes HOT only: a CloudFormation-format template is drawn but
 * read-only, because HOT written into its Resources would not be valid there.
 */
export function writableVerdict(t: HotTemplate): Verdict {
  return t.kind === 'cfn' ? { ok: false, reason: 'cfn-read-only' } : { ok: true };
}

/** Drops a palette item on empty space (target null) or on a node, applying rule 1's auto-completion. */
export function drop(t: HotTemplate, item: PaletteItem, target: string | null): ActionResult {
  const writable = writableVerdict(t);
  if (!writable.ok) return writable;
  const topo = buildTopology(t);
  const targetNode = target ? topo.byId.get(target) ?? null : null;
  // Extra kinds dropped on a node they cannot connect to are simply added.
  const effectiveTarget = targetNode && !SEED_KINDS.has(item.kind) && !pairVerdict(topo, item.kind, targetNode).ok ? null : targetNode;
  const verdict = dropVerdict(topo, item.kind, effectiveTarget);
  if (!verdict.ok) return verdict;
  const names = new Names(t);
  if (item.kind === 'server' && topo.nodes.length === 0) return serverOnEmptyCanvas(t, names, item);
  const created = createEdits(t, names, item);
  let next = applyTopologyEdits(t, created.edits);
  if (effectiveTarget) {
    const after = buildTopology(next);
    next = applyTopologyEdits(next, linkEdits(next, after, names, created.id, effectiveTarget.id));
  }
  return { ok: true, template: next, added: [created.id, ...created.extra] };
}

/** Rule 1: a server on an empty canvas brings an external network, a router and a private network. */
function serverOnEmptyCanvas(t: HotTemplate, names: Names, server: PaletteItem): ActionResult {
  const added: string[] = [];
  let next = t;
  const step = (item: PaletteItem, parent: string | null): string => {
    const c = createEdits(next, names, item);
    next = applyTopologyEdits(next, c.edits);
    if (parent) next = applyTopologyEdits(next, linkEdits(next, buildTopology(next), names, c.id, parent));
    added.push(c.id, ...c.extra);
    return c.id;
  };
  const ext = step({ id: 'external-network', kind: 'external-network', type: 'parameter' }, null);
  const router = step({ id: 'router', kind: 'router', type: 'OS::Neutron::Router' }, ext);
  const net = step({ id: 'private-network', kind: 'private-network', type: 'OS::Neutron::Net' }, router);
  step(server, net);
  return { ok: true, template: next, added };
}

/** Connects two nodes by a drag from one to the other (either may be the child). */
export function connect(t: HotTemplate, from: string, to: string): ActionResult {
  const writable = writableVerdict(t);
  if (!writable.ok) return writable;
  const topo = buildTopology(t);
  const v = connectVerdict(topo, from, to);
  if (!v.ok) return v;
  const edits = linkEdits(t, topo, new Names(t), v.child as string, v.parent as string);
  if (edits.length === 0) return { ok: false, reason: 'no-connection', params: { child: from, parent: to } };
  return { ok: true, template: applyTopologyEdits(t, edits), added: [] };
}

/** Kinds that only exist to join two others: deleted with either end. */
const JOINS: ReadonlySet<Kind> = new Set<Kind>(['router-interface', 'volume-attachment', 'floating-ip-association']);

/** Deletes nodes, the joins that hang on them, and server network entries naming them. */
export function deleteNodes(t: HotTemplate, ids: readonly string[]): HotTemplate {
  const topo = buildTopology(t);
  const doomed = new Set(ids.filter((id) => topo.byId.has(id)));
  // An existing resource takes the existing resources under it along: they came in with it and cannot stand without their parent.
  for (let grew = true; grew; ) {
    grew = false;
    for (const n of topo.nodes) {
      if (n.existing?.parent && doomed.has(n.existing.parent) && !doomed.has(n.id)) {
        doomed.add(n.id);
        grew = true;
      }
    }
  }
  // A server's own ports go with it unless something else uses them; joins go with either end.
  for (const id of [...doomed]) for (const port of topo.relations.serverPorts.get(id) ?? []) {
    if (topo.edges.every((e) => e.target !== port || doomed.has(e.source) || JOINS.has(topo.byId.get(e.source)?.kind ?? 'other'))) doomed.add(port);
  }
  for (const e of topo.edges) {
    const src = topo.byId.get(e.source);
    if (src && JOINS.has(src.kind) && doomed.has(e.target)) doomed.add(src.id);
  }
  let next = t;
  // Server `networks` items and list references to a deleted node go too, from the last index back.
  const listRefs = topo.edges
    .filter((e) => doomed.has(e.target) && !doomed.has(e.source) && /\[\d+\]/.test(e.label))
    .map((e) => ({ resource: e.source, path: itemPath(e.label) }))
    .filter((x): x is { resource: string; path: (string | number)[] } => x.path !== undefined)
    .sort((a, b) => String(b.path).localeCompare(String(a.path), undefined, { numeric: true }));
  for (const ref of listRefs) next = applyTopologyEdits(next, [{ op: 'unsetProperty', resource: ref.resource, path: ref.path }]);
  for (const id of doomed) {
    if (id.startsWith(PARAM_NODE_PREFIX)) next = applyTopologyEdits(next, [{ op: 'unset', path: ['parameters', id.slice(PARAM_NODE_PREFIX.length)] }]);
    else next = applyTopologyEdits(next, [{ op: 'removeResource', name: id }]);
  }
  return next;
}

/** networks[1].port -> ['networks', 1]: the list item that holds the reference. */
function itemPath(label: string): (string | number)[] | undefined {
  const m = /^(.*?)\[(\d+)\]/.exec(label);
  if (!m) return undefined;
  return [...(m[1] ? m[1].split('.') : []), Number(m[2])];
}

/** `{get_param: x}` (or `[x, ...]`) as x, else null. */
function paramName(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const arg = (value as Record<string, unknown>).get_param;
  if (typeof arg === 'string') return arg;
  return Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : null;
}

/** How many get_param calls name `param` in resources, outputs and conditions. */
function countParamUses(t: HotTemplate, param: string): number {
  let n = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (paramName(v) === param) n++;
      Object.values(v).forEach(walk);
    }
  };
  for (const section of ['resources', 'outputs', 'conditions']) walk(toValue(sectionMap(t, section)));
  return n;
}
