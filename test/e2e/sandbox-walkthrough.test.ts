// The seed's "create a server from scratch" walkthrough (000, 4.1.1 step two
// and 5.2), for real, in Chromium against `npm run web` and the FULL test
// cloud, as a new user with no cloud account would do it: "Add local sandbox"
// on the clouds screen; a blank template; the external network `public`
// dragged from the palette's Existing tab; a router under it, a private
// network under the router, a server under the network, a key pair connected
// to the server, a floating IP and a volume dropped on the server. The quota
// panel counts the canvas. Save and deploy: the stack reaches CREATE_COMPLETE
// with every resource green on the live topology, and the quota panel's usage
// rises by what the stack holds. Deleting the stack leaves nothing behind:
// every object Heat recorded is asked for through Nova, Neutron and Cinder
// (the openstack CLI), and `public` is still there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { openstackCli, requireFullCloud, type FullTestCloud } from '../integration/cloud/test-cloud';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { canvasIds, connectByDrag, dragOnto, nodeAt, yamlText } from './support/canvas';
import { closeSession, openSession } from './support/session';

/** The openstack CLI command that shows each kind of real object a stack resource stands for. */
const SHOW: Record<string, string[]> = {
  'OS::Nova::Server': ['server', 'show'],
  'OS::Nova::KeyPair': ['keypair', 'show'],
  'OS::Cinder::Volume': ['volume', 'show'],
  'OS::Neutron::Net': ['network', 'show'],
  'OS::Neutron::Subnet': ['subnet', 'show'],
  'OS::Neutron::Router': ['router', 'show'],
  'OS::Neutron::Port': ['port', 'show'],
  'OS::Neutron::FloatingIP': ['floating', 'ip', 'show'],
};

/** Whether Nova/Neutron/Cinder still hold the object, asked through their real APIs. */
function stillExists(cloud: FullTestCloud, type: string, id: string): boolean {
  try {
    openstackCli(cloud, 'demo', [...SHOW[type]!, id, '-f', 'json']);
    return true;
  } catch {
    return false;
  }
}

const usedOf = (text: string | null) => Number(/^(\d+) used/.exec(text ?? '')?.[1] ?? NaN);

