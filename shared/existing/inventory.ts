// What already exists in the cloud for the active profile (SPEC 1.5, the
// seed's 5.2 "使用已有资源编排"): the networks and routers the palette's
// "Existing" tab offers, and the flavors, images, key pairs, security groups
// and availability zones the inspector's pickers and rule 7's re-validation
// read. Pure: main fills it from Nova/Neutron/Cinder/Glance, the renderer
// and the checks read it.

/** The seed's four kinds of existing resources. */
export type ExistingKind = 'external-network' | 'shared-network' | 'private-network' | 'router';
export const EXISTING_KINDS: readonly ExistingKind[] = ['external-network', 'shared-network', 'private-network', 'router'];

/** The read-only services the inventory comes from (main/cloud/service-client.ts). */
export type InventoryService = 'compute' | 'network' | 'volume' | 'image';

export interface ExistingSubnet {
  id: string;
  name: string;
  cidr: string;
  ipVersion: number;
}

export interface ExistingNetwork {
  id: string;
  name: string;
  kind: 'external-network' | 'shared-network' | 'private-network';
  status: string;
  projectId: string;
  subnets: ExistingSubnet[];
  /** Routers of the inventory with an interface on this network (its "parent" routers). */
  routerIds: string[];
}

export interface ExistingRouter {
  id: string;
  name: string;
  status: string;
  projectId: string;
  /** The network of its external_gateway_info (its "parent"), when it has one. */
  externalNetworkId: string | null;
}

export interface CloudFlavor {
  id: string;
  name: string;
  vcpus: number;
  ramMiB: number;
  diskGiB: number;
}

export interface CloudImage {
  id: string;
  name: string;
  status: string;
}

export interface CloudNamed {
  id: string;
  name: string;
}

export interface Inventory {
  /** The token's project: private networks and routers are the ones it owns. */
  projectId: string | null;
  networks: ExistingNetwork[];
  routers: ExistingRouter[];
  flavors: CloudFlavor[];
  images: CloudImage[];
  keyPairs: CloudNamed[];
  securityGroups: CloudNamed[];
  zones: { compute: string[]; volume: string[] };
  /**
   * Services this cloud does not offer (not in the catalog): their lists are
   * empty because they are unknown, not because nothing exists, so nothing
   * is reported missing from them.
   */
  unavailable: InventoryService[];
  /** Services that failed this read (also listed in `unavailable`): shown, never silently dropped. */
  errors: { service: InventoryService; code: string; message: string }[];
}

export function emptyInventory(projectId: string | null = null, unavailable: InventoryService[] = []): Inventory {
  return {
    projectId,
    networks: [],
    routers: [],
    flavors: [],
    images: [],
    keyPairs: [],
    securityGroups: [],
    zones: { compute: [], volume: [] },
    unavailable,
    errors: [],
  };
}

/** Neutron's network fields the classification reads. */
export interface NeutronNetworkFlags {
  shared?: unknown;
  'router:external'?: unknown;
  project_id?: unknown;
  tenant_id?: unknown;
}

/**
 * The seed's classes: external = `router:external`; shared = shared and not
 * external; private = the rest, when the project owns it. Anything else (an
 * admin token lists every project's networks) is not offered: null.
 */
export function classifyNetwork(n: NeutronNetworkFlags, projectId: string | null): ExistingNetwork['kind'] | null {
  if (n['router:external'] === true) return 'external-network';
  if (n.shared === true) return 'shared-network';
  const owner = typeof n.project_id === 'string' ? n.project_id : typeof n.tenant_id === 'string' ? n.tenant_id : null;
  return projectId !== null && owner === projectId ? 'private-network' : null;
}

/** One step of what a drag brings: the resource, its kind and the parent it hangs under on the canvas. */
export interface ChainLink {
  kind: ExistingKind;
  id: string;
  name: string;
  /** Cloud id of the parent link (null for the root). */
  parentId: string | null;
}

/**
 * The existing parents a drag brings along, root first, ending with the
 * dragged resource (the seed: "拖入已有资源—私有网络A ... 其上级资源外部网络A、
 * 路由器A也将一起自动被拖入进画布中"; a router brings its external network).
 * A private network with several routers hangs under the first one listed;
 * a parent the inventory does not hold (another project's router) is left
 * out, and the network is then a root.
 */
export function parentChain(inv: Inventory, kind: ExistingKind, id: string): ChainLink[] {
  if (kind === 'router') {
    const router = inv.routers.find((r) => r.id === id);
    if (!router) return [];
    const ext = router.externalNetworkId ? inv.networks.find((n) => n.id === router.externalNetworkId) : undefined;
    const self: ChainLink = { kind: 'router', id: router.id, name: router.name, parentId: ext ? ext.id : null };
    return ext ? [{ kind: ext.kind, id: ext.id, name: ext.name, parentId: null }, self] : [self];
  }
  const net = inv.networks.find((n) => n.id === id && n.kind === kind);
  if (!net) return [];
  if (net.kind !== 'private-network') return [{ kind: net.kind, id: net.id, name: net.name, parentId: null }];
  const routerId = net.routerIds.find((r) => inv.routers.some((x) => x.id === r));
  if (!routerId) return [{ kind: net.kind, id: net.id, name: net.name, parentId: null }];
  const above = parentChain(inv, 'router', routerId);
  return [...above, { kind: net.kind, id: net.id, name: net.name, parentId: routerId }];
}

/** Every existing resource of the inventory, as the palette lists it. */
export function existingOf(inv: Inventory, kind: ExistingKind): { id: string; name: string }[] {
  if (kind === 'router') return inv.routers.map((r) => ({ id: r.id, name: r.name }));
  return inv.networks.filter((n) => n.kind === kind).map((n) => ({ id: n.id, name: n.name }));
}

/** Whether the inventory still holds an existing resource of this kind (unknown -> true: never a false alarm). */
export function existsInCloud(inv: Inventory, kind: ExistingKind, id: string): boolean {
  if (inv.unavailable.includes('network')) return true;
  if (kind === 'router') return inv.routers.some((r) => r.id === id);
  return inv.networks.some((n) => n.id === id);
}
