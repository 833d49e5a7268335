// Canvas actions as pure functions from template to template: drop a palette
// item (on empty space or on a node), connect two nodes, delete nodes. Each
// writes the HOT a person would (SPEC 1.2 and issue 6): a server on a private
// network gets a port, a router reaches its external network through
// external_gateway_info, a private network joins a router through an
// OS::Neutron::RouterInterface, a volume through OS::Cinder::VolumeAttachment,
// a floating IP is an OS::Neutron::FloatingIP plus its association. What each
// connection writes is its row in connections.ts.
import type { HotTemplate } from '../hot/template';
import { PARAM_NODE_PREFIX, SEED_KINDS } from './kinds';
import type { Kind } from './kinds';
import { buildTopology } from './model';
import type { Topology } from './model';
import type { PaletteItem } from './palette';
import { connectionOf } from './connections';
import { addResource, freeCidr, Names } from './hot-writing';
import { connectVerdict, dropVerdict, pairVerdict } from './rules';
import type { RefusalReason, Verdict } from './rules';
import { applyTopologyEdits } from './text-edits';
import type { TopologyEdit } from './text-edits';

export { refTo } from './hot-writing';

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

function baseFor(kind: Kind, type: string): string {
  return BASE_NAME[kind] ?? (type.split('::').pop() ?? 'resource').replace(/[^A-Za-z0-9]+/g, '_').toLowerCase();
}

const SERVER_PARAMS: Record<string, Record<string, unknown>> = {
  image: { type: 'string', label: 'Image', description: 'Name or ID of the image to boot from.', constraints: [{ custom_constraint: 'glance.image' }] },
  flavor: {
    type: 'string',
    label: 'Flavor',
    description: 'Name or ID of the flavor.',
    default: 'm1.small',
    constraints: [{ custom_constraint: 'nova.flavor' }],
  },
  key_name: {
    type: 'string',
    label: 'Key pair',
    description: 'Name of an SSH key pair (recommended over a password).',
    constraints: [{ custom_constraint: 'nova.keypair' }],
  },
};

/** The edits that create one resource (or network parameter) of a palette item, unconnected. */
function createEdits(t: HotTemplate, names: Names, item: PaletteItem): { edits: TopologyEdit[]; id: string; extra: string[] } {
  const name = names.next(baseFor(item.kind, item.type));
  switch (item.kind) {
    case 'external-network':
      return {
        id: PARAM_NODE_PREFIX + name,
        extra: [],
        edits: [
          {
            op: 'addEntry',
            path: ['parameters'],
            key: name,
            value: {
              type: 'string',
              label: 'External network',
              description: 'Name or ID of the external network (routers and floating IPs).',
              default: 'public',
              constraints: [{ custom_constraint: 'neutron.network' }],
            },
          },
        ],
      };
    case 'shared-network':
      return {
        id: PARAM_NODE_PREFIX + name,
        extra: [],
        edits: [
          {
            op: 'addEntry',
            path: ['parameters'],
            key: name,
            value: {
              type: 'string',
              label: 'Shared network',
              description: 'Name or ID of the shared network servers join.',
              default: 'share_net',
              constraints: [{ custom_constraint: 'neutron.network' }],
            },
          },
        ],
      };
    case 'private-network': {
      const subnet = names.next('private_subnet');
      return {
        id: name,
        extra: [subnet],
        edits: [
          addResource(name, { type: item.type }),
          addResource(subnet, { type: 'OS::Neutron::Subnet', properties: { network: { get_resource: name }, cidr: freeCidr(t) } }),
        ],
      };
    }
    case 'server': {
      const edits: TopologyEdit[] = [];
      for (const [p, def] of Object.entries(SERVER_PARAMS)) if (!names.has(p)) edits.push({ op: 'addEntry', path: ['parameters'], key: p, value: def });
      edits.push(
        addResource(name, {
          type: item.type,
          properties: { image: { get_param: 'image' }, flavor: { get_param: 'flavor' }, key_name: { get_param: 'key_name' } },
        }),
      );
      return { id: name, extra: [], edits };
    }
    case 'volume':
      return { id: name, extra: [], edits: [addResource(name, { type: item.type, properties: { size: 1 } })] };
    case 'security-group':
      return {
        id: name,
        extra: [],
        edits: [addResource(name, { type: item.type, properties: { rules: [{ protocol: 'tcp', port_range_min: 22, port_range_max: 22 }] } })],
      };
    case 'key-pair': {
      // Nova stopped generating key pairs in microversion 2.92 (Heat uses the
      // newest the cloud offers), so the public half is asked for at deploy.
      const publicKey = names.claim(`${name}_public_key`);
      return {
        id: name,
        extra: [],
        edits: [
          {
            op: 'addEntry',
            path: ['parameters'],
            key: publicKey,
            value: {
              type: 'string',
              label: 'SSH public key',
              description: `The public half of the SSH key ${name} registers (one line: ssh-ed25519 or ssh-rsa ...). Nova no longer generates keys.`,
            },
          },
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

/** The edits that hang `child` under `parent` (already allowed): the connection table's row, or a depends_on for kinds the table does not know. */
function linkEdits(t: HotTemplate, topo: Topology, names: Names, child: string, parent: string): TopologyEdit[] {
  const c = topo.byId.get(child);
  const p = topo.byId.get(parent);
  if (!c || !p) return [];
  const connection = connectionOf(c.kind, p.kind);
  if (connection) return connection.writes({ t, topo, names, child: c, parent: p });
  return p.isParam ? [] : [{ op: 'addDependency', resource: child, on: parent }];
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
  const targetNode = target ? (topo.byId.get(target) ?? null) : null;
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
  for (let grew = true; grew;) {
    grew = false;
    for (const n of topo.nodes) {
      if (n.existing?.parent && doomed.has(n.existing.parent) && !doomed.has(n.id)) {
        doomed.add(n.id);
        grew = true;
      }
    }
  }
  // A server's own ports go with it unless something else uses them; joins go with either end.
  for (const id of [...doomed])
    for (const port of topo.relations.serverPorts.get(id) ?? []) {
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
