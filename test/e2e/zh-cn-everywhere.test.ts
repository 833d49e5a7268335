// The whole studio in zh-CN on the full test cloud as demo (issue 16, "Done
// when"): the library with its tabs and dialogs, the editor in both canvas
// views with the YAML and the inspector of a server, a volume and a floating
// IP, the deploy dialog, the stacks with every tab; and each refusal made to
// happen for real: a broken YAML (Problems panel), a zip that cannot be
// imported, Heat's 409 on a taken name, a failed stack, an over-quota deploy.
// After each, the visible text must hold no English word that is not a name
// (support/english-leftovers.ts); the checks are soft, so one run lists every
// screen's leftovers. Stack sets and cloud profiles: zh-cn-stacksets /
// zh-cn-clouds.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { passwordProfile, requireFullCloud } from '../integration/cloud/test-cloud';
import { launchChromium, screenshot } from './support/browser';
import { canvasIds, nodeAt, nodeData, pasteYaml } from './support/canvas';
import { deleteStacksAndData } from './support/cleanup';
import { expectNoEnglish } from './support/english-leftovers';
import { startWebHost, type RunningHost } from './support/web-host';

const run = Date.now().toString(36);
const T = {
  small: `e2e-zh-small-${run}`,
  failing: `e2e-zh-failing-${run}`,
  quota: `e2e-zh-quota-${run}`,
  inspect: `e2e-zh-inspect-${run}`,
  broken: `e2e-zh-broken-${run}`,
};
const STACK = { ok: `e2e-zh-ok-${run}`, failed: `e2e-zh-failed-${run}` };

const SMALL = `heat_template_version: 2018-08-31
description: 两个值
resources:
  first:
    type: OS::Heat::RandomString
  second:
    type: OS::Heat::Value
    properties:
      value: { get_attr: [first, value] }
outputs:
  secret:
    description: 随机串
    value: { get_attr: [second, value] }
`;
const FAILING = `heat_template_version: 2018-08-31
resources:
  doomed:
    type: OS::Heat::TestResource
    properties:
      fail: true
`;
/** 999999 GiB of volume and 120 networks: over the demo project's Cinder gigabytes and Neutron network quotas (100), without touching the quota. */
const OVER_QUOTA = `heat_template_version: 2018-08-31
resources:
  huge:
    type: OS::Cinder::Volume
    properties:
      size: 999999
${Array.from({ length: 120 }, (_, i) => `  net_${i}:\n    type: OS::Neutron::Net\n`).join('')}`;
const INSPECT = (image: string, net: string) => `heat_template_version: 2018-08-31
resources:
  net:
    type: OS::Neutron::Net
  subnet:
    type: OS::Neutron::Subnet
    properties: { network: { get_resource: net }, cidr: 10.41.0.0/24 }
  server:
    type: OS::Nova::Server
    properties:
      image: ${image}
      flavor: m1.tiny
      networks: [{ network: { get_resource: net } }]
  disk:
    type: OS::Cinder::Volume
    properties: { size: 1 }
  attach:
    type: OS::Cinder::VolumeAttachment
    properties: { instance_uuid: { get_resource: server }, volume_id: { get_resource: disk } }
  fip:
    type: OS::Neutron::FloatingIP
    properties: { floating_network: ${net} }
`;
const BROKEN = `heat_template_version: 2018-08-31
resources:
  first:
    type: OS::Heat::Value
    properties:
      value: { get_param: missing_one }
`;

/** What the test named (templates, stacks, profile) and the HOT words its templates use: names, not the studio's words. */
const NAMES = [
  'backups', // the backups folder beside the library file, by its name on disk
...Object.values(T), ...Object.values(STACK), 'e2e-zh-demo', 'missing_one', 'get_param', 'get_attr', 'get_resource', 'first', 'second', 'secret', 'doomed', 'huge', 'server', 'disk', 'attach', 'fip', 'net', 'subnet', 'cirros', 'public', 'demo', 'RegionOne', 'resources', 'parameters', 'outputs', 'properties', 'value', 'fail', 'size', 'type'];

