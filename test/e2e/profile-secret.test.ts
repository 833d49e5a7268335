// Issue 22, item 2 in the page: re-pointing a profile with a stored password
// (another auth URL host, a Heat override, CA, insecure) makes the profile
// form ask for the secret again before it saves; a path change on the same
// server does not. Main refuses the same (test/integration/cloud/secret-binding.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { emptyProfileFields } from '../../shared/cloud/profile';
import { screenshot } from './support/browser';
import { invokeOn, type RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

describe('the profile form and a stored secret', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-profile-secret-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    seed.profiles.create({ ...emptyProfileFields('prod', 'https://keystone.example.com:5000/v3'), username: 'ops', projectName: 'web' }, 'stored-pw');
    seed.dispose();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1280, height: 900 }, locale: 'en-US' }));
  });

  afterAll(async () => {
    await closeSession({ browser, host });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('asks for the password again when the auth URL moves to another server, and saves once it is typed', async () => {
    await page.goto(host.url);
    await page.getByTestId('nav-clouds').click();
    await page.getByTestId('profile-prod').click();
    await page.getByTestId('pf-authUrl').fill('https://keystone.example.com:5000/identity/v3');
    await expect(page.getByTestId('pf-secret-needed').count()).resolves.toBe(0);
    await page.getByTestId('pf-authUrl').fill('https://collector.example.net/v3');
    await page.getByTestId('pf-secret-needed').waitFor();
    await expect(page.getByTestId('pf-secret-needed').textContent()).resolves.toMatch(/Auth URL changed.*enter its secret again/);
    await expect(page.getByTestId('pf-save').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'clouds-secret-needed');
    await page.getByTestId('pf-secret').fill('typed-again');
    await expect(page.getByTestId('pf-secret-needed').count()).resolves.toBe(0);
    await page.getByTestId('pf-save').click();
    await page.getByTestId('profile-form').waitFor({ state: 'detached' });
    const [saved] = await invokeOn<{ authUrl: string; hasSecret: boolean }[]>(host, 'cloud.profiles.list', {});
    expect(saved).toMatchObject({ authUrl: 'https://collector.example.net/v3', hasSecret: true });
  });

  it('says so in Chinese too', async () => {
    const zh = await browser.newPage({ locale: 'zh-CN' });
    await zh.goto(host.url);
    await zh.getByTestId('nav-clouds').click();
    await zh.getByTestId('profile-prod').click();
    await zh.getByTestId('pf-authUrl').fill('https://other.example.org/v3');
    await expect(zh.getByTestId('pf-secret-needed').textContent()).resolves.toMatch(/请重新输入其密钥/);
    await zh.close();
  });
});
