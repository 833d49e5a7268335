// Issue 15 bug 8, second half, in Chromium against `npm run web` and the real
// test cloud: the "Delete instances" dialog asks what happens to the
// instances' Heat stacks (delete them too, by default, or keep them, as
// CloudFormation's RetainStacks). Kept: the instance leaves the set, the
// operation's instance message names the stack that stays, and Heat still
// runs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { connect, loadTestCloud, type TestCloud } from '../integration/cloud/test-cloud';
import { heatStatus } from '../integration/stacksets/support';
import { screenshot } from './support/browser';
import { pickTemplateAndProfiles, seedStackSetData } from './support/stacksets';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

describe('deleting stack-set instances but keeping their stacks', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-ss-retain-'));
  const name = `e2eretain${Date.now().toString(36)}`;
  let cloud: TestCloud;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let kept: { name: string; id: string } | null = null;

  beforeAll(async () => {
    cloud = loadTestCloud();
    seedStackSetData(dataDir, cloud, ['demo']);
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1280, height: 900 }, locale: 'en-US' }));
  });

  afterAll(async () => {
    await closeSession({ browser, host });
    if (kept) {
      const c = connect(cloud, 'demo', { region: 'RegionOne' });
      await c.heat.delete(kept).catch(() => undefined);
      c.dispose();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a set with one instance', async () => {
    await page.goto(host.url);
    await page.getByTestId('nav-stacksets').click();
    await page.getByTestId('new-stackset').click();
    await page.getByTestId('ss-name').fill(name);
    await pickTemplateAndProfiles(page, ['demo']);
    await page.getByTestId('ss-create-submit').click();
    await expect(page.getByTestId('stackset-name').textContent()).resolves.toBe(name);
    await page.getByTestId('action-CREATE_STACK_INSTANCES').click();
    await page.getByTestId('op-region-RegionOne').check();
    await page.getByTestId('op-project-demo').check();
    await page.getByTestId('op-submit').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=instance-grid] [data-status=OPERATION_COMPLETE]').length === 1, undefined, {
      timeout: 90_000,
    });
  });

  it('offers deleting the stacks too (the default) or keeping them, and keeping leaves the stack running in Heat', async () => {
    await page.getByTestId('action-DELETE_STACK_INSTANCES').click();
    await expect(page.getByTestId('op-delete-stacks').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('op-retain-help').count()).resolves.toBe(0);
    await page.getByTestId('op-retain-stacks').check();
    await expect(page.getByTestId('op-retain-help').textContent()).resolves.toContain('their stacks stay in Heat');
    await page.getByTestId('op-region-RegionOne').check();
    await page.getByTestId('op-project-demo').check();
    await screenshot(page, 'stacksets-delete-retain');
    await page.getByTestId('op-submit').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=instance-grid]') === null, undefined, { timeout: 90_000 });
    await page.getByTestId('op-expand').first().click();
    const row = page.locator('[data-testid=operations] td', { hasText: 'was kept' }).first();
    const message = (await row.textContent()) ?? '';
    const m = /Heat stack (\S+) \(([0-9a-f-]{36})\) was kept/.exec(message);
    expect(m, message).not.toBeNull();
    kept = { name: m![1]!, id: m![2]! };
    expect(await heatStatus(cloud, 'RegionOne', cloud.users.demo.projectId, kept.name, kept.id)).toBe('CREATE_COMPLETE');
    await screenshot(page, 'stacksets-retained-message');
  });
});