describe('the seed walkthrough on the local sandbox (full cloud)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-walkthrough-'));
  const stackName = `walkthrough-${Date.now().toString(36)}`;
  const publicKey = readFileSync(fileURLToPath(new URL('../cloud/full/templates/lab_key.pub', import.meta.url)), 'utf8').trim();
  let cloud: FullTestCloud;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let realObjects: Array<{ type: string; id: string }> = [];
  const usedBefore: Record<string, number> = {};

  const quotaNumbers = (kind: string) => page.locator(`[data-testid=quota-row][data-kind=${kind}]`).getByTestId('quota-numbers').textContent();

  beforeAll(async () => {
    cloud = requireFullCloud();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1440, height: 950 }, locale: 'en-US' }));
    await page.goto(host.url);
  }, 120_000);

  afterAll(async () => {
    await closeSession({ browser, host });
    // A failed run must not leave its stack in the shared cloud.
    if (cloud) {
      try {
        openstackCli(cloud, 'demo', ['stack', 'delete', '--yes', '--wait', stackName]);
      } catch {
        // deleted by the test (the normal case)
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 180_000);

  it('adds the local sandbox as the cloud profile, with one click', async () => {
    await page.getByTestId('nav-clouds').click();
    await page.getByTestId('add-local-sandbox').click();
    await page.getByTestId('profile-Local sandbox').waitFor();
    await expect(page.getByTestId('test-report').textContent({ timeout: 30_000 })).resolves.toContain('Connected.');
  });

  it('draws the topology by drag and drop: public from the Existing tab, router, private network, server, key pair, floating IP, volume', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('new-template').click();
    await page.getByTestId('create-name').fill(stackName);
    await page.getByTestId('create-submit').click();
    await page.getByTestId('editor').waitFor();

    await page.getByTestId('palette-tab-existing').click();
    await page.getByTestId(`existing-external-network-${cloud.publicNetwork}`).waitFor({ timeout: 30_000 });
    const pub = `param:existing_ext_${cloud.publicNetwork}`;
    await dragOnto(page, `existing-external-network-${cloud.publicNetwork}`, { dx: 220, dy: 100 });
    await nodeAt(page, pub);

    await page.getByTestId('palette-tab-system').click();
    await dragOnto(page, 'palette-router', pub);
    await nodeAt(page, 'router_1');
    await dragOnto(page, 'palette-private-network', 'router_1');
    await nodeAt(page, 'private_net_1');
    await dragOnto(page, 'palette-server', 'private_net_1');
    await nodeAt(page, 'server_1');
    await dragOnto(page, 'palette-key-pair', { dx: 60, dy: 60 });
    await nodeAt(page, 'key_pair_1');
    await connectByDrag(page, 'server_1', 'key_pair_1');
    await expect.poll(() => yamlText(page)).toContain('key_name: { get_resource: key_pair_1 }');
    await dragOnto(page, 'palette-floating-ip', 'server_1');
    await expect.poll(() => yamlText(page)).toContain('type: OS::Neutron::FloatingIPAssociation');
    await dragOnto(page, 'palette-volume', 'server_1');
    await expect.poll(() => yamlText(page)).toContain('type: OS::Cinder::VolumeAttachment');

    const text = await yamlText(page);
    expect(text).toContain(`default: ${cloud.publicNetworkId}`);
    expect(text).toContain(`network: { get_param: existing_ext_${cloud.publicNetwork} }`);
    expect(text).toContain(`floating_network: { get_param: existing_ext_${cloud.publicNetwork} }`);
    expect(await canvasIds(page)).toEqual(expect.arrayContaining([pub, 'router_1', 'private_net_1', 'server_1', 'key_pair_1', 'volume_1']));
    expect(await page.locator('.problem.error').count()).toBe(0);
    await page.getByTestId('fit').click();
    await screenshot(page, 'walkthrough-canvas');
  });

  it('the quota panel counts the canvas against what the project already uses', async () => {
    await expect.poll(() => page.getByTestId('quota-where').textContent(), { timeout: 30_000 }).toContain('checked');
    await page.getByTestId('quota-show-all').click();
    for (const kind of ['instances', 'volumes', 'floatingip', 'router', 'network']) {
      // The panel recounts the canvas debounced: the last drop may still be on its way.
      await expect.poll(() => quotaNumbers(kind), { timeout: 10_000, message: kind }).toMatch(/^\d+ used \+ 1 new = \d+ of (\d+|unlimited)/);
      usedBefore[kind] = usedOf(await quotaNumbers(kind));
    }
    await screenshot(page, 'walkthrough-quota-before');
  });

  it('saves and deploys it for real: CREATE_COMPLETE, every resource green on the live topology', async () => {
    await page.getByTestId('save').click();
    await page.getByTestId('save-deploy').check();
    await page.getByTestId('save-submit').click();
    await page.getByTestId('deploy-dialog').waitFor();
    await expect(page.getByTestId('deploy-name').inputValue()).resolves.toBe(stackName);
    await expect(page.getByTestId('deploy-sandbox').count()).resolves.toBe(0); // real resources, no placeholder environment
    await page.getByTestId('param-image').fill(cloud.image);
    await page.getByTestId('param-flavor').fill('m1.tiny');
    await page.getByTestId('param-key_pair_1_public_key').fill(publicKey);
    await page.getByTestId('deploy-preview-button').click();
    await page.getByTestId('deploy-preview').waitFor({ timeout: 60_000 });
    await screenshot(page, 'walkthrough-deploy-dialog');
    await page.getByTestId('deploy-create').click();
    await expect(page.getByTestId('stack-name').textContent()).resolves.toBe(stackName);
    await page.getByTestId('stack-tab-topology').click();
    try {
      await page.waitForFunction(() => document.querySelector('[data-testid=stack-status]')?.getAttribute('data-status') === 'CREATE_COMPLETE', null, {
        timeout: 150_000,
      });
    } catch (err) {
      await screenshot(page, 'walkthrough-timeout');
      throw err;
    }
    // Every resource of the live topology says CREATE_COMPLETE (the colour has its words beside it).
    const details = page.getByTestId('topology-inspector').locator('details');
    await expect.poll(() => details.textContent(), { timeout: 30_000 }).toContain('server_1: CREATE_COMPLETE');
    const text = (await details.textContent()) ?? '';
    for (const r of ['router_1', 'private_net_1', 'server_1', 'key_pair_1', 'volume_1']) expect(text).toContain(`${r}: CREATE_COMPLETE`);
    expect(text).not.toMatch(/FAILED|IN_PROGRESS/);
    await screenshot(page, 'walkthrough-live-topology');

    // The real objects behind it, as Heat recorded them, exist in Nova, Neutron and Cinder.
    const resources = JSON.parse(openstackCli(cloud, 'demo', ['stack', 'resource', 'list', stackName, '-f', 'json'])) as Array<{
      resource_type: string;
      physical_resource_id: string;
    }>;
    realObjects = resources.filter((r) => SHOW[r.resource_type]).map((r) => ({ type: r.resource_type, id: r.physical_resource_id }));
    expect(realObjects.map((o) => o.type).sort()).toEqual([
      'OS::Cinder::Volume',
      'OS::Neutron::FloatingIP',
      'OS::Neutron::Net',
      'OS::Neutron::Port',
      'OS::Neutron::Router',
      'OS::Neutron::Subnet',
      'OS::Nova::KeyPair',
      'OS::Nova::Server',
    ]);
    for (const o of realObjects) expect(stillExists(cloud, o.type, o.id), `${o.type} ${o.id}`).toBe(true);
  });

  it('the quota panel shows the usage risen by what the stack holds', async () => {
    await page.getByTestId('nav-editor').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('quota-refresh').click();
    for (const kind of ['instances', 'volumes', 'floatingip', 'router', 'network']) {
      await expect.poll(async () => usedOf(await quotaNumbers(kind)), { timeout: 30_000, message: kind }).toBe(usedBefore[kind]! + 1);
    }
    await screenshot(page, 'walkthrough-quota-after');
  });

  it('deleting the stack leaves nothing behind in Nova, Neutron and Cinder', async () => {
    await page.getByTestId('nav-stacks').click();
    await page.getByTestId(`stack-${stackName}`).click();
    await page.getByTestId('stack-delete').click();
    await page.getByTestId('confirm').click();
    await page.waitForFunction((n) => !document.querySelector(`[data-testid="stack-${n}"]`), stackName, { timeout: 120_000 });
    expect(realObjects.length).toBeGreaterThan(0);
    const left = realObjects.filter((o) => stillExists(cloud, o.type, o.id));
    expect(left).toEqual([]);
    // The existing external network the template only referenced is untouched.
    expect(stillExists(cloud, 'OS::Neutron::Net', cloud.publicNetworkId)).toBe(true);
  });
});
