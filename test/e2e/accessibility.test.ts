// Every screen and every dialog of the studio in zh-CN, scanned by axe-core
// (issue 19): the results are printed, and a serious or critical violation
// fails the run. The cloud is the real test cloud; one small stack is
// deployed so the stack screen shows a stack, its tabs and its events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { loadTestCloud, passwordProfile } from '../integration/cloud/test-cloud';
import { launchChromium, screenshot } from './support/browser';
import { scanPage } from './support/axe';
import { canvasIds, nodeAt, yamlText } from './support/canvas';
import { removeStackAndData, SMALL_TEMPLATE as SMALL } from './support/small-stack';
import { startWebHost, type RunningHost } from './support/web-host';

describe('the studio has no serious or critical axe-core violation', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-axe-'));
  const stackName = `e2e-axe-${Date.now().toString(36)}`;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let profileId = '';
  const blocking: string[] = [];
  const scanned: string[] = [];

  async function scan(screen: string): Promise<void> {
    await screenshot(page, `a11y-${screen}`);
    blocking.push(...(await scanPage(page, screen)).blocking);
    scanned.push(screen);
  }
  /** Scans the open dialog, then closes it with Escape, as a keyboard user would. */
  async function scanDialog(screen: string): Promise<void> {
    await page.locator('dialog[open]').first().waitFor();
    await scan(screen);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
  }

  beforeAll(async () => {
    const cloud = loadTestCloud();
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    profileId = seed.profiles.create(passwordProfile(cloud, 'demo', { name: 'e2e-demo' }), cloud.users.demo.password).id;
    const small = seed.library.create({ name: 'e2e-axe-small', description: '两个值', tags: ['e2e'], from: { kind: 'yaml', yaml: SMALL } });
    // A second version, so the versions tab shows its comparison of two versions.
    seed.library.saveVersion({
      id: small.id,
      yaml: SMALL.replace('one after the other', 'the second a copy of the first'),
      layout: {},
      files: {},
      environment: null,
      note: 'longer',
    });
    seed.dispose();
    host = await startWebHost(dataDir);
    browser = await launchChromium();
    // The studio's CSP allows its own scripts only: the test injects axe, the app's policy stays as shipped.
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', bypassCSP: true });
    await page.goto(host.url);
    await page.getByTestId('language').selectOption('zh-CN');
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await removeStackAndData(dataDir, profileId, stackName);
  });

  it('the library and its dialogs', async () => {
    await page.getByTestId('template-e2e-axe-small').click();
    await scan('library');
    for (const [button, name] of [
      ['new-template', 'create-dialog'],
      ['import', 'import-dialog'],
      ['library-file', 'library-file-dialog'],
      ['create-from-app', 'import-app-dialog'],
      ['rename', 'rename-dialog'],
      ['edit-tags', 'tags-dialog'],
      ['deploy', 'deploy-dialog'],
      ['export-app', 'export-app-dialog'],
      ['delete', 'delete-confirm'],
    ] as const) {
      // The deploy dialog opens on the stacks screen: back to the library and the template each time.
      await page.getByTestId('nav-library').click();
      await page.getByTestId('template-e2e-axe-small').click();
      await page.getByTestId(button).click();
      await scanDialog(name);
    }
    // The version history with the comparison of v1 and v2.
    await page.getByTestId('nav-library').click();
    await page.getByTestId('template-e2e-axe-small').click();
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('diff-from').waitFor();
    await scan('library-versions-diff');
  });

  it('the command palette and the shortcut sheet', async () => {
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-input').fill('转到');
    await scanDialog('command-palette');
    await page.locator('body').focus();
    await page.keyboard.press('Shift+?');
    await page.getByTestId('shortcut-sheet').waitFor();
    await scanDialog('shortcut-sheet');
  });

  it('the editor and its save dialog', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('template-e2e-axe-small').click();
    await page.getByTestId('edit').click();
    await page.getByTestId('editor').waitFor();
    await scan('editor');
    await page.getByTestId('palette-tab-existing').click();
    await scan('editor-existing');
    await page.getByTestId('palette-tab-system').click();
    // The screen reader's view of the canvas: the live region names the selection and its connections.
    const first = await nodeAt(page, 'first');
    await page.mouse.click(first.x, first.y);
    await expect.poll(() => page.getByTestId('canvas-announce').textContent()).toBe('已选择 first（OS::Heat::RandomString）。 连接到 second。');
    await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
    await expect.poll(() => page.getByTestId('canvas-announce').textContent()).toBe('未选择资源。');
    await page.getByTestId('save').click();
    await scanDialog('save-dialog');
  });

  it('reaches a palette item with Tab and adds it with Enter', async () => {
    await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
    await page.getByTestId('language').focus();
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'palette-private-network');
    }
    expect(reached).toBe(true);
    await screenshot(page, 'a11y-palette-focus');
    const before = await canvasIds(page);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await canvasIds(page)).length).toBeGreaterThan(before.length);
    expect(await yamlText(page)).toContain('OS::Neutron::Net');
  });

  it('the stacks screen with a deployed stack', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('template-e2e-axe-small').click();
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-name').fill(stackName);
    await page.getByTestId('deploy-preview-button').click();
    await page.getByTestId('deploy-preview').waitFor();
    await scan('deploy-preview');
    await page.getByTestId('deploy-create').click();
    await expect.poll(() => page.getByTestId('stack-name').textContent()).toBe(stackName);
    await page.waitForFunction(() => document.querySelector('[data-testid=stack-status]')?.getAttribute('data-status') === 'CREATE_COMPLETE', undefined, {
      timeout: 90_000,
    });
    await scan('stacks');
    for (const tab of ['overview', 'events']) {
      const button = page.getByTestId(`stack-tab-${tab}`);
      if (await button.count()) {
        await button.click();
        await scan(`stacks-${tab}`);
      }
    }
    for (const [button, name] of [
      ['stack-update', 'stack-update-dialog'],
      ['stack-delete', 'stack-delete-confirm'],
    ] as const) {
      await page.getByTestId(button).click();
      await scanDialog(name);
    }
  });

  it('stack sets and the create dialog', async () => {
    await page.getByTestId('nav-stacksets').click();
    await scan('stacksets');
    await page.getByTestId('new-stackset').click();
    await scanDialog('stackset-create-dialog');
    // A set (nothing deployed) to open the operation dialog on.
    await page.getByTestId('new-stackset').click();
    await page.getByTestId('ss-name').fill(`${stackName}-set`);
    await page.getByTestId('ss-template').selectOption({ label: 'e2e-axe-small · v2' });
    await page.getByTestId('ss-profile-e2e-demo').check();
    await page.getByTestId('ss-create-submit').click();
    await page.getByTestId('stackset-name').waitFor();
    await scan('stackset-details');
    await page.getByTestId('action-CREATE_STACK_INSTANCES').click();
    await scanDialog('stackset-operation-dialog');
  });

  it('cloud profiles, the profile form and the import dialog', async () => {
    await page.getByTestId('nav-clouds').click();
    await scan('clouds');
    await page.getByTestId('new-profile').click();
    await page.getByTestId('profile-form').waitFor();
    await scan('profile-form');
    await page.getByTestId('import-profiles').click();
    await scanDialog('clouds-import-dialog');
  });

  it('reports no serious or critical violation on any of them', () => {
    // A screen that failed to open is not a clean screen: every one must have been scanned.
    expect(scanned).toEqual(
      expect.arrayContaining([
        ...[
          'library',
          'create-dialog',
          'import-dialog',
          'library-file-dialog',
          'import-app-dialog',
          'rename-dialog',
          'tags-dialog',
          'deploy-dialog',
          'export-app-dialog',
          'delete-confirm',
          'library-versions-diff',
        ],
        ...['command-palette', 'shortcut-sheet', 'editor', 'save-dialog', 'deploy-preview', 'stacks', 'stack-update-dialog', 'stack-delete-confirm'],
        ...['stacksets', 'stackset-create-dialog', 'stackset-details', 'stackset-operation-dialog', 'clouds', 'profile-form', 'clouds-import-dialog'],
      ]),
    );
    expect(blocking).toEqual([]);
  });
});
