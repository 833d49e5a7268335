// The library as a user drives it in Chromium against `npm run web`: create
// from the "shared-network server" recommendation, rename, tag, search,
// restart the host and still find it, delete it, switch language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser';
import { startWebHost, type RunningHost } from './support/web-host';

describe('template library in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-library-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    host = await startWebHost(dataDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('lists the two recommended system templates on first run', async () => {
    await page.goto(host.url);
    await page.getByTestId('template-shared-network-server').waitFor();
    await expect(page.getByTestId('template-external-network-server').isVisible()).resolves.toBe(true);
    await screenshot(page, 'library-first-run');
  });

  it('creates a template from the shared-network server recommendation, leaving the original alone', async () => {
    await page.getByTestId('new-template').click();
    await page.getByTestId('mode-recommended').check();
    await page.getByTestId('choose-shared-network-server').click();
    await page.getByTestId('source-preview').getByText('server_1 (OS::Nova::Server)').waitFor();
    await page.getByTestId('create-name').fill('web tier');
    await screenshot(page, 'library-create-dialog');
    await page.getByTestId('create-submit').click();
    await expect(page.getByTestId('details-name').textContent()).resolves.toBe('web tier');
    await page.getByTestId('tab-yaml').click();
    await expect(page.getByTestId('yaml').textContent()).resolves.toContain('type: OS::Nova::Server');
    await page.getByTestId('tab-overview').click();
  });

  it('renames and tags the copy', async () => {
    await page.getByTestId('rename').click();
    await page.getByTestId('rename-input').fill('web tier (prod)');
    await page.getByTestId('rename-submit').click();
    await page.getByTestId('template-web tier (prod)').waitFor();

    await page.getByTestId('edit-tags').click();
    const tagInput = page.locator('dialog').getByTestId('tag-input');
    await tagInput.fill('production');
    await tagInput.press('Enter');
    await tagInput.fill('web');
    await tagInput.press('Enter');
    await page.getByTestId('tags-submit').click();
    await page.getByTestId('details-tags').getByText('production').waitFor();
    await screenshot(page, 'library-details');
  });

  it('finds the template by search and by tag', async () => {
    await page.getByTestId('search').fill('prod');
    await page.waitForFunction(() => document.querySelectorAll('.template-list li').length === 1);
    await expect(page.locator('.template-list li .name').allTextContents()).resolves.toEqual(['web tier (prod)']);
    await page.getByTestId('search').fill('');
    await page.getByTestId('tag-filter').selectOption('production');
    await page.waitForFunction(() => document.querySelectorAll('.template-list li').length === 1);
    await page.getByTestId('tag-filter').selectOption('');
  });

  it('still has the template after the host restarts', async () => {
    await host.stop();
    host = await startWebHost(dataDir);
    await page.goto(host.url);
    await page.getByTestId('template-web tier (prod)').click();
    await page.getByTestId('details-tags').getByText('web').waitFor();
  });

  it('refuses to change the recommended original and offers a copy instead', async () => {
    await page.getByTestId('template-shared-network-server').click();
    await page.getByTestId('copy').waitFor();
    await expect(page.getByTestId('rename').count()).resolves.toBe(0);
  });

  it('deletes the template after confirmation', async () => {
    await page.getByTestId('template-web tier (prod)').click();
    await page.getByTestId('delete').click();
    await page.getByTestId('confirm').click();
    await page.getByTestId('template-web tier (prod)').waitFor({ state: 'detached' });
    await expect(page.locator('.template-list li').count()).resolves.toBe(2);
  });

  it('switches to Simplified Chinese and remembers it across a reload', async () => {
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByText('新建模板').waitFor();
    await page.reload();
    await page.getByText('新建模板').waitFor();
    await screenshot(page, 'library-zh-CN');
    await page.getByTestId('language').selectOption('en');
    await page.getByText('New template').waitFor();
  });
});

describe('importing and downloading a template file in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-files-'));
  const yaml = 'heat_template_version: 2018-08-31\n# kept exactly\nresources:\n  r1: {type: OS::Heat::RandomString}\n';
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    host = await startWebHost(dataDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US', acceptDownloads: true });
    await page.goto(host.url);
    await page.getByTestId('template-shared-network-server').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('imports a YAML file as a new template, byte for byte, and downloads it back unchanged', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import').click();
    await (await chooser).setFiles({ name: 'random.yaml', mimeType: 'application/x-yaml', buffer: Buffer.from(yaml) });
    await expect(page.getByTestId('details-name').textContent()).resolves.toBe('random');
    const download = page.waitForEvent('download');
    await page.getByTestId('download').click();
    const file = await (await download).path();
    expect(readFileSync(file, 'utf8')).toBe(yaml);
  });

  it('refuses a file that is not UTF-8 and imports nothing', async () => {
    const before = await page.locator('.template-list li').count();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import').click();
    await (await chooser).setFiles({ name: 'latin1.yaml', mimeType: 'application/x-yaml', buffer: Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]) });
    await page.getByRole('alert').getByText('latin1.yaml is not UTF-8').waitFor();
    await expect(page.locator('.template-list li').count()).resolves.toBe(before);
  });
});
