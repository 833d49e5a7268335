// Stack sets as a user drives them in Chromium against `npm run web` and the
// real test cloud: create a set, add 4 instances (2 regions x 2 projects),
// watch the grid turn green, read the operation's metadata, drill down from
// an instance to its stack on the Stacks screen, delete them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadTestCloud } from '../integration/cloud/test-cloud';
import { screenshot } from './support/browser';
import { pickTemplateAndProfiles, seedStackSetData } from './support/stacksets';
import type { RunningHost } from './support/web-host';
import { SEED_OPERATION_FIELDS } from '../support/seed-operation-fields';
import { closeSession, openSession } from './support/session';

describe('stack sets in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-stacksets-'));
  const name = `e2e${Date.now().toString(36)}`;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // The two cloud profiles (projects admin and demo) and the template, in the host's own data dir.
    seedStackSetData(dataDir, loadTestCloud(), ['admin', 'demo']);
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1280, height: 900 }, locale: 'en-US' }));
  });

  afterAll(async () => {
    await closeSession({ browser, host });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a set from a library template and two cloud profiles', async () => {
    await page.goto(host.url);
    await page.getByTestId('nav-stacksets').click();
    await page.getByTestId('new-stackset').click();
    await page.getByTestId('ss-name').fill('9lives');
    await page.getByTestId('ss-name-error').waitFor();
    await page.getByTestId('ss-name').fill(name);
    await expect(page.getByTestId('ss-name-error').count()).resolves.toBe(0);
    await pickTemplateAndProfiles(page, ['admin', 'demo']);
    await screenshot(page, 'stacksets-create');
    await page.getByTestId('ss-create-submit').click();
    await expect(page.getByTestId('stackset-name').textContent()).resolves.toBe(name);
  });

  it('refuses a concurrency above tolerance + 1 as it is typed, then deploys 4 instances PARALLEL and the grid turns green', async () => {
    await page.getByTestId('action-CREATE_STACK_INSTANCES').click();
    for (const r of ['RegionOne', 'RegionTwo']) await page.getByTestId(`op-region-${r}`).check();
    for (const p of ['admin', 'demo']) await page.getByTestId(`op-project-${p}`).check();
    await page.getByTestId('pref-type').selectOption('PARALLEL');
    await page.getByTestId('pref-tolerance').fill('1');
    await page.getByTestId('pref-concurrency').fill('3');
    await expect(page.getByTestId('pref-error').textContent()).resolves.toContain('SS.400.0047');
    await expect(page.getByTestId('op-submit').isDisabled()).resolves.toBe(true);
    await page.getByTestId('pref-concurrency').fill('2');
    await expect(page.getByTestId('pref-error').count()).resolves.toBe(0);
    await screenshot(page, 'stacksets-deploy-dialog');
    await page.getByTestId('op-submit').click();

    const green = page.locator('[data-testid=instance-grid] [data-status=OPERATION_COMPLETE]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=instance-grid] [data-status=OPERATION_COMPLETE]').length === 4, undefined, {
      timeout: 90_000,
    });
    await expect(green.count()).resolves.toBe(4);
    await expect(page.getByTestId('cell-RegionTwo-demo').textContent()).resolves.toContain('Complete');
    await screenshot(page, 'stacksets-grid-green');
  });

  it('shows the operation’s metadata with exactly the seed’s fields, and an instance’s Heat stack', async () => {
    await page.getByTestId('op-expand').first().click();
    const meta = page.getByTestId('op-metadata');
    await meta.waitFor();
    const fields = await meta.locator('dt').allTextContents();
    expect(fields.sort()).toEqual([...SEED_OPERATION_FIELDS]);
    await expect(meta.locator('[data-field=status]').textContent()).resolves.toBe('OPERATION_COMPLETE');
    await expect(meta.locator('[data-field=action]').textContent()).resolves.toBe('CREATE_STACK_INSTANCES');
    await expect(meta.locator('[data-field=create_time]').textContent()).resolves.toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await page.getByTestId('cell-RegionOne-admin').click();
    await expect(page.getByTestId('instance-details').textContent()).resolves.toMatch(/stackset-[0-9a-f]{8}-/);
    await screenshot(page, 'stacksets-operation-metadata');
  });

  it('drills down from an instance in the grid to its stack on the Stacks screen, in its profile and region', async () => {
    await page.getByTestId('cell-RegionTwo-demo').click();
    const stackName = /stackset-[0-9a-f]{8}-[\w-]+/.exec((await page.getByTestId('instance-details').textContent()) ?? '')?.[0];
    expect(stackName).toBeTruthy();
    await page.getByTestId('instance-open-stack').click();
    await page.getByTestId('stacks-view').waitFor();
    await page.waitForFunction((n) => document.querySelector('[data-testid=stack-name]')?.textContent === n, stackName);
    await expect(page.getByTestId('active-cloud').locator('option:checked').textContent()).resolves.toContain('e2e-demo');
    await expect(page.getByTestId('active-region').inputValue()).resolves.toBe('RegionTwo');
    await page.getByTestId('stack-tab-overview').click();
    await expect(page.getByTestId('stack-overview').textContent()).resolves.toContain('CREATE_COMPLETE');
    await screenshot(page, 'stacksets-drilldown-stack');
    await page.getByTestId('nav-stacksets').click();
    await page.getByTestId(`stackset-${name}`).click();
    await expect(page.getByTestId('stackset-name').textContent()).resolves.toBe(name);
  });

  it('deletes the instances and the grid empties', async () => {
    // With instances, "Delete set" is disabled and says why, next to it.
    await expect(page.getByTestId('delete-stackset').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('delete-stackset-why').textContent()).resolves.toMatch(/still has 4 stack instances: delete them first/);
    await page.getByTestId('action-DELETE_STACK_INSTANCES').click();
    for (const r of ['RegionOne', 'RegionTwo']) await page.getByTestId(`op-region-${r}`).check();
    for (const p of ['admin', 'demo']) await page.getByTestId(`op-project-${p}`).check();
    await page.getByTestId('pref-type').selectOption('PARALLEL');
    await page.getByTestId('op-submit').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=instance-grid]') === null, undefined, { timeout: 90_000 });
    await expect(page.getByTestId('delete-stackset').isDisabled()).resolves.toBe(false);
    await expect(page.getByTestId('delete-stackset-why').count()).resolves.toBe(0);
  });

  it('deletes the empty set only after a confirmation that names it (issue 15, bug 8)', async () => {
    await page.getByTestId('delete-stackset').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toContain(`Delete the stack set "${name}"?`);
    await screenshot(page, 'stacksets-delete-confirm');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId(`stackset-${name}`).count()).resolves.toBe(1);
    await page.getByTestId('delete-stackset').click();
    await page.getByTestId('confirm').click();
    await page.getByTestId(`stackset-${name}`).waitFor({ state: 'detached' });
  });
});
