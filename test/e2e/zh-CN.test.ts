// The studio in Simplified Chinese, as the seed's users read it (issue 16):
// the library, the create dialog, the canvas (可视化编排) and a deployed stack
// (编排部署) against the real test cloud, each screenshotted, and none of the
// visible text holding a variant the glossary forbids (模板, 资源栈, 云服务器,
// 浮动 IP, 编辑器 …).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { forbiddenVariants } from '../../shared/messages/glossary-zh-CN';
import { loadTestCloud, passwordProfile } from '../integration/cloud/test-cloud';
import { launchChromium, screenshot } from './support/browser';
import { removeStackAndData, SMALL_TEMPLATE as SMALL } from './support/small-stack';
import { startWebHost, type RunningHost } from './support/web-host';

const BROKEN = `heat_template_version: 2018-08-31
resources:
  first:
    type: OS::Heat::Value
    properties:
      value: { get_param: missing_one }
`;

describe('the studio in Simplified Chinese', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-zh-'));
  const stackName = `e2e-zh-${Date.now().toString(36)}`;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let profileId = '';

  /** The page's visible text has none of the glossary's forbidden variants. */
  async function speaksTheGlossary(): Promise<void> {
    const text = await page.locator('body').innerText();
    expect(forbiddenVariants(text).map((f) => f.variant)).toEqual([]);
  }

  beforeAll(async () => {
    const cloud = loadTestCloud();
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    profileId = seed.profiles.create(passwordProfile(cloud, 'demo', { name: 'e2e-demo' }), cloud.users.demo.password).id;
    seed.library.create({ name: 'e2e-zh-small', description: '两个值', tags: [], from: { kind: 'yaml', yaml: SMALL } });
    seed.library.create({ name: 'e2e-zh-broken', description: '引用了未声明的参数', tags: [], from: { kind: 'yaml', yaml: BROKEN } });
    seed.dispose();
    host = await startWebHost(dataDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await removeStackAndData(dataDir, profileId, stackName);
  });

  it('shows the library in the seed’s words: 模版库, 可视化编排, 编排部署, 可使用', async () => {
    await page.goto(host.url);
    await page.getByTestId('language').selectOption('zh-CN');
    await expect(page.getByTestId('nav-library').textContent()).resolves.toContain('模版库');
    await expect(page.getByTestId('nav-editor').textContent()).resolves.toContain('可视化编排');
    await expect(page.getByTestId('nav-stacks').textContent()).resolves.toContain('编排部署');
    await page.getByTestId('template-external-network-server').click();
    await expect(page.getByTestId('template-external-network-server').textContent()).resolves.toContain('外部网络云主机');
    await page.getByTestId('template-e2e-zh-small').click();
    await expect(page.getByTestId('template-e2e-zh-small').textContent()).resolves.toContain('可使用');
    await screenshot(page, 'zh-CN-library');
    await speaksTheGlossary();
  });

  it('creates a template from the system recommendation with the seed’s create modes', async () => {
    await page.getByTestId('new-template').click();
    const dialog = page.locator('dialog[open]');
    for (const mode of ['从零开始创建', '基于系统推荐模版构建', '从保存模版中导入']) await dialog.getByText(mode).first().waitFor();
    await page.getByTestId('mode-recommended').check();
    await page.getByTestId('choose-external-network-server').click();
    await page.getByTestId('create-name').fill('外部网络云主机副本');
    await screenshot(page, 'zh-CN-create-dialog');
    await speaksTheGlossary();
    await page.getByTestId('create-submit').click();
    await page.getByTestId('editor').waitFor();
    await expect.poll(() => page.getByTestId('editor-name').textContent()).toBe('外部网络云主机副本');
    await page.getByTestId('nav-library').click();
    await expect.poll(() => page.getByTestId('details-name').textContent()).toBe('外部网络云主机副本');
  });

  it('shows the canvas as 可视化编排 with 资源配置区, 配额提示 and 公网IP', async () => {
    await page.getByTestId('edit').click();
    await page.getByTestId('editor').waitFor();
    const editorText = () => page.getByTestId('editor').innerText();
    await expect.poll(editorText).toContain('公网IP');
    for (const word of ['云主机', '云硬盘', '资源配置区', '配额提示']) expect(await editorText()).toContain(word);
    await screenshot(page, 'zh-CN-editor');
    await speaksTheGlossary();
  });

  it('deploys from the library and shows the stack as an 编排部署 with 出错回滚', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('template-e2e-zh-small').click();
    await page.getByTestId('deploy').click();
    const dialog = page.locator('dialog[open]');
    for (const word of ['编排名称', '出错回滚', '创建编排部署']) await dialog.getByText(word).first().waitFor();
    await screenshot(page, 'zh-CN-deploy-dialog');
    await speaksTheGlossary();
    await page.getByTestId('deploy-name').fill(stackName);
    await page.getByTestId('deploy-preview-button').click();
    await page.getByTestId('deploy-preview').waitFor();
    await page.getByTestId('deploy-create').click();
    await expect.poll(() => page.getByTestId('stack-name').textContent()).toBe(stackName);
    await page.waitForFunction(() => document.querySelector('[data-testid=stack-status]')?.getAttribute('data-status') === 'CREATE_COMPLETE', undefined, {
      timeout: 90_000,
    });
    await page.getByTestId('stack-tab-overview').click();
    await expect(page.getByTestId('stack-overview').textContent()).resolves.toContain('出错回滚');
    await expect(page.locator('body').innerText()).resolves.toMatch(/\d+ 个编排部署/);
    await screenshot(page, 'zh-CN-stacks');
    await speaksTheGlossary();
  });

  it('words the HOT checks in Chinese in the Problems panel (names stay as written)', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('template-e2e-zh-broken').click();
    await page.getByTestId('edit').click();
    const problems = page.getByTestId('problems');
    await expect.poll(() => problems.innerText()).toContain('get_param 引用了 "missing_one"，但它不是已声明的参数。');
    expect(await problems.innerText()).toContain('在 parameters 下声明它。');
    // No English words left beyond the template's own names and HOT keywords.
    const words = (await problems.innerText()).match(/[A-Za-z_]{3,}/g) ?? [];
    expect(words.filter((w) => !['get_param', 'missing_one', 'parameters'].includes(w))).toEqual([]);
    await screenshot(page, 'zh-CN-problems');
    await speaksTheGlossary();
  });
});
