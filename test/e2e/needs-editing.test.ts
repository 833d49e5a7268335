// SPEC 1.4 in Chromium: a template whose status is "needs editing" can only
// be edited. Its Deploy and Export as app buttons are disabled with the
// reason shown, Edit and Check again are offered (in English and in the
// seed's Chinese words); once a usable version is saved, both are enabled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser';
import { invokeOn, startWebHost, type RunningHost } from './support/web-host';

const BROKEN = 'heat_template_version: 2018-08-31\nresources:\n  word: {type: OS::Heat::RandomString, properties: {length: {get_param: missing}}}\n';
const GOOD = 'heat_template_version: 2018-08-31\nresources:\n  word: {type: OS::Heat::RandomString, properties: {length: 8}}\n';

describe('a template that needs editing can only be edited', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-needs-editing-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let id: string;

  beforeAll(async () => {
    host = await startWebHost(dataDir);
    id = (
      await invokeOn<{ id: string }>(host, 'library.create', {
        name: 'broken words',
        description: '',
        tags: [],
        from: { kind: 'yaml', yaml: BROKEN, layout: {} },
      })
    ).id;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('disables Deploy and Export as app, shows why, and offers Edit and Check again', async () => {
    await page.goto(host.url);
    await page.getByTestId('template-broken words').click();
    const notice = page.getByTestId('needs-editing');
    await notice.waitFor();
    await expect(page.getByTestId('deploy').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('export-app').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('deploy').getAttribute('title')).resolves.toBe(
      'Needs editing: deploying is blocked until the template is edited and passes its checks.',
    );
    await expect(page.getByTestId('needs-editing-reason').textContent()).resolves.toMatch(/^Reason: line 3, column \d+: .*missing/);
    await expect(notice.textContent()).resolves.toContain('it cannot be deployed or exported as an app until it is edited and passes its checks');
    await page.getByTestId('tab-versions').click();
    await expect(page.getByTestId('deploy-version-1').isDisabled()).resolves.toBe(true);
    await page.getByTestId('tab-overview').click();
    await screenshot(page, 'needs-editing-details');
    // Check again (no cloud: the HOT engine) keeps the verdict and says so.
    await page.getByTestId('needs-editing-recheck').click();
    await page.getByText('Checked with the HOT engine (no cloud selected).').waitFor();
    await expect(page.getByTestId('deploy').isDisabled()).resolves.toBe(true);
    // Edit goes back to the canvas with the template.
    await page.getByTestId('needs-editing-edit').click();
    await page.getByTestId('editor').waitFor();
  });

  it('speaks the seed’s words in Chinese (待编辑, 编辑模版, 不可部署)', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByTestId('template-broken words').click();
    const notice = page.getByTestId('needs-editing');
    await expect(notice.textContent()).resolves.toContain('状态为待编辑：此时不可部署，也不可导入应用中心，但可点击“编辑模版”对模版进行再次编辑');
    await expect(page.getByTestId('needs-editing-edit').textContent()).resolves.toBe('编辑模版');
    await expect(page.getByTestId('needs-editing-recheck').textContent()).resolves.toBe('重新检查');
    await screenshot(page, 'needs-editing-details-zh-CN');
    await page.getByTestId('language').selectOption('en');
  });

  it('a usable version saved after it lifts the block', async () => {
    await invokeOn(host, 'library.saveVersion', { id, yaml: GOOD, layout: {}, files: {}, environment: null, note: 'fixed' });
    await page.getByTestId('nav-library').click();
    await page.reload();
    await page.getByTestId('template-broken words').click();
    await expect.poll(() => page.getByTestId('deploy').isDisabled()).toBe(false);
    await expect(page.getByTestId('export-app').isDisabled()).resolves.toBe(false);
    await expect(page.getByTestId('needs-editing').count()).resolves.toBe(0);
  });
});
