// The topology the canvas draws, built from a parsed template: one node per
// resource, plus one node per *network parameter* (an external or shared
// network the template joins but does not create, referenced by get_param),
// edges from the HOT engine's graph labelled by property path, and the
// seed's relations (server on network, network behind router, ...) that the
// eight rules read.
import { buildGraph } from '../hot/graph';
import type { HNode, PathSegment } from '../hot/node';
import { entries, formatPath, functionCall, get, isMap, isSeq, isString, keyText, toValue } from '../hot/node';
import { resources, sectionMap } from '../hot/template';
import type { HotTemplate } from '../hot/template';
import { kindOfType, PARAM_NODE_PREFIX } from './kinds';
import type { Kind } from './kinds';
import { existingParams } from './existing';
import type { ExistingMarker } from './existing';

export interface TopoNode {
  id: string;
  /** Resource or parameter name as written in the YAML. */
  name: string;
  kind: Kind;
  /** HOT type, or 'parameter' for a network parameter node. */
  type: string;
  line: number;
  isParam?: boolean;
  nested?: string;
  /** Set for an existing cloud resource (a marked parameter, see existing.ts): read-only on the canvas. */
  existing?: { id: string; name: string; parent: string | null };
}

export interface TopoEdge {
  id: string;
  source: string;
  target: string;
  /** Property path of the reference (e.g. networks[0].network) or depends_on. */
  label: string;
  /** 'existing': an existing resource under its existing parent (the cloud's relation, not a reference). */
  kind: 'get_resource' | 'get_attr' | 'depends_on' | 'get_param' | 'existing';
}

export interface Relations {
  /** server -> network node ids it sits on (directly or through a port). */
  serverNetworks: Map<string, string[]>;
  /** server -> its ports. */
  serverPorts: Map<string, string[]>;
  /** private network -> routers it is attached to (through a router interface). */
  networkRouters: Map<string, string[]>;
  /** router -> external network node ids (external_gateway_info). */
  routerExternals: Map<string, string[]>;
  /** server -> floating IP resources that reach it. */
  serverFloatingIps: Map<string, string[]>;
  /** server -> volumes attached. */
  serverVolumes: Map<string, string[]>;
  /** network -> its subnets. */
  networkSubnets: Map<string, string[]>;
}

export interface Topology {
  nodes: TopoNode[];
  edges: TopoEdge[];
  byId: Map<string, TopoNode>;
  relations: Relations;
}

const NETWORK_KEYS = new Set(['network', 'network_id', 'floating_network', 'floating_network_id', 'uuid']);
const EXTERNAL_HINT = /extern|public|ext_net|gateway/i;

export type Ref = { resource: string } | { param: string } | undefined;

/** `{get_resource: x}` or `{get_param: x}` as a reference, else undefined. */
export function refOf(v: unknown): Ref {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  const arg = (v as Record<string, unknown>)[keys[0] as string];
  if (keys[0] === 'get_resource' && typeof arg === 'string') return { resource: arg };
  if (keys[0] === 'get_param' && typeof arg === 'string') return { param: arg };
  if (keys[0] === 'get_attr' && Array.isArray(arg) && typeof arg[0] === 'string') return { resource: arg[0] };
  return undefined;
}

/** One way out of a server: a network it sits on, a router behind that network, and the router's external network (rule 6). */
export interface ExternalRoute {
  network: string;
  router: string;
  external: string;
}

/** Every route from `server` to an external network, in the order the template lists networks, routers and gateways. */
export function routedExternals(topo: Topology, server: string): ExternalRoute[] {
  const r = topo.relations;
  const routes: ExternalRoute[] = [];
  for (const network of r.serverNetworks.get(server) ?? []) {
    for (const router of r.networkRouters.get(network) ?? [])
      for (const external of r.routerExternals.get(router) ?? []) routes.push({ network, router, external });
  }
  return routes;
}

export function refId(r: Ref): string | undefined {
  if (!r) return undefined;
  return 'resource' in r ? r.resource : PARAM_NODE_PREFIX + r.param;
}

function push(m: Map<string, string[]>, k: string, v: string): void {
  const list = m.get(k);
  if (!list) m.set(k, [v]);
  else if (!list.includes(v)) list.push(v);
}

