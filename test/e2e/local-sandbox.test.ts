// The one-click "Local sandbox" profile in Chromium against `npm run web` and
// the real local cloud (the full one: not a sandbox): the button adds the
// profile, makes it active and shows it connected; a second click leaves one
// profile. The refusal when the cloud is down is unit-tested
// (test/unit/main/cloud/local-sandbox.test.ts): stopping Keystone here would
// break everyone else's tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { requireFullCloud } from '../integration/cloud/test-cloud';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

describe('Local sandbox profile in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-local-sandbox-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    requireFullCloud();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1400, height: 900 }, locale: 'en-US' }));
  });
  afterAll(async () => {
    await closeSession({ browser, host });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds the profile with one click, makes it active and shows it connected (not a sandbox on the full cloud)', async () => {
    await page.goto(host.url);
    await page.getByTestId('nav-clouds').click();
    await expect(page.getByTestId('add-local-sandbox').textContent()).resolves.toContain('Add local sandbox');
    await page.getByTestId('add-local-sandbox').click();
    const item = page.getByTestId('profile-Local sandbox');
    await item.waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('test-report').textContent({ timeout: 30_000 })).resolves.toContain('Connected.');
    const report = await page.getByTestId('test-report').textContent();
    expect(report).toContain('As demo in project demo');
    expect(report).toContain('http://127.0.0.1:8004/v1/');
    const row = await item.textContent();
    expect(row).toContain('Active');
    expect(row).toContain('Online');
    expect(row).not.toContain('Sandbox');
    expect(row).toContain('http://127.0.0.1:5000/v3 · demo · RegionOne');
    await expect(page.getByTestId('pf-sandbox').isChecked()).resolves.toBe(false);
    await screenshot(page, 'clouds-local-sandbox');
  });

  it('a second click keeps a single "Local sandbox" profile', async () => {
    await page.getByTestId('add-local-sandbox').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=add-local-sandbox]')?.hasAttribute('disabled'));
    await expect(page.getByTestId('local-sandbox-error').count()).resolves.toBe(0);
    const names = await page.locator('[data-testid=profile-list] li .name').allTextContents();
    expect(names.filter((n) => n.startsWith('Local sandbox'))).toEqual(['Local sandbox']);
  });
});
