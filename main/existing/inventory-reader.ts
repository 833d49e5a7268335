// Reads the inventory of one profile's project from the cloud, through the
// read-only service clients (main/cloud/service-client.ts): Neutron for
// networks, subnets, routers, router interfaces and security groups; Nova for
// flavors (main/cloud/nova-flavors.ts), key pairs and availability zones;
// Cinder for volume zones; Glance for images. Tenant isolation comes from the
// APIs (a token lists what its project may see); on top of that, private
// networks, routers and security groups are kept only when the token's
// project owns them, because an admin token lists every project's.
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import { classifyNetwork, emptyInventory } from '../../shared/existing/inventory';
import type { CloudImage, ExistingNetwork, ExistingRouter, Inventory, InventoryService } from '../../shared/existing/inventory';
import type { Connection } from '../cloud/connection';
import { listFlavors } from '../cloud/nova-flavors';
import type { ServiceClient } from '../cloud/service-client';

/** Errors that mean "the cloud is not there right now": the whole read fails and the cache is served. */
export const OFFLINE_CODES: ReadonlySet<string> = new Set(['CLOUD_UNREACHABLE', 'TIMEOUT', 'SERVICE_UNAVAILABLE']);

/** Neutron's owners of router interface ports (plain, DVR and HA routers). */
const ROUTER_INTERFACE_OWNERS = ['network:router_interface', 'network:router_interface_distributed', 'network:ha_router_replicated_interface'];
/** A safety stop for Glance's paging. */
const MAX_IMAGE_PAGES = 50;

type Json = Record<string, unknown>;

export async function readInventory(connection: Pick<Connection, 'service' | 'session'>): Promise<Inventory> {
  const token = await connection.session.token();
  const inv = emptyInventory(token.project?.id ?? null);
  const part = async (service: InventoryService, read: (client: ServiceClient) => Promise<void>): Promise<void> => {
    const client = connection.service(service);
    try {
      if (!(await client.available())) {
        inv.unavailable.push(service);
        return;
      }
      await read(client);
    } catch (err) {
      const e = err instanceof AppError ? err : new AppError('INTERNAL', String(err));
      if (OFFLINE_CODES.has(e.code)) throw e;
      // One service failing (a 403, a broken answer) leaves the others usable; it is reported, and nothing is judged missing from it.
      inv.unavailable.push(service);
      inv.errors.push({ service, code: e.code, message: e.message });
    }
  };
  await Promise.all([
    part('network', (c) => readNetwork(c, inv)),
    part('compute', (c) => readCompute(c, connection, inv)),
    part('volume', async (c) => {
      inv.zones.volume = zoneNames(await list(c, '/os-availability-zone', 'availabilityZoneInfo'));
    }),
    part('image', async (c) => {
      inv.images = await readImages(c);
    }),
  ]);
  return inv;
}

