// The FULL test cloud through our own client: the catalog offers Nova,
// Neutron, Cinder and Glance in RegionOne only (RegionTwo stays Heat-only),
// and the classic topology (nets, router, SG, port, floating IP, key pair, two
// servers, a volume attached) deploys for real through HeatClient as demo and
// as admin, then deletes leaving no server, port or volume behind, checked
// through the Nova/Neutron/Cinder APIs themselves. Fails (never skips) on the
// Heat-only cloud: `npm run cloud:up -- --full`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackRef } from '../../../shared/cloud/heat-types';
import type { Connection } from '../../../main/cloud/connection';
import { SERVICE_TYPES, type ServiceKind } from '../../../main/cloud/service-client';
import { classicTemplate, connect, openstackCli, requireFullCloud, uniqueName, type FullTestCloud } from './test-cloud';
import { gone, settle } from './templates';

const KINDS = Object.keys(SERVICE_TYPES) as ServiceKind[];
let cloud: FullTestCloud;
const open: Connection[] = [];
const leftovers: { conn: Connection; ref: StackRef }[] = [];

function conn(who: 'admin' | 'demo', region = 'RegionOne'): Connection {
  const c = connect(cloud, who, { region, sandbox: false });
  open.push(c);
  return c;
}

beforeAll(() => {
  cloud = requireFullCloud();
});
afterAll(async () => {
  for (const { conn: c, ref } of leftovers) await c.heat.delete(ref).catch(() => undefined);
  for (const c of open) c.dispose();
});

describe('catalog', () => {
  it('offers compute, network, volume and image in RegionOne, at the endpoints cloud-up.sh recorded', async () => {
    const demo = conn('demo');
    const pid = cloud.users.demo.projectId;
    expect(await demo.service('compute').endpoint()).toBe(cloud.endpoints.compute);
    expect(await demo.service('network').endpoint()).toBe(`${cloud.endpoints.network}/v2.0`);
    expect(await demo.service('volume').endpoint()).toBe(cloud.endpoints.volume.replace('%(project_id)s', pid));
    expect(await demo.service('image').endpoint()).toBe(`${cloud.endpoints.image}/v2`);
    for (const kind of KINDS) expect(await demo.service(kind).available()).toBe(true);
  });

  it('offers none of them in RegionTwo, which stays Heat-only', async () => {
    const r2 = conn('demo', 'RegionTwo');
    for (const kind of KINDS) expect(await r2.service(kind).available(), kind).toBe(false);
    expect(Array.isArray((await r2.heat.list()).stacks)).toBe(true);
  });

  it('answers real reads: flavors, the shared external network, the tiny image', async () => {
    const demo = conn('demo');
    const flavors = await demo.service('compute').get<{ flavors: { name: string }[] }>('/flavors');
    expect(flavors.body?.flavors.map((f) => f.name).sort()).toEqual(['m1.small', 'm1.tiny']);
    const nets = await demo
      .service('network')
      .get<{ networks: { id: string; 'router:external': boolean }[] }>('/networks', { query: { name: cloud.publicNetwork } });
    expect(nets.body?.networks).toEqual([expect.objectContaining({ id: cloud.publicNetworkId, 'router:external': true })]);
    const images = await demo.service('image').get<{ images: { status: string }[] }>('/images', { query: { name: cloud.image } });
    expect(images.body?.images.map((i) => i.status)).toEqual(['active']);
  });
});

interface Physical {
  servers: string[];
  ports: string[];
  volumes: string[];
  network: string;
}

/** The real objects behind the stack's resources, as Heat names them. */
async function physical(c: Connection, ref: StackRef): Promise<Physical> {
  const resources = await c.heat.resources(ref);
  const idOf = (id: string | null | undefined): string => {
    if (!id) throw new Error(`a resource of ${ref.name} has no physical id`);
    return id;
  };
  const ids = (type: string) => resources.filter((r) => r.resource_type === type).map((r) => idOf(r.physical_resource_id));
  const network = idOf(resources.find((r) => r.resource_name === 'priv_net')?.physical_resource_id);
  return { servers: ids('OS::Nova::Server'), ports: ids('OS::Neutron::Port'), volumes: ids('OS::Cinder::Volume'), network };
}

async function status(c: Connection, kind: ServiceKind, path: string): Promise<number> {
  return (await c.service(kind).get(path, { accept: [404] })).status;
}

describe.each(['demo', 'admin'] as const)('classic topology as %s', (who) => {
  let c: Connection;
  let ref: StackRef;
  let objects: Physical;

  beforeAll(async () => {
    c = conn(who);
    ref = await c.heat.create({ stack_name: uniqueName(`classic-${who}`), template: classicTemplate(who), timeout_mins: 10 });
    leftovers.push({ conn: c, ref });
  });

  it('reaches CREATE_COMPLETE with real servers ACTIVE, the port ACTIVE and the volume in-use', async () => {
    const stack = await settle(c.heat, ref, 240_000);
    expect(stack.stack_status, stack.stack_status_reason ?? '').toBe('CREATE_COMPLETE');
    objects = await physical(c, ref);
    expect(objects.servers).toHaveLength(2);
    for (const id of objects.servers) {
      const s = await c.service('compute').get<{ server: { status: string; 'OS-EXT-AZ:availability_zone'?: string } }>(`/servers/${id}`);
      expect(s.body?.server.status).toBe('ACTIVE');
    }
    const port = await c.service('network').get<{ port: { status: string; 'binding:vif_type'?: string } }>(`/ports/${objects.ports[0]}`);
    expect(port.body?.port.status).toBe('ACTIVE');
    const vol = await c.service('volume').get<{ volume: { status: string; attachments: { server_id: string }[] } }>(`/volumes/${objects.volumes[0]}`);
    expect(vol.body?.volume.status).toBe('in-use');
    expect(objects.servers).toContain(vol.body?.volume.attachments[0]?.server_id);
  }, 300_000);

  it('agrees with the openstack CLI on the servers', () => {
    const names = openstackCli(cloud, who, ['server', 'list', '-f', 'value', '-c', 'ID']).split('\n').filter(Boolean);
    for (const id of objects.servers) expect(names).toContain(id);
  });

  it('deletes to nothing: no server, port or volume is left behind', async () => {
    await c.heat.delete(ref);
    expect(await gone(c.heat, ref, 180_000)).toMatch(/DELETE_COMPLETE|NOT_FOUND/);
    for (const id of objects.servers) expect(await status(c, 'compute', `/servers/${id}`)).toBe(404);
    for (const id of objects.volumes) expect(await status(c, 'volume', `/volumes/${id}`)).toBe(404);
    for (const id of objects.ports) expect(await status(c, 'network', `/ports/${id}`)).toBe(404);
    const onNet = await c.service('network').get<{ ports: unknown[] }>('/ports', { query: { network_id: objects.network } });
    expect(onNet.body?.ports).toEqual([]);
  }, 240_000);
});