describe('every screen in zh-CN, with no English left (full cloud, demo)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-zh-all-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let profileId = '';

  const check = (screen: string, names: string[] = []) => expectNoEnglish(page, screen, [...NAMES, ...names]);
  const shot = async (name: string, screen: string, names: string[] = []) => {
    await screenshot(page, `zh-all-${name}`);
    await check(screen, names);
  };
  const openTemplate = async (name: string) => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId(`template-${name}`).click();
    await expect.poll(() => page.getByTestId('details-name').textContent()).toBe(name);
  };
  const closeDialog = async () => {
    // The dialog's own cancel (what Esc sends), wherever the focus is.
    await page.evaluate(() => document.querySelector('dialog[open]')?.dispatchEvent(new Event('cancel', { cancelable: true })));
    await page.locator('dialog[open]').waitFor({ state: 'detached', timeout: 5_000 });
  };
  const waitStatus = (status: string) =>
    page.waitForFunction((s) => document.querySelector('[data-testid=stack-status]')?.getAttribute('data-status') === s, status, { timeout: 120_000 });

  beforeAll(async () => {
    const cloud = requireFullCloud();
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    profileId = seed.profiles.create(passwordProfile(cloud, 'demo', { name: 'e2e-zh-demo', sandbox: false }), cloud.users.demo.password).id;
    seed.library.create({ name: T.small, description: '两个值', tags: ['演示'], from: { kind: 'yaml', yaml: SMALL } });
    seed.library.create({ name: T.failing, description: '', tags: [], from: { kind: 'yaml', yaml: FAILING } });
    seed.library.create({ name: T.quota, description: '', tags: [], from: { kind: 'yaml', yaml: OVER_QUOTA } });
    seed.library.create({ name: T.inspect, description: '', tags: [], from: { kind: 'yaml', yaml: INSPECT(cloud.image, cloud.publicNetwork) } });
    seed.library.create({ name: T.broken, description: '', tags: [], from: { kind: 'yaml', yaml: BROKEN } });
    seed.dispose();
    NAMES.push(cloud.image, cloud.publicNetwork);
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
    await deleteStacksAndData(dataDir, profileId, Object.values(STACK));
  });

  it('library: the list and every tab of a template', async () => {
    await openTemplate(T.small);
    await shot('library', '模版库 · 概览');
    for (const tab of ['topology', 'deployments', 'yaml', 'versions', 'files']) {
      const button = page.getByTestId(`tab-${tab}`);
      if (!(await button.count())) continue;
      await button.click();
      await page.waitForTimeout(300);
      await shot(`library-${tab}`, `模版库 · ${tab}`);
    }
    await page.getByTestId('tab-overview').click();
  });

  it('library: its dialogs (create in each mode, rename, tags, delete, libraries, library file, app export)', async () => {
    await page.getByTestId('new-template').click();
    for (const mode of ['blank', 'recommended', 'saved']) {
      await page.getByTestId(`mode-${mode}`).check();
      await shot(`create-${mode}`, `创建模版 · ${mode}`);
    }
    await closeDialog();
    for (const [button, name] of [['rename', 'rename'], ['edit-tags', 'tags'], ['delete', 'delete-confirm'], ['export-app', 'export-app']] as const) {
      await openTemplate(T.small);
      await page.getByTestId(button).click();
      await page.locator('dialog[open]').waitFor();
      await page.waitForTimeout(500);
      await shot(`dialog-${name}`, `模版库 · ${name}`, ['演示']);
      await closeDialog();
    }
    for (const button of ['manage-libraries', 'library-file']) {
      if (!(await page.getByTestId(button).count())) continue;
      await page.getByTestId(button).click();
      await page.locator('dialog[open]').waitFor();
      await shot(`dialog-${button}`, `模版库 · ${button}`);
      await closeDialog();
    }
  });

  it('library: the import dialog in each mode, and a zip that cannot be imported', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('import').click();
    const modes = await page.locator('[data-testid^=import-mode-]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
    for (const mode of modes) {
      await page.getByTestId(mode).click();
      await shot(`import-${mode}`, `导入 · ${mode}`);
    }
    const badZip = join(dataDir, 'not-a-bundle.zip');
    writeFileSync(badZip, 'this is not a zip archive');
    await page.getByTestId('import-mode-zip').click();
    await page.getByTestId('import-zip-input').setInputFiles(badZip);
    await page.getByTestId('import-submit').click();
    await page.locator('.toast.error').first().waitFor({ timeout: 30_000 });
    await shot('import-bad-zip', '导入 · 无法导入的 zip', ['not-a-bundle.zip']);
    await closeDialog();
    await page.locator('.toast.error button').first().click();
  });

  it('editor: both canvas views, the YAML and the inspector of a server, a volume and a floating IP', async () => {
    await openTemplate(T.inspect);
    await page.getByTestId('edit').click();
    await page.getByTestId('editor').waitFor();
    await nodeAt(page, 'server');
    await shot('editor-seed-view', '可视化编排 · 种子视图');
    await page.getByTestId('view-full').click();
    await shot('editor-full-view', '可视化编排 · 全部资源');
    for (const type of ['OS::Nova::Server', 'OS::Cinder::Volume', 'OS::Neutron::FloatingIP']) {
      const ids = await canvasIds(page);
      let id: string | undefined;
      for (const candidate of ids) if ((await nodeData(page, candidate))?.type === type) id = candidate;
      expect(id, `a ${type} node on the canvas`).toBeDefined();
      const at = await nodeAt(page, id!);
      await page.mouse.click(at.x, at.y);
      await expect.poll(() => page.getByTestId('inspector-type').textContent()).toBe(type);
      await page.waitForTimeout(500); // the quota panel and the pickers answer
      await shot(`inspector-${type.split('::')[2]!.toLowerCase()}`, `资源配置区 · ${type}`);
    }
    await page.getByTestId('view-seed').click();
    await page.getByTestId('save').click();
    await page.getByTestId('save-dialog').waitFor();
    await shot('editor-save-dialog', '可视化编排 · 保存');
    await closeDialog();
  });

  it('editor: a broken YAML in the Problems panel (an undeclared parameter, then a syntax error)', async () => {
    await openTemplate(T.broken);
    await page.getByTestId('edit').click();
    await expect.poll(() => page.getByTestId('problems').innerText()).toContain('missing_one');
    await shot('problems-undeclared', '问题 · 未声明的参数');
    await pasteYaml(page, 'heat_template_version: 2018-08-31\nresources:\n  first: [\n');
    await page.getByTestId('parse-error').waitFor();
    await shot('problems-syntax', '问题 · YAML 语法错误');
  });

  it('deploy: the dialog, a stack that completes, and its tabs (overview with outputs, topology, deployment, events, Gantt, template)', async () => {
    await openTemplate(T.small);
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-name').fill(STACK.ok);
    await shot('deploy-dialog', '创建编排部署');
    await page.getByTestId('deploy-preview-button').click();
    await page.getByTestId('deploy-preview').waitFor({ timeout: 60_000 });
    await shot('deploy-preview', '创建编排部署 · 预览');
    await page.getByTestId('deploy-create').click();
    await expect.poll(() => page.getByTestId('stack-name').textContent()).toBe(STACK.ok);
    await waitStatus('CREATE_COMPLETE');
    await shot('stacks-list', '编排部署 · 列表');
    for (const tab of ['overview', 'topology', 'deployment', 'events', 'template']) {
      await page.getByTestId(`stack-tab-${tab}`).click();
      await page.waitForTimeout(800);
      await shot(`stack-${tab}`, `编排部署 · ${tab}`);
    }
    await page.getByTestId('stack-tab-events').click();
    await page.getByTestId('events-view-gantt').check();
    await page.getByTestId('events-gantt').waitFor();
    await shot('stack-gantt', '编排部署 · 甘特图');
    await page.getByTestId('stack-update').click();
    await page.locator('[data-testid=update-dialog]:not([data-loading])').waitFor();
    await shot('stack-update-dialog', '编排部署 · 更新');
    await closeDialog();
    await page.getByTestId('stack-delete').click();
    await page.getByTestId('confirm').waitFor();
    await shot('stack-delete-confirm', '编排部署 · 删除确认');
    await closeDialog();
  });

  it('refusal: Heat’s 409 on a stack name that exists', async () => {
    await openTemplate(T.small);
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-name').fill(STACK.ok);
    await page.getByTestId('deploy-preview-button').click();
    await page.getByTestId('deploy-error').waitFor({ timeout: 60_000 });
    await shot('deploy-409', '创建编排部署 · 名称已存在 (409)');
    await closeDialog();
  });

  it('refusal: an over-quota deploy', async () => {
    await openTemplate(T.quota);
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-quota').waitFor({ timeout: 60_000 });
    await shot('deploy-over-quota', '创建编排部署 · 超出配额');
    await closeDialog();
  });

  it('failure: a stack whose TestResource fails, with its diagnosis', async () => {
    await openTemplate(T.failing);
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-name').fill(STACK.failed);
    await page.getByTestId('deploy-rollback').uncheck();
    await page.getByTestId('deploy-preview-button').click();
    await page.getByTestId('deploy-preview').waitFor({ timeout: 60_000 });
    await page.getByTestId('deploy-create').click();
    await waitStatus('CREATE_FAILED');
    await page.getByTestId('diagnosis-reason').waitFor();
    await page.getByTestId('stack-tab-overview').click();
    await shot('stack-failed', '编排部署 · 失败诊断');
    await page.getByTestId('stack-tab-events').click();
    await page.waitForTimeout(800);
    await shot('stack-failed-events', '编排部署 · 失败事件');
  });
});