async function list(c: ServiceClient, path: string, key: string, query?: Record<string, string | string[]>): Promise<Json[]> {
  const { body } = await c.get<Json>(path, query ? { query } : {});
  const items = body?.[key];
  if (!Array.isArray(items))
    throw new AppError('BAD_RESPONSE', msg('cloud.answerWithoutList', { service: c.serviceName, request: `GET ${path}`, key }), {
      service: c.serviceName,
      path,
    });
  return items.filter((x): x is Json => !!x && typeof x === 'object');
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const byName = <T extends { name: string }>(a: T, b: T): number => a.name.localeCompare(b.name);

async function readNetwork(c: ServiceClient, inv: Inventory): Promise<void> {
  const project = inv.projectId;
  const [networks, subnets, routers, ports, groups] = await Promise.all([
    list(c, '/networks', 'networks'),
    list(c, '/subnets', 'subnets'),
    list(c, '/routers', 'routers'),
    list(c, '/ports', 'ports', { device_owner: ROUTER_INTERFACE_OWNERS, fields: ['device_id', 'network_id'] }),
    list(c, '/security-groups', 'security_groups', project ? { project_id: project } : undefined),
  ]);
  const owned = (x: Json) => project !== null && (str(x.project_id) || str(x.tenant_id)) === project;
  inv.routers = routers
    .filter(owned)
    .map((r): ExistingRouter => {
      const gw = r.external_gateway_info as Json | null | undefined;
      return {
        id: str(r.id),
        name: str(r.name) || str(r.id),
        status: str(r.status),
        projectId: str(r.project_id) || str(r.tenant_id),
        externalNetworkId: gw && typeof gw.network_id === 'string' ? gw.network_id : null,
      };
    })
    .sort(byName);
  const routerIds = new Set(inv.routers.map((r) => r.id));
  const routersOf = new Map<string, string[]>();
  for (const p of ports) {
    const router = str(p.device_id);
    const net = str(p.network_id);
    if (!routerIds.has(router)) continue;
    const list = routersOf.get(net) ?? [];
    if (!list.includes(router)) list.push(router);
    routersOf.set(net, list);
  }
  const subnetsOf = new Map<string, ExistingNetwork['subnets']>();
  for (const s of subnets) {
    const net = str(s.network_id);
    subnetsOf.set(net, [
      ...(subnetsOf.get(net) ?? []),
      { id: str(s.id), name: str(s.name), cidr: str(s.cidr), ipVersion: typeof s.ip_version === 'number' ? s.ip_version : 4 },
    ]);
  }
  inv.networks = networks
    .flatMap((n): ExistingNetwork[] => {
      const kind = classifyNetwork(n, project);
      if (!kind) return [];
      const id = str(n.id);
      return [
        {
          id,
          name: str(n.name) || id,
          kind,
          status: str(n.status),
          projectId: str(n.project_id) || str(n.tenant_id),
          subnets: subnetsOf.get(id) ?? [],
          routerIds: routersOf.get(id) ?? [],
        },
      ];
    })
    .sort(byName);
  inv.securityGroups = groups
    .filter(owned)
    .map((g) => ({ id: str(g.id), name: str(g.name) || str(g.id) }))
    .sort(byName);
}

async function readCompute(c: ServiceClient, connection: Pick<Connection, 'service'>, inv: Inventory): Promise<void> {
  const [flavors, keypairs, zones] = await Promise.all([
    listFlavors(connection),
    list(c, '/os-keypairs', 'keypairs'),
    list(c, '/os-availability-zone', 'availabilityZoneInfo'),
  ]);
  inv.flavors = flavors.filter((f) => !f.disabled).map((f) => ({ id: f.id, name: f.name, vcpus: f.vcpus, ramMiB: f.ramMiB, diskGiB: f.diskGiB }));
  inv.keyPairs = keypairs
    .map((k) => str((k.keypair as Json | undefined)?.name))
    .filter(Boolean)
    .map((name) => ({ id: name, name }))
    .sort(byName);
  inv.zones.compute = zoneNames(zones);
}

/** Nova's and Cinder's `availabilityZoneInfo`: the zones that are available now. */
function zoneNames(zones: Json[]): string[] {
  return zones
    .filter((z) => (z.zoneState as Json | undefined)?.available === true)
    .map((z) => str(z.zoneName))
    .filter(Boolean)
    .sort();
}

/** Glance v2 pages by a `next` link carrying a marker. */
async function readImages(c: ServiceClient): Promise<CloudImage[]> {
  const out: CloudImage[] = [];
  let marker: string | null = null;
  for (let page = 0; page < MAX_IMAGE_PAGES; page++) {
    const { body }: { body: Json | null } = await c.get<Json>('/images', { query: marker ? { limit: 500, marker } : { limit: 500 } });
    const images = body?.images;
    if (!Array.isArray(images))
      throw new AppError('BAD_RESPONSE', msg('cloud.answerWithoutList', { service: 'Glance', request: 'GET /images', key: 'images' }), { service: 'Glance' });
    for (const i of images as Json[]) out.push({ id: str(i.id), name: str(i.name) || str(i.id), status: str(i.status) });
    const next: string | null = typeof body?.next === 'string' ? body.next : null;
    const found: RegExpExecArray | null = next ? /[?&]marker=([^&#]+)/.exec(next) : null;
    const nextMarker: string | null = found ? decodeURIComponent(found[1] as string) : null;
    if (!nextMarker || images.length === 0) break;
    marker = nextMarker;
  }
  return out.sort(byName);
}
