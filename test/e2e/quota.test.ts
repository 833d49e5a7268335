// The quota panel in Chromium against `npm run web` and the FULL test cloud,
// as the demo project: with the demo instance quota set to 1 (as admin, the
// openstack CLI), two servers drawn on the canvas turn the panel red with the
// words "over quota" and instances n/1; saving is allowed (the library status
// says why it needs editing); the deploy dialog and the app export are
// blocked naming instances n/1; updating a deployed one-server stack to a
// version with two is blocked from its preview naming instances n/limit, the
// stack untouched.
// The quota is restored afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { connect, openstackCli, passwordProfile, requireFullCloud, type FullTestCloud } from '../integration/cloud/test-cloud';
import { gone, settle } from '../integration/cloud/templates';
import { HeatClient } from '../../main/cloud/heat-client';
import type { StackRef } from '../../shared/cloud/heat-types';
import { launchChromium, screenshot } from './support/browser';
import { invokeOn, startWebHost, type RunningHost } from './support/web-host';
import { dragOnto, nodeAt } from './support/canvas';

/** Servers (m1.tiny, the lab's image) on a private network of their own: the fake OVS agent binds no port on the external one. */
const serversOnOwnNet = (image: string, names: string[]): string =>
  [
    'heat_template_version: 2018-08-31',
    'resources:',
    '  net: {type: OS::Neutron::Net}',
    '  subnet: {type: OS::Neutron::Subnet, properties: {network: {get_resource: net}, cidr: 10.30.0.0/24}}',
    ...names.map(
      (n) => `  ${n}: {type: OS::Nova::Server, depends_on: subnet, properties: {image: ${image}, flavor: m1.tiny, networks: [{network: {get_resource: net}}]}}`,
    ),
    '',
  ].join('\n');

const row = (page: Page, kind: string) => page.locator(`[data-testid=quota-row][data-kind=${kind}]`);

