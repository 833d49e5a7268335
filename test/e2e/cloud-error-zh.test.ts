// Issue 16: a cloud error made to happen for real (Keystone's 401 for a wrong
// password) reads in Chinese on the profiles screen, the seed's words and no
// English but names; screenshotted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { loadTestCloud, passwordProfile } from '../integration/cloud/test-cloud';
import { launchChromium, screenshot } from './support/browser';
import { startWebHost, type RunningHost } from './support/web-host';

describe('a cloud error in Simplified Chinese', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-zh-401-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const cloud = loadTestCloud();
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    seed.profiles.create(passwordProfile(cloud, 'demo', { name: 'e2e-wrong-password' }), 'not-the-password');
    seed.dispose();
    host = await startWebHost(dataDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("words Keystone's 401 in Chinese when the connection is tested", async () => {
    await page.goto(host.url);
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByTestId('nav-clouds').click();
    await page.getByTestId('profile-e2e-wrong-password').click();
    await page.getByTestId('test-profile').click();
    const error = page.getByText(/Keystone 拒绝了/).first();
    await error.waitFor({ timeout: 30_000 });
    const text = (await error.innerText()).trim();
    await screenshot(page, 'zh-CN-keystone-401');
    expect(text).toContain('密码或用户名错误');
    expect(text.replace(/Keystone|Default|demo|e2e-wrong-password/g, '').match(/[A-Za-z]{3,}/g) ?? []).toEqual([]);
  });
});
