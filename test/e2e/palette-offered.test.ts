// The palette says what this cloud offers, in Chromium on the FULL test
// cloud as demo: "All resource types" marks a catalog type the region's
// Heat does not list (GET /resource_types), leaves an offered one unmarked,
// and adding the missing one warns, naming the cloud.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { resourceTypeNames } from '../../shared/hot/catalog';
import { connect, passwordProfile, requireFullCloud } from '../integration/cloud/test-cloud';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

describe('the palette and the cloud’s resource types, in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-offered-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let missing = '';

  beforeAll(async () => {
    const cloud = requireFullCloud();
    // What this region's Heat lists, read the way a client does: the catalog type it lacks is the one to find marked.
    const listed = new Set(
      (await connect(cloud, 'demo').heat.resourceTypes()).map((x) => (typeof x === 'string' ? x : (x as { resource_type: string }).resource_type)),
    );
    missing =
      resourceTypeNames()
        .sort()
        .find((n) => !listed.has(n)) ?? '';
    expect(missing).not.toBe('');
    expect(listed.has('OS::Heat::None')).toBe(true);
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    seed.profiles.create(passwordProfile(cloud, 'demo', { name: 'e2e-demo', sandbox: false }), cloud.users.demo.password);
    seed.library.create({ name: 'offered', description: '', tags: [], from: { kind: 'yaml', yaml: 'heat_template_version: 2018-08-31\nresources: {}\n' } });
    seed.dispose();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1400, height: 900 }, locale: 'en-US' }));
  }, 120_000);

  afterAll(async () => {
    await closeSession({ browser, host });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('marks a type the region lacks, not one it offers, and warns when the missing one is added', async () => {
    await page.goto(host.url);
    await page.getByTestId('template-offered').click();
    await page.getByTestId('edit').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('palette-search').fill('OS::Heat::None');
    const offered = page.getByTestId('palette-type:OS::Heat::None');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="palette-type:OS::Heat::None"]')?.getAttribute('data-offered') === 'true',
      undefined,
      { timeout: 60_000 },
    );
    expect(await offered.textContent()).not.toContain('not in this cloud');
    await page.getByTestId('palette-search').fill(missing);
    const item = page.getByTestId(`palette-type:${missing}`);
    expect(await item.getAttribute('data-offered')).toBe('false');
    expect(await item.textContent()).toContain('not in this cloud');
    expect(await item.getAttribute('title')).toContain(`The Heat of e2e-demo does not offer ${missing}`);
    await screenshot(page, 'palette-not-offered');
    await item.focus();
    await page.keyboard.press('Enter');
    const toast = page.locator('.toast.error').filter({ hasText: 'does not offer it' });
    await toast.waitFor({ timeout: 10_000 });
    expect(await toast.textContent()).toContain(`${missing} was added, but the Heat of e2e-demo does not offer it`);
    await screenshot(page, 'palette-not-offered-drop');
  }, 120_000);
});