describe('the quota panel over quota (full cloud, project demo)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-quota-'));
  let cloud: FullTestCloud;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let originalInstances: number;
  let used: number;
  /** 1, as the issue asks; Nova refuses a limit under the usage, so the usage when others left servers in demo. */
  let limit: number;
  let profileId: string;
  /** Deployed with one server before the quota is lowered, then updated (refused) to two. */
  const growingStack = `e2e-quota-growing-${Date.now().toString(36)}`;
  let growingRef: StackRef | undefined;
  const demoHeat = (): HeatClient => {
    const conn = connect(cloud, 'demo');
    return new HeatClient(conn.http, conn.session, { region: 'RegionOne', interface: 'public', endpointOverride: null });
  };
  /** The drawn servers ask for a key pair (nova.keypair constraint): one of demo's own, for Heat's preview. */
  const keyName = `e2e-quota-${Date.now().toString(36)}`;

  beforeAll(async () => {
    cloud = requireFullCloud();
    const quota = JSON.parse(openstackCli(cloud, 'admin', ['quota', 'show', '-f', 'json', cloud.users.demo.projectId])) as Record<string, number>;
    originalInstances = quota.instances!;
    openstackCli(cloud, 'demo', ['keypair', 'create', '--public-key', fileURLToPath(new URL('../cloud/full/templates/lab_key.pub', import.meta.url)), keyName]);
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    profileId = seed.profiles.create(passwordProfile(cloud, 'demo', { name: 'e2e-full-demo', sandbox: false }), cloud.users.demo.password).id;
    seed.library.create({ name: 'two servers', description: '', tags: [], from: { kind: 'yaml', yaml: 'heat_template_version: 2018-08-31\nresources: {}\n' } });
    const growing = seed.library.create({
      name: 'one server, then two',
      description: '',
      tags: [],
      from: { kind: 'yaml', yaml: serversOnOwnNet(cloud.image, ['a']) },
    });
    seed.library.saveVersion({
      id: growing.id,
      yaml: serversOnOwnNet(cloud.image, ['a', 'b']),
      layout: {},
      files: {},
      environment: null,
      note: 'a second server',
    });
    seed.dispose();
    host = await startWebHost(dataDir);
    // A stack with one server, deployed from version 1 before the quota is lowered: updating it to version 2 adds one.
    const deployed = await invokeOn<{ stack: StackRef }>(host, 'deploy.create', {
      profileId,
      stackName: growingStack,
      source: { kind: 'library', templateId: growing.id, version: 1 },
      options: {},
    });
    growingRef = deployed.stack;
    expect((await settle(demoHeat(), growingRef, 240_000)).stack_status).toBe('CREATE_COMPLETE');
    for (let attempt = 0; ; attempt++) {
      const limits = JSON.parse(openstackCli(cloud, 'demo', ['limits', 'show', '--absolute', '-f', 'json'])) as Array<{ Name: string; Value: number }>;
      used = limits.find((l) => l.Name === 'totalInstancesUsed')!.Value;
      limit = Math.max(1, used);
      try {
        openstackCli(cloud, 'admin', ['quota', 'set', '--instances', String(limit), cloud.users.demo.projectId]);
        break;
      } catch (err) {
        if (attempt >= 4) throw err; // the usage moved between the read and the set
      }
    }
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 950 }, locale: 'en-US' });
    await page.goto(host.url);
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (growingRef) {
      await demoHeat().delete(growingRef);
      await gone(demoHeat(), growingRef, 240_000);
    }
    if (cloud && originalInstances !== undefined)
      openstackCli(cloud, 'admin', ['quota', 'set', '--instances', String(originalInstances), cloud.users.demo.projectId]);
    if (cloud) openstackCli(cloud, 'demo', ['keypair', 'delete', keyName]);
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('two servers on the canvas: the panel shows instances over quota in red and in words', async () => {
    await page.getByText('two servers').first().click();
    await page.getByTestId('edit').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('quota-panel').waitFor();
    // The demo project's quota, read through our reader.
    await expect.poll(() => page.getByTestId('quota-where').textContent(), { timeout: 30_000 }).toContain('checked');
    await dragOnto(page, 'palette-server', { dx: 60, dy: 60 });
    await nodeAt(page, 'server_1');
    await dragOnto(page, 'palette-server', 'private_net_1');
    await nodeAt(page, 'server_2');
    const instances = row(page, 'instances');
    // Wait for the numbers, not the state: with instances already in use the
    // first server alone is over quota, and the panel recounts after a debounce.
    await expect.poll(() => instances.getByTestId('quota-numbers').textContent(), { timeout: 10_000 }).toBe(`${used} used + 2 new = ${used + 2} of ${limit}`);
    await expect(instances.getAttribute('data-state')).resolves.toBe('over');
    await expect(instances.getByTestId('quota-state').textContent()).resolves.toContain('over quota');
    await expect(page.getByTestId('quota-summary').textContent()).resolves.toContain(`Over quota: Instances ${used + 2}/${limit}`);
    // The bar is red; the other kinds the servers use are within quota.
    const barColour = await instances.locator('.quota-bar .canvas').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(barColour).toBe('rgb(200, 38, 26)');
    await expect(row(page, 'cores').getAttribute('data-state')).resolves.toBe('ok');
    await expect(row(page, 'port').getAttribute('data-state')).resolves.toBe('ok');
    await page.getByTestId('fit').click();
    await screenshot(page, 'quota-panel-over');
  });

  it('saving is allowed; the version is saved as needing editing, with the quota as the reason', async () => {
    await page.getByTestId('save').click();
    await page.getByTestId('save-submit').click();
    await page.getByText(new RegExp(`Saved version 2: Needs editing\\. Over quota in RegionOne .*instances ${used + 2}/${limit}`)).waitFor();
  });

  it('save and deploy: the deploy dialog names instances n/1 and Create stays disabled', async () => {
    await page.getByTestId('save').click();
    await page.getByTestId('save-deploy').check();
    await page.getByTestId('save-submit').click();
    await page.getByTestId('deploy-dialog').waitFor();
    await page.getByTestId('param-image').fill(cloud.image);
    await page.getByTestId('param-key_name').fill(keyName);
    await page.getByTestId('deploy-preview-button').click();
    const blocked = page.getByTestId('deploy-quota');
    await blocked.waitFor({ timeout: 60_000 });
    await expect(blocked.textContent()).resolves.toContain(`Over quota: Instances ${used + 2}/${limit}`);
    await expect(blocked.textContent()).resolves.toContain('Deploying is blocked');
    await page.getByTestId('deploy-preview').waitFor();
    await expect(page.getByTestId('deploy-create').isDisabled()).resolves.toBe(true);
    await blocked.scrollIntoViewIfNeeded();
    await screenshot(page, 'quota-deploy-blocked');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('deploy-dialog').count()).toBe(0);
  });

  it('save and export as an app: the export is blocked naming instances n/1', async () => {
    await page.getByTestId('nav-editor').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('save').click();
    await page.getByTestId('save-app').check();
    await page.getByTestId('save-submit').click();
    const problems = page.getByTestId('app-export').getByTestId('app-problems');
    await problems.waitFor({ timeout: 60_000 });
    const codes = await problems.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-code')));
    expect(codes).toContain('APP_OVER_QUOTA');
    await expect(problems.textContent()).resolves.toContain(`instances ${used + 2}/${limit}`);
    await expect(page.getByTestId('app-export-submit').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'quota-app-export-blocked');
  });

  it('an update that adds a server is blocked at the limit from its preview, naming instances n/limit; the stack is untouched', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-stacks').click();
    await page.getByTestId(`stack-${growingStack}`).click();
    await expect.poll(() => page.getByTestId('stack-name').textContent()).toBe(growingStack);
    await page.getByTestId('stack-update').click();
    const ready = page.locator('[data-testid=update-dialog]:not([data-loading])');
    await ready.waitFor();
    await page.getByTestId('update-version').selectOption('2');
    await ready.waitFor();
    await page.getByTestId('update-preview').click();
    await page.getByTestId('change-preview').waitFor({ timeout: 60_000 });
    // The verdict comes with Heat's preview, and Apply stays blocked (main refuses it too: test/integration/quota).
    const refused = page.getByTestId('update-quota');
    await refused.waitFor({ timeout: 60_000 });
    await expect(refused.textContent()).resolves.toContain(`Over quota: Instances ${used + 1}/${limit} (used + what the update adds`);
    await expect(refused.textContent()).resolves.toContain('Updating is blocked; the stack stays as it is.');
    expect(await page.getByTestId('update-apply').isDisabled()).toBe(true);
    await refused.scrollIntoViewIfNeeded();
    await screenshot(page, 'quota-update-blocked');
    expect((await demoHeat().show(growingRef!)).stack_status).toBe('CREATE_COMPLETE');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('update-dialog').count()).toBe(0);
    await page.getByTestId('nav-editor').click();
    await page.getByTestId('editor').waitFor();
  });

  it('offline (Keystone unreachable): the last known quota, marked stale with its time; still over', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('app-export').count()).toBe(0);
    // The profile pointed at a closed loopback port: the cloud "went away", the cache key (profile, project, region) is the same.
    await page.evaluate(async () => {
      const post = (channel: string, body: unknown) =>
        fetch(`/api/invoke/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
      const list = (await post('cloud.profiles.list', {})) as { value: Array<{ id: string; name: string } & Record<string, unknown>> };
      const p = list.value.find((x) => x.name === 'e2e-full-demo')!;
      const { id, createdAt: _c, updatedAt: _u, source: _s, hasSecret: _h, ...fields } = p as Record<string, unknown>;
      // Another auth URL needs the secret typed again (a stored one stays with its Keystone); nothing listens there anyway.
      const moved = (await post('cloud.profiles.update', {
        id,
        fields: { ...fields, authUrl: 'http://127.0.0.1:9/v3' },
        secret: 'typed-for-the-closed-port',
      })) as { ok: boolean };
      if (!moved.ok) throw new Error(`re-pointing the profile failed: ${JSON.stringify(moved)}`);
    });
    await page.getByTestId('quota-refresh').click();
    const services = page.getByTestId('quota-services');
    await expect.poll(() => services.textContent(), { timeout: 30_000 }).toContain('cannot be reached now');
    await expect(services.textContent()).resolves.toContain('last known, read');
    const instances = row(page, 'instances');
    await expect(instances.getByTestId('quota-numbers').textContent()).resolves.toContain('last known, read');
    await expect(instances.getAttribute('data-state')).resolves.toBe('over');
    await screenshot(page, 'quota-panel-offline');
  });

  it('in Chinese: the same verdict, in words', async () => {
    await page.getByTestId('language').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('quota-summary').textContent()).toContain('超出配额：云主机 ');
    await expect(row(page, 'instances').getByTestId('quota-state').textContent()).resolves.toContain('超出配额');
    await screenshot(page, 'quota-panel-zh');
    await page.getByTestId('language').selectOption('en');
  });
});
