// Existing resources on the FULL test cloud (SPEC 1.5, rule 7), through the
// studio's contract: the inventory as admin and as demo (a private network
// admin creates is never listed for demo), the last listing served stale when
// the cloud is unreachable, a template built with the canvas
// actions around demo's existing network deploys to CREATE_COMPLETE, and
// once that network is deleted "re-check against the cloud" says "needs
// editing" naming it and a deploy is refused with the same reason.
// Everything created here (stacks, networks, subnets, routers) is deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { parseTemplate } from '../../../shared/hot/template';
import { validateTemplate } from '../../../shared/hot/validate';
import { BLANK_TEMPLATE } from '../../../shared/library/recommended';
import { parentChain, type Inventory } from '../../../shared/existing/inventory';
import { drop } from '../../../shared/topology/actions';
import type { ActionResult } from '../../../shared/topology/actions';
import { dropExisting } from '../../../shared/topology/existing';
import { paletteItem } from '../../../shared/topology/palette';
import { applyTopologyEdits } from '../../../shared/topology/text-edits';
import type { HotTemplate } from '../../../shared/hot/template';
import { openstackCli, passwordProfile, requireFullCloud, uniqueName, type FullTestCloud } from '../cloud/test-cloud';
import { gone, settle } from '../cloud/templates';
import { useStudioOnCloud } from '../support/studio';

const studio = useStudioOnCloud('existing-demo-sandbox');
let cloud: FullTestCloud;
/** Real (not sandbox) profiles: the resources must be the cloud's own. */
let demo = '';
let admin = '';
/** Clean-up in reverse order of creation: [who, openstack CLI args]. */
const cleanup: Array<['admin' | 'demo', string[]]> = [];

const cli = (who: 'admin' | 'demo', args: string[]) => openstackCli(cloud, who, args);
function createJson(who: 'admin' | 'demo', args: string[]): { id: string; name: string } {
  return JSON.parse(cli(who, [...args, '-f', 'json'])) as { id: string; name: string };
}
function ok(r: ActionResult): HotTemplate {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.template;
}
async function inventory(profileId: string): Promise<Inventory> {
  const r = await studio.call('existing.inventory', { profileId });
  expect(r.stale).toBe(false);
  return r.value;
}

beforeAll(() => {
  cloud = requireFullCloud();
  demo = studio.services.profiles.create(passwordProfile(cloud, 'demo', { name: 'existing-demo', sandbox: false }), cloud.users.demo.password).id;
  admin = studio.services.profiles.create(passwordProfile(cloud, 'admin', { name: 'existing-admin', sandbox: false }), cloud.users.admin.password).id;
});

afterAll(() => {
  for (const [who, args] of cleanup.reverse()) {
    try {
      cli(who, args);
    } catch {
      // already gone (the test deleted it itself)
    }
  }
});

describe('the inventory, per project', () => {
  let adminNet = { id: '', name: '' };

  it('lists the shared external network public, the flavors, the image and the zones for demo', async () => {
    const inv = await inventory(demo);
    expect(inv.projectId).toBe(cloud.users.demo.projectId);
    expect(inv.networks.filter((n) => n.kind === 'external-network').map((n) => [n.name, n.id])).toContainEqual([cloud.publicNetwork, cloud.publicNetworkId]);
    expect(inv.flavors.map((f) => f.name)).toEqual(expect.arrayContaining(['m1.tiny', 'm1.small']));
    expect(inv.images.map((i) => [i.name, i.status])).toContainEqual([cloud.image, 'active']);
    expect(inv.zones.compute).toContain('nova');
    expect(inv.securityGroups.map((g) => g.name)).toContain('default');
    expect(inv.unavailable).toEqual([]);
  });

  it("lists a private network admin creates for admin only: demo never sees admin's private networks", async () => {
    adminNet = createJson('admin', ['network', 'create', uniqueName('hs-admin-private')]);
    cleanup.push(['admin', ['network', 'delete', adminNet.id]]);
    const forAdmin = await inventory(admin);
    expect(forAdmin.networks.find((n) => n.id === adminNet.id)).toMatchObject({ kind: 'private-network', name: adminNet.name });
    const forDemo = await inventory(demo);
    expect(forDemo.networks.map((n) => n.id)).not.toContain(adminNet.id);
    expect(JSON.stringify(forDemo)).not.toContain(adminNet.name);
    // Admin's token lists demo's networks too; the inventory keeps only admin's own private ones.
    expect(forAdmin.networks.filter((n) => n.kind === 'private-network').every((n) => n.projectId === cloud.users.admin.projectId)).toBe(true);
  });
});

describe('offline', () => {
  it('serves the last listing, marked stale with when it was read and why, when the cloud cannot be reached', async () => {
    const fields = passwordProfile(cloud, 'demo', { name: 'existing-offline', sandbox: false });
    const p = studio.services.profiles.create(fields, cloud.users.demo.password);
    const first = await studio.call('existing.inventory', { profileId: p.id });
    expect(first.stale).toBe(false);
    // A loopback port nobody listens on: connection refused.
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server.close(() => r()));
    // Another auth URL needs its secret typed again (a stored one stays with its Keystone).
    studio.services.profiles.update(p.id, { ...fields, authUrl: `http://127.0.0.1:${port}/v3` }, 'typed-for-the-closed-port');
    const second = await studio.call('existing.inventory', { profileId: p.id });
    expect(second).toMatchObject({ stale: true, fetchedAt: first.fetchedAt, error: { code: 'CLOUD_UNREACHABLE' } });
    expect(second.value).toEqual(first.value);
  });
});

