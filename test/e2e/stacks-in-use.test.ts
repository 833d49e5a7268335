// Two seed rules of the stacks screen in Chromium on the FULL test cloud:
// 5.2, a stack whose network another deployment uses as an existing
// resource is marked in the list and its delete is refused naming that
// deployment; 8.1, a delete that fails because a port made in Neutron
// directly still uses the stack's network shows the resource, Neutron's
// reason and what to do (English and Chinese), and "Delete again"
// succeeds once the port is removed. The stacks are made through Heat
// directly (as another tool would), not by the studio.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import type { HeatClient } from '../../main/cloud/heat-client';
import type { StackRef } from '../../shared/cloud/heat-types';
import { connect, openstackCli, passwordProfile, requireFullCloud, type FullTestCloud } from '../integration/cloud/test-cloud';
import { gone, settle } from '../integration/cloud/templates';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { markerUser, netStack } from '../integration/stacks/net-templates';
import { closeSession, openSession } from './support/session';

describe('stacks that block a delete, in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-inuse-'));
  const run = Date.now().toString(36);
  const names = { a: `e2e-net-${run}`, b: `e2e-user-${run}`, d: `e2e-blocked-${run}` };
  let cloud: FullTestCloud;
  let heat: HeatClient;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  const made: StackRef[] = [];
  let portId = '';
  const cli = (args: string[]) => openstackCli(cloud, 'demo', args);

  async function create(name: string, template: string): Promise<StackRef> {
    const ref = await heat.create({ stack_name: name, template });
    made.push(ref);
    expect((await settle(heat, ref)).stack_status).toBe('CREATE_COMPLETE');
    return ref;
  }
  const netOf = async (ref: StackRef) => (await heat.resources(ref)).find((r) => r.resource_name === 'net')?.physical_resource_id ?? '';

  beforeAll(async () => {
    cloud = requireFullCloud();
    heat = connect(cloud, 'demo').heat;
    const a = await create(names.a, netStack('10.79.0.0/24'));
    await create(names.b, markerUser(await netOf(a)));
    const d = await create(names.d, netStack('10.80.0.0/24'));
    portId = (JSON.parse(cli(['port', 'create', '--network', await netOf(d), `e2e-blocker-${run}`, '-f', 'json'])) as { id: string }).id;
    await heat.delete(d);
    expect(await gone(heat, d, 240_000)).toBe('DELETE_FAILED');
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    seed.profiles.create(passwordProfile(cloud, 'demo', { name: 'e2e-demo', sandbox: false }), cloud.users.demo.password);
    seed.dispose();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1400, height: 900 }, locale: 'en-US' }));
  }, 400_000);

  afterAll(async () => {
    await closeSession({ browser, host });
    if (portId) cli(['port', 'delete', portId]);
    for (const ref of made.reverse()) {
      await heat.delete(ref).catch(() => undefined);
      await gone(heat, ref).catch(() => undefined);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 400_000);

  it('marks the network stack "Used by" its user and refuses its delete, naming the stack to delete first', async () => {
    await page.goto(host.url);
    await page.getByTestId('nav-stacks').click();
    await page.getByTestId('stack-filter-name').fill(run);
    const marker = page.getByTestId(`stack-used-by-${names.a}`);
    await marker.waitFor({ timeout: 90_000 });
    expect(await marker.textContent()).toContain(`Used by ${names.b}`);
    expect(await page.getByTestId(`stack-used-by-${names.b}`).count()).toBe(0);
    await page.getByTestId(`stack-${names.a}`).click();
    expect(await page.getByTestId('stack-used-by').textContent()).toContain(`delete ${names.b} first`);
    await page.getByTestId('stack-delete').click();
    await page.getByTestId('confirm').click();
    const toast = page.locator('.toast.error').first();
    await toast.waitFor({ timeout: 60_000 });
    expect(await toast.textContent()).toContain(`Delete "${names.b}" first`);
    await screenshot(page, 'stacks-in-use-refused');
    expect((await heat.show(made[0]!)).stack_status).toBe('CREATE_COMPLETE');
  }, 200_000);

  it('a delete blocked by a port outside the stack says which resource, Neutron’s reason and what to do; Delete again works after the port is gone', async () => {
    await page.getByTestId(`stack-${names.d}`).click();
    await page.getByTestId('diagnosis-advice-in-use').waitFor({ timeout: 60_000 });
    expect(['net', 'subnet']).toContain(await page.getByTestId('diagnosis-resource').textContent());
    expect(await page.getByTestId('diagnosis-reason').textContent()).toMatch(/in use|IP allocation/i);
    expect(await page.getByTestId('diagnosis-advice-in-use').textContent()).toContain('Remove it there, then Delete again');
    await screenshot(page, 'stacks-delete-blocked-en');
    await page.getByTestId('language').selectOption('zh-CN');
    expect(await page.getByTestId('diagnosis-advice-in-use').textContent()).toContain('然后点击“再次删除”');
    expect(await page.getByTestId('diagnosis-delete-again').textContent()).toBe('再次删除');
    await screenshot(page, 'stacks-delete-blocked-zh');
    cli(['port', 'delete', portId]);
    portId = '';
    await page.getByTestId('diagnosis-delete-again').click();
    await page.waitForFunction(
      () => {
        const s = document.querySelector('[data-testid=stack-status]')?.getAttribute('data-status');
        return s === 'DELETE_COMPLETE' || !document.querySelector('[data-testid=stack-details]');
      },
      undefined,
      { timeout: 180_000 },
    );
    expect(await gone(heat, made[2]!, 60_000)).toMatch(/DELETE_COMPLETE|NOT_FOUND/);
  }, 300_000);
});