/** Network parameters: used where a network goes, or constrained to neutron.network. */
function networkParams(t: HotTemplate, edges: TopoEdge[], existing: ReadonlyMap<string, ExistingMarker>): Map<string, Kind> {
  const params = sectionMap(t, 'parameters');
  const declared = new Set(params ? entries(params).map((p) => keyText(p.key)) : []);
  const kinds = new Map<string, Kind>();
  const external = new Set<string>();
  const walk = (n: HNode, path: PathSegment[], from: string, depth: number): void => {
    if (depth > 100) return;
    if (isSeq(n)) return n.items.forEach((i, k) => walk(i, [...path, k], from, depth + 1));
    if (!isMap(n)) return;
    const call = functionCall(n);
    // Any one-key map looks like a call ({network: ...} too): only get_param matters here.
    if (call?.name === 'get_param') {
      const last = path[path.length - 1];
      // Existing resources are drawn wherever they are used (a router interface's router too).
      if (isString(call.args) && declared.has(call.args.value) && typeof last === 'string' && (NETWORK_KEYS.has(last) || existing.has(call.args.value))) {
        const p = call.args.value;
        if (!kinds.has(p)) kinds.set(p, 'shared-network');
        if (last.startsWith('floating_network') || path.includes('external_gateway_info')) external.add(p);
        edges.push({
          id: `${from}->${PARAM_NODE_PREFIX}${p}@${formatPath(path)}`,
          source: from,
          target: PARAM_NODE_PREFIX + p,
          label: formatPath(path),
          kind: 'get_param',
        });
      }
      return;
    }
    for (const p of entries(n)) walk(p.value, [...path, keyText(p.key)], from, depth + 1);
  };
  for (const r of resources(t)) {
    const props = get(r.definition, 'properties');
    if (props) walk(props, [], r.name, 0);
  }
  if (params) {
    for (const p of entries(params)) {
      const name = keyText(p.key);
      const constraints = toValue(get(p.value, 'constraints'));
      const isNet =
        Array.isArray(constraints) &&
        constraints.some((c) => c && typeof c === 'object' && (c as Record<string, unknown>).custom_constraint === 'neutron.network');
      if (isNet && !kinds.has(name)) kinds.set(name, 'shared-network');
    }
  }
  for (const [name] of kinds) {
    const label = params ? toValue(get(get(params, name), 'label')) : undefined;
    if (external.has(name) || EXTERNAL_HINT.test(name) || (typeof label === 'string' && EXTERNAL_HINT.test(label))) kinds.set(name, 'external-network');
  }
  // The marker says what an existing resource is, whatever its name or use suggests.
  for (const [name, m] of existing) kinds.set(name, m.kind);
  return kinds;
}

export function buildTopology(t: HotTemplate): Topology {
  const graph = buildGraph(t);
  const nodes: TopoNode[] = [];
  const edges: TopoEdge[] = graph.edges.map((e) => ({
    id: `${e.from}->${e.to}@${e.path}`,
    source: e.from,
    target: e.to,
    label: e.path || e.kind,
    kind: e.kind,
  }));
  const existing = existingParams(t);
  const params = networkParams(t, edges, existing);
  const paramsMap = sectionMap(t, 'parameters');
  for (const [name, kind] of params) {
    const pair = paramsMap?.index.get(name);
    const node: TopoNode = {
      id: PARAM_NODE_PREFIX + name,
      name,
      kind,
      type: 'parameter',
      line: pair ? t.lines.position(pair.key.start).line : 0,
      isParam: true,
    };
    const m = existing.get(name);
    if (m) {
      const parent = m.parent === null ? null : PARAM_NODE_PREFIX + m.parent;
      node.existing = { id: m.id, name: m.name, parent };
      if (parent) edges.push({ id: `${node.id}->${parent}@existing`, source: node.id, target: parent, label: '', kind: 'existing' });
    }
    nodes.push(node);
  }
  const list = resources(t);
  const defs = new Map<string, { type: string; props: Record<string, unknown> }>();
  for (const n of graph.nodes) {
    const node: TopoNode = { id: n.id, name: n.id, kind: kindOfType(n.type), type: n.type, line: n.line };
    if (n.nested) node.nested = n.nested;
    nodes.push(node);
  }
  for (const r of list) {
    const props = toValue(get(r.definition, 'properties'));
    defs.set(r.name, { type: r.type ?? '', props: props && typeof props === 'object' && !Array.isArray(props) ? (props as Record<string, unknown>) : {} });
  }
  // Edges to a duplicated id would break Cytoscape; the graph already dedupes nodes.
  const seen = new Set<string>();
  const unique = edges.filter((e) => !seen.has(e.id) && !!seen.add(e.id));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return { nodes, edges: unique, byId, relations: relationsOf(defs, byId) };
}