describe('a template around an existing network, deployed, then the network deleted (rule 7)', () => {
  const name = uniqueName('hs-existing');
  let net = { id: '', name: '' };
  let subnet = { id: '', name: '' };
  let router = { id: '', name: '' };
  let templateId = '';

  it("lists demo's own network behind its router on public, with the subnet", async () => {
    net = createJson('demo', ['network', 'create', `${name}-net`]);
    cleanup.push(['demo', ['network', 'delete', net.id]]);
    subnet = createJson('demo', ['subnet', 'create', '--network', net.id, '--subnet-range', '10.77.0.0/24', `${name}-subnet`]);
    cleanup.push(['demo', ['subnet', 'delete', subnet.id]]);
    router = createJson('demo', ['router', 'create', `${name}-router`]);
    cleanup.push(['demo', ['router', 'delete', router.id]]);
    cli('demo', ['router', 'set', '--external-gateway', cloud.publicNetworkId, router.id]);
    cli('demo', ['router', 'add', 'subnet', router.id, subnet.id]);
    cleanup.push(['demo', ['router', 'remove', 'subnet', router.id, subnet.id]]);
    const inv = await inventory(demo);
    expect(inv.networks.find((n) => n.id === net.id)).toMatchObject({
      kind: 'private-network',
      routerIds: [router.id],
      subnets: [expect.objectContaining({ id: subnet.id, cidr: '10.77.0.0/24' })],
    });
    expect(inv.routers.find((r) => r.id === router.id)).toMatchObject({ externalNetworkId: cloud.publicNetworkId });
    expect(parentChain(inv, 'private-network', net.id).map((l) => l.id)).toEqual([cloud.publicNetworkId, router.id, net.id]);
  });

  it('builds the template with the canvas actions, saves it, and the re-check against the cloud finds it usable', async () => {
    const inv = await inventory(demo);
    let t = ok(dropExisting(parseTemplate(BLANK_TEMPLATE), parentChain(inv, 'private-network', net.id)));
    const netParam = `param:existing_net_${net.name.replace(/[^A-Za-z0-9_]+/g, '_')}`;
    t = ok(drop(t, paletteItem('server')!, netParam));
    // No key pair: the server needs none on the fake driver, and a key pair's public key is beside the point here.
    t = applyTopologyEdits(t, [
      { op: 'put', path: ['parameters', 'image', 'default'], value: cloud.image },
      { op: 'put', path: ['parameters', 'flavor', 'default'], value: 'm1.tiny' },
      { op: 'unsetProperty', resource: 'server_1', path: ['key_name'] },
      { op: 'unset', path: ['parameters', 'key_name'] },
    ]);
    expect(validateTemplate(t).filter((d) => d.severity === 'error')).toEqual([]);
    expect(t.text).toContain(`network: { get_param: ${netParam.slice('param:'.length)} }`);
    const created = await studio.call('library.create', { name, description: '', tags: [], from: { kind: 'yaml', yaml: t.text, layout: {} } });
    templateId = created.id;
    expect(created.status).toBe('usable');
    const r = await studio.call('sync.recheck', { templateId, profileId: demo });
    expect(r).toMatchObject({ status: 'usable', checkedWithCloud: true, cloudError: null });
  });

  it('deploys as demo to CREATE_COMPLETE with the server on the existing network, then deletes it', async () => {
    const result = await studio.call('deploy.create', { profileId: demo, stackName: name, source: { kind: 'library', templateId, version: 1 }, options: {} });
    const heat = studio.services.profiles.connection(demo).heat;
    const done = await settle(heat, result.stack, 240_000);
    expect(done.stack_status, done.stack_status_reason ?? '').toBe('CREATE_COMPLETE');
    const ports = JSON.parse(cli('demo', ['port', 'list', '--network', net.id, '--device-owner', 'compute:nova', '-f', 'json'])) as unknown[];
    expect(ports.length).toBeGreaterThanOrEqual(1);
    await heat.delete(result.stack);
    expect(await gone(heat, result.stack, 240_000)).toMatch(/DELETE_COMPLETE|NOT_FOUND/);
  });

  it('once the network is deleted, the re-check says "needs editing" naming it, and a deploy is refused with the same reason', async () => {
    cli('demo', ['router', 'remove', 'subnet', router.id, subnet.id]);
    cli('demo', ['network', 'delete', net.id]);
    const r = await studio.call('sync.recheck', { templateId, profileId: demo });
    expect(r.status).toBe('needs_editing');
    expect(r.reason).toBe(
      `The existing private network "${net.name}" (${net.id}) no longer exists in the cloud (parameter existing_net_${net.name.replace(/[^A-Za-z0-9_]+/g, '_')}).`,
    );
    const details = await studio.call('library.get', { id: templateId });
    expect(details).toMatchObject({ status: 'needs_editing', statusReason: r.reason });
    const stackName = `${name}-again`;
    await expect(
      studio.call('deploy.create', { profileId: demo, stackName, source: { kind: 'library', templateId, version: 1 }, options: {} }),
    ).rejects.toMatchObject({
      code: 'NEEDS_EDITING',
      message: `Refused: the template needs editing. It can only be edited, not deployed, until its checks pass. ${r.reason}`,
    });
    const stacks = await studio.services.cloud.listStacks(demo, { name: stackName });
    expect(stacks.value).toEqual([]);
  });
});
