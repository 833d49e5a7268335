// The rest of the studio in zh-CN (issue 16, "Done when"; the library, the
// editor and the stacks are in zh-cn-everywhere.test.ts): stack sets with
// their create dialog, details and operation dialog, a preference Heat's
// stack-set rules refuse; the cloud profiles with their form and import
// dialog; Keystone down (a profile whose auth URL is a closed port on
// 127.0.0.1, the real Keystone untouched); the command palette and the
// shortcut sheet. After each, no English word that is not a name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadTestCloud, type TestCloud } from '../integration/cloud/test-cloud';
import { launchChromium, screenshot } from './support/browser';
import { expectNoEnglish } from './support/english-leftovers';
import { pickTemplateAndProfiles, seedStackSetData } from './support/stacksets';
import { startWebHost, type RunningHost } from './support/web-host';

/** A port on 127.0.0.1 that nothing listens on: bound, read, closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('stack sets, cloud profiles and refusals in zh-CN, with no English left', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-zh-sets-'));
  const setName = `e2ezh${Date.now().toString(36)}`;
  const downProfile = 'e2e-zh-keystone-down';
  let cloud: TestCloud;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let names: string[] = [];

  const shot = async (name: string, screen: string, extra: string[] = []) => {
    await screenshot(page, `zh-sets-${name}`);
    await expectNoEnglish(page, screen, [...names, ...extra]);
  };
  const closeDialog = async () => {
    await page.evaluate(() => document.querySelector('dialog[open]')?.dispatchEvent(new Event('cancel', { cancelable: true })));
    await page.locator('dialog[open]').waitFor({ state: 'detached', timeout: 5_000 });
  };

  beforeAll(async () => {
    cloud = loadTestCloud();
    seedStackSetData(dataDir, cloud, ['demo']);
    // What the test named and what the cloud is called: names, not the studio's words.
    names = [setName, downProfile, 'e2e-demo', 'e2e-stackset', cloud.users.demo.username, cloud.users.demo.project, cloud.domain, 'RegionOne', 'RegionTwo', 'demo', 'admin', 'wait', 'public', 'internal', 'admin'];
    host = await startWebHost(dataDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    await page.goto(host.url);
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByTestId('nav-library').getByText('模版库').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stack sets: the empty list, the create dialog and the new set’s details', async () => {
    await page.getByTestId('nav-stacksets').click();
    await page.getByTestId('new-stackset').waitFor(); // the list itself is hidden while empty
    await shot('list', '资源栈集 · 列表');
    await page.getByTestId('new-stackset').click();
    await page.getByTestId('ss-name').fill('9lives');
    await page.getByTestId('ss-name-error').waitFor();
    await shot('create-bad-name', '资源栈集 · 创建（名称不合规）', ['9lives']);
    await page.getByTestId('ss-name').fill(setName);
    await pickTemplateAndProfiles(page, ['demo']);
    await shot('create', '资源栈集 · 创建');
    await page.getByTestId('ss-create-submit').click();
    await expect.poll(() => page.getByTestId('stackset-name').textContent()).toBe(setName);
    await shot('details', '资源栈集 · 详情');
  });

  it('stack sets: the operation dialog, a preference refused, then one instance created and its metadata', async () => {
    await page.getByTestId('action-CREATE_STACK_INSTANCES').click();
    await page.getByTestId('op-region-RegionOne').check();
    await page.getByTestId('op-project-demo').check();
    await shot('operation', '资源栈集 · 操作对话框');
    await page.getByTestId('pref-type').selectOption('PARALLEL');
    await page.getByTestId('pref-tolerance').fill('1');
    await page.getByTestId('pref-concurrency').fill('3');
    await page.getByTestId('pref-error').waitFor();
    await shot('preference-refused', '资源栈集 · 偏好被拒绝', ['SS.400.0047']);
    await page.getByTestId('pref-concurrency').fill('1');
    await page.getByTestId('pref-tolerance').fill('0');
    await page.getByTestId('pref-error').waitFor({ state: 'detached' });
    await page.getByTestId('op-submit').click();
    await page.waitForFunction(() => !document.querySelector('dialog[open]'), undefined, { timeout: 30_000 });
    await page.getByTestId('cell-RegionOne-demo').waitFor();
    await page.waitForFunction(() => /完成|失败/.test(document.querySelector('[data-testid=cell-RegionOne-demo]')?.textContent ?? ''), undefined, { timeout: 180_000 });
    await page.getByTestId('op-expand').first().click();
    await page.getByTestId('op-metadata').waitFor();
    await shot('operation-done', '资源栈集 · 操作完成与元数据');
    await page.getByTestId('cell-RegionOne-demo').click();
    await page.getByTestId('instance-details').waitFor();
    const stackName = /stackset-[0-9a-f]{8}-[\w-]+/.exec((await page.getByTestId('instance-details').textContent()) ?? '')?.[0] ?? '';
    await shot('instance', '资源栈集 · 实例详情', [stackName]);
  });

  it('stack sets: deleting the instance, then the set', async () => {
    await page.getByTestId('action-DELETE_STACK_INSTANCES').click();
    await page.getByTestId('op-region-RegionOne').check();
    await page.getByTestId('op-project-demo').check();
    await shot('operation-delete', '资源栈集 · 删除实例对话框');
    await page.getByTestId('op-submit').click();
    await expect.poll(() => page.getByTestId('delete-stackset').isDisabled(), { timeout: 180_000 }).toBe(false);
    await page.getByTestId('delete-stackset').click();
    await page.getByTestId('confirm').waitFor();
    await shot('delete-confirm', '资源栈集 · 删除确认');
    await page.getByTestId('confirm').click();
    await page.getByTestId(`stackset-${setName}`).waitFor({ state: 'detached' });
  });

  it('clouds: the profiles, the profile form and the import dialog', async () => {
    await page.getByTestId('nav-clouds').click();
    await page.getByTestId('profile-e2e-demo').click();
    await shot('clouds', '云配置 · 配置列表');
    await page.getByTestId('test-profile').click();
    await expect.poll(() => page.getByTestId('test-report').textContent(), { timeout: 60_000 }).toContain('RegionOne');
    await shot('clouds-tested', '云配置 · 测试连接');
    await page.getByTestId('new-profile').click();
    await page.getByTestId('profile-form').waitFor();
    await page.getByTestId('pf-save').click(); // empty: each missing field is named
    await shot('profile-form-empty', '云配置 · 新建配置（缺少字段）');
    await page.getByTestId('import-profiles').click();
    await page.locator('dialog[open]').waitFor();
    const modes = await page.locator('dialog[open] [data-testid^=import-mode-]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
    for (const mode of modes) {
      await page.getByTestId(mode).click();
      await shot(`clouds-${mode}`, `云配置 · 导入 · ${mode}`, ['clouds.yaml', 'clouds', 'openrc', 'OS_AUTH_URL']);
    }
    await closeDialog();
  });

  it('refusal: Keystone down (a profile at a closed port on 127.0.0.1)', async () => {
    const port = await closedPort();
    await page.getByTestId('new-profile').click();
    await page.getByTestId('pf-name').fill(downProfile);
    await page.getByTestId('pf-authUrl').fill(`http://127.0.0.1:${port}/v3`);
    await page.getByTestId('pf-region').fill('RegionOne');
    await page.getByTestId('pf-username').fill(cloud.users.demo.username);
    await page.getByTestId('pf-project').fill(cloud.users.demo.project);
    await page.getByTestId('pf-secret').fill(cloud.users.demo.password);
    await page.getByTestId('pf-save').click();
    await page.getByTestId(`profile-${downProfile}`).click();
    await page.getByTestId('test-profile').click();
    await page.waitForFunction(() => document.querySelectorAll('.toast.error, [data-testid=test-report] .form-error, [data-testid=test-report][data-ok=false]').length > 0 || /127\.0\.0\.1/.test(document.querySelector('[data-testid=test-report]')?.textContent ?? ''), undefined, { timeout: 60_000 });
    await shot('keystone-down', '云配置 · Keystone 无法连接', [String(port)]);
    await page.getByTestId('nav-stacks').click();
    await page.waitForTimeout(1500);
    await shot('keystone-down-stacks', '编排部署 · Keystone 无法连接');
  });

  it('the command palette and the shortcut sheet', async () => {
    await page.getByTestId('nav-library').click();
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-palette').waitFor();
    await shot('command-palette', '命令面板');
    await page.keyboard.press('Escape');
    await page.getByTestId('command-palette').waitFor({ state: 'detached' });
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-sheet').waitFor();
    await shot('shortcut-sheet', '快捷键');
    await closeDialog();
  });
});