function relationsOf(defs: Map<string, { type: string; props: Record<string, unknown> }>, byId: Map<string, TopoNode>): Relations {
  const r: Relations = {
    serverNetworks: new Map(),
    serverPorts: new Map(),
    networkRouters: new Map(),
    routerExternals: new Map(),
    serverFloatingIps: new Map(),
    serverVolumes: new Map(),
    networkSubnets: new Map(),
  };
  const portNetwork = new Map<string, string>();
  const portServer = new Map<string, string>();
  const subnetNetwork = new Map<string, string>();
  for (const [name, d] of defs) {
    const kind = kindOfType(d.type);
    if (kind === 'port') {
      const net = refId(refOf(d.props.network ?? d.props.network_id));
      if (net) portNetwork.set(name, net);
    } else if (kind === 'subnet') {
      const net = refId(refOf(d.props.network ?? d.props.network_id));
      if (net) {
        subnetNetwork.set(name, net);
        push(r.networkSubnets, net, name);
      }
    } else if (kind === 'router') {
      const gw = d.props.external_gateway_info as Record<string, unknown> | undefined;
      const ext = refId(refOf(gw?.network));
      if (ext) push(r.routerExternals, name, ext);
    }
  }
  for (const [name, d] of defs) {
    const kind = kindOfType(d.type);
    if (kind === 'server') {
      const nets = Array.isArray(d.props.networks) ? d.props.networks : [];
      for (const item of nets as Record<string, unknown>[]) {
        if (!item || typeof item !== 'object') continue;
        const port = refOf(item.port);
        if (port && 'resource' in port) {
          push(r.serverPorts, name, port.resource);
          portServer.set(port.resource, name);
          const net = portNetwork.get(port.resource);
          if (net) push(r.serverNetworks, name, net);
        }
        const net = refId(refOf(item.network ?? item.uuid));
        if (net) push(r.serverNetworks, name, net);
      }
    } else if (kind === 'router-interface') {
      const router = refOf(d.props.router ?? d.props.router_id);
      const subnet = refOf(d.props.subnet ?? d.props.subnet_id);
      const port = refOf(d.props.port ?? d.props.port_id);
      const net = subnet && 'resource' in subnet ? subnetNetwork.get(subnet.resource) : port && 'resource' in port ? portNetwork.get(port.resource) : undefined;
      // The router may be an existing one (a parameter).
      const routerId = refId(router);
      if (routerId && net) push(r.networkRouters, net, routerId);
    } else if (kind === 'volume-attachment') {
      const server = refOf(d.props.instance_uuid);
      const volume = refOf(d.props.volume_id);
      if (server && 'resource' in server && volume && 'resource' in volume) push(r.serverVolumes, server.resource, volume.resource);
    }
  }
  for (const [name, d] of defs) {
    const kind = kindOfType(d.type);
    const port = refOf(d.props.port_id);
    const server = port && 'resource' in port ? portServer.get(port.resource) : undefined;
    if (kind === 'floating-ip' && server) push(r.serverFloatingIps, server, name);
    if (kind === 'floating-ip-association') {
      const fip = refOf(d.props.floatingip_id ?? d.props.floating_ip);
      const viaServer = refOf(d.props.server_id);
      const target = server ?? (viaServer && 'resource' in viaServer ? viaServer.resource : undefined);
      if (target && fip && 'resource' in fip) push(r.serverFloatingIps, target, fip.resource);
    }
  }
  // Existing resources bring the cloud's relations: a private network behind its router, a router on its external network.
  for (const n of byId.values()) {
    const parent = n.existing?.parent;
    if (!parent) continue;
    if (n.kind === 'router') push(r.routerExternals, n.id, parent);
    else if (n.kind === 'private-network') push(r.networkRouters, n.id, parent);
  }
  return r;
}
