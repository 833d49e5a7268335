// The update dialog's preview explained, in Chromium against `npm run web` and
// the FULL test cloud (project demo, not a sandbox): a stack with a server on
// its own network is previewed against its next version (the subnet's cidr
// changes: "Replaced because of: cidr"), then with the current template and a
// typed flavor (the server's flavor m1.tiny -> m1.small, updated in place),
// and that update is applied for real to UPDATE_COMPLETE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { connect, passwordProfile, requireFullCloud, type FullTestCloud } from '../integration/cloud/test-cloud';
import { gone, settle } from '../integration/cloud/templates';
import { HeatClient } from '../../main/cloud/heat-client';
import type { StackRef } from '../../shared/cloud/heat-types';
import { launchChromium, screenshot } from './support/browser';
import { invokeOn, startWebHost, type RunningHost } from './support/web-host';

const template = (image: string, cidr: string): string =>
  [
    'heat_template_version: 2018-08-31',
    'parameters:',
    '  flavor: {type: string, default: m1.tiny}',
    'resources:',
    '  net: {type: OS::Neutron::Net}',
    `  subnet: {type: OS::Neutron::Subnet, properties: {network: {get_resource: net}, cidr: ${cidr}}}`,
    `  server: {type: OS::Nova::Server, depends_on: subnet, properties: {image: ${image}, flavor: {get_param: flavor}, networks: [{network: {get_resource: net}}]}}`,
    '',
  ].join('\n');

describe('the update preview explained (full cloud, project demo)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-explain-'));
  const stackName = `e2e-explain-${Date.now().toString(36)}`;
  let cloud: FullTestCloud;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let ref: StackRef | undefined;
  const demoHeat = (): HeatClient => {
    const conn = connect(cloud, 'demo');
    return new HeatClient(conn.http, conn.session, { region: 'RegionOne', interface: 'public', endpointOverride: null });
  };

  beforeAll(async () => {
    cloud = requireFullCloud();
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    const profileId = seed.profiles.create(passwordProfile(cloud, 'demo', { name: 'e2e-explain-demo', sandbox: false }), cloud.users.demo.password).id;
    const tpl = seed.library.create({
      name: 'explained update',
      description: '',
      tags: [],
      from: { kind: 'yaml', yaml: template(cloud.image, '10.32.0.0/24') },
    });
    seed.library.saveVersion({ id: tpl.id, yaml: template(cloud.image, '10.32.1.0/24'), layout: {}, files: {}, environment: null, note: 'another cidr' });
    seed.dispose();
    host = await startWebHost(dataDir);
    ref = (
      await invokeOn<{ stack: StackRef }>(host, 'deploy.create', {
        profileId,
        stackName,
        source: { kind: 'library', templateId: tpl.id, version: 1 },
        options: {},
      })
    ).stack;
    expect((await settle(demoHeat(), ref, 240_000)).stack_status).toBe('CREATE_COMPLETE');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, locale: 'en-US' });
    await page.goto(host.url);
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (ref) {
      await demoHeat().delete(ref);
      await gone(demoHeat(), ref, 240_000);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 300_000);

  it('says which properties change, which force a replacement, and applies a flavor change in place', async () => {
    await page.getByTestId('nav-stacks').click();
    await page.getByTestId(`stack-${stackName}`).click();
    await expect.poll(() => page.getByTestId('stack-name').textContent()).toBe(stackName);
    await page.getByTestId('stack-update').click();
    const ready = page.locator('[data-testid=update-dialog]:not([data-loading])');
    await ready.waitFor();

    // The next version: the subnet's cidr is not update_allowed, so it forces the replacement.
    await page.getByTestId('update-version').selectOption('2');
    await ready.waitFor();
    await page.getByTestId('update-preview').click();
    const subnet = page.getByTestId('explain-subnet');
    await subnet.waitFor({ timeout: 90_000 });
    await expect(page.getByTestId('explain-subnet-cidr').getAttribute('data-effect')).resolves.toBe('replace');
    await expect(page.getByTestId('explain-subnet-cidr').textContent()).resolves.toContain('cidr: 10.32.0.0/24 → 10.32.1.0/24');
    await expect(subnet.getByTestId('explain-forced').textContent()).resolves.toBe('Replaced because of: cidr');
    await screenshot(page, 'update-explained-replace');

    // The current template with a typed flavor: the server is updated in place.
    await page.getByTestId('update-version').selectOption('0');
    await ready.waitFor();
    await page.getByTestId('param-flavor').fill('m1.small');
    await page.getByTestId('update-preview').click();
    const flavor = page.getByTestId('explain-server-flavor');
    await flavor.waitFor({ timeout: 90_000 });
    await expect(flavor.getAttribute('data-effect')).resolves.toBe('update');
    await expect(flavor.textContent()).resolves.toContain('flavor: m1.tiny → m1.small');
    await expect(flavor.textContent()).resolves.toContain('updated in place');
    await expect(page.getByTestId('explain-server').getByTestId('explain-forced').count()).resolves.toBe(0);
    await screenshot(page, 'update-explained-flavor');

    await page.getByTestId('update-apply').click();
    await expect.poll(async () => (await demoHeat().show(ref!)).stack_status, { timeout: 240_000, interval: 3000 }).toBe('UPDATE_COMPLETE');
    expect((await demoHeat().show(ref!)).parameters?.flavor).toBe('m1.small');
  }, 420_000);
});
