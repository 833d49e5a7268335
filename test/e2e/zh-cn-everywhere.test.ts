// Issue 16's "done when", the screens that need no Heat: the whole studio in
// zh-CN, each screen and dialog opened and each refusal made to happen for
// real (a broken YAML, a zip that cannot be imported, a folder that is not a
// library, Keystone down on a closed loopback port), and no English word left
// on screen but names (support/english-leftovers.ts). Screenshotted.
// The screens and errors that need the test cloud are in
// zh-cn-everywhere-cloud.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { zhWalk } from './support/english-leftovers';
import { closeSession, openSession, type BrowserSession } from './support/session';
import { SMALL_TEMPLATE } from './support/small-stack';

const NAMES = ['e2e-zh-walk', 'first', 'second', 'e2e-keystone-down', 'RegionOne', 'demo', 'Default'];

describe('every screen in Simplified Chinese, with no English but names', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-zh-walk-'));
  const notALibrary = mkdtempSync(join(tmpdir(), 'hs-e2e-not-a-library-'));
  let session: Partial<BrowserSession> = {};
  let page: Page;

  let walk: ReturnType<typeof zhWalk>;
  const speaksChinese = (shot: string, more: readonly string[] = []) => walk.speaksChinese(shot, more);
  const closeDialog = () => walk.closeDialog();

  beforeAll(async () => {
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    seed.library.create({ name: 'e2e-zh-walk', description: '两个值', tags: ['演示'], from: { kind: 'yaml', yaml: SMALL_TEMPLATE } });
    seed.dispose();
    writeFileSync(join(notALibrary, 'notes.txt'), '这不是模版库\n');
    session = await openSession(dataDir, { viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    page = session.page!;
    walk = zhWalk(page, NAMES);
    await page.goto(session.host!.url);
    await page.getByTestId('language').selectOption('zh-CN');
  });

  afterAll(async () => {
    await closeSession(session);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(notALibrary, { recursive: true, force: true });
  });

  it('模版库: the list, a template’s tabs and the create dialog', async () => {
    await page.getByTestId('template-e2e-zh-walk').click();
    await page.getByTestId('details').waitFor();
    await speaksChinese('library');
    for (const tab of ['topology', 'versions', 'deployments', 'files']) {
      await page.getByTestId(`tab-${tab}`).click();
      await speaksChinese(`library-${tab}`);
    }
    await page.getByTestId('tab-overview').click();
    await page.getByTestId('new-template').click();
    await page.locator('dialog[open]').waitFor();
    await speaksChinese('create-dialog');
    await page.getByTestId('mode-recommended').check();
    await speaksChinese('create-recommended');
    await closeDialog();
  });

  it('a zip that cannot be imported is refused in Chinese', async () => {
    await page.getByTestId('import').click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await speaksChinese('import-dialog');
    await page.getByTestId('import-mode-zip').click();
    await speaksChinese('import-zip');
    await page.getByTestId('import-zip-input').setInputFiles({ name: 'broken.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') });
    await page.getByTestId('import-submit').click();
    await expect
      .poll(
        () =>
          page
            .locator('[role=alert], .toast')
            .allInnerTexts()
            .then((t) => t.join('\n')),
        { timeout: 15_000 },
      )
      .toMatch(/[\u4e00-\u9fff]/);
    await speaksChinese('import-zip-refused');
    await closeDialog();
  });

  it('a folder that is not a library is refused inside the libraries dialog', async () => {
    await page.getByTestId('manage-libraries').click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await speaksChinese('libraries-dialog', [dataDir]);
    await page.getByTestId('open-library-path').fill(notALibrary);
    await page.getByTestId('open-library').click();
    const refusal = dialog.getByTestId('open-library-error');
    await expect.poll(() => refusal.innerText(), { timeout: 15_000 }).toMatch(/[\u4e00-\u9fff]/);
    await speaksChinese('not-a-library', [dataDir]);
    await closeDialog();
  });

  it('可视化编排: a broken YAML is pointed at by line and column, in Chinese', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('template-e2e-zh-walk').click();
    await page.getByTestId('edit').click();
    await page.getByTestId('editor').waitFor();
    await speaksChinese('editor');
    const line = page.locator('.cm-line', { hasText: 'heat_template_version' }).first();
    await line.click();
    await page.keyboard.press('End');
    await page.keyboard.type('\n  : : [unclosed');
    await page.getByTestId('parse-error').waitFor();
    const problems = await page.getByTestId('problems').innerText();
    expect(problems).toMatch(/第 \d+ 行/);
    await speaksChinese('editor-broken-yaml');
    for (let i = 0; i < 15; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => page.getByTestId('parse-error').count()).toBe(0);
  });

  it('云: the profiles screen, the new-profile form, and Keystone down', async () => {
    await page.getByTestId('nav-clouds').click();
    await page.getByTestId('clouds-view').waitFor();
    await speaksChinese('clouds');
    await page.getByTestId('import-profiles').click();
    await speaksChinese('clouds-import');
    await closeDialog();
    await page.getByTestId('new-profile').click();
    await speaksChinese('profile-form');
    await page.getByTestId('pf-name').fill('e2e-keystone-down');
    await page.getByTestId('pf-authUrl').fill('http://127.0.0.1:1/v3');
    await page.getByTestId('pf-region').fill('RegionOne');
    await page.getByTestId('pf-username').fill('demo');
    await page.getByTestId('pf-project').fill('demo');
    await page.getByTestId('pf-secret').fill('whatever');
    await page.getByTestId('pf-save').click();
    await page.getByTestId('profile-e2e-keystone-down').click();
    await page.getByTestId('test-profile').click();
    await expect.poll(() => page.getByTestId('clouds-view').innerText(), { timeout: 30_000 }).toMatch(/Keystone/);
    await speaksChinese('keystone-down', ['http://127.0.0.1:1/v3', '127.0.0.1:1']);
  });

  it('stack sets: the empty screen and the new stack set dialog', async () => {
    await page.getByTestId('nav-stacksets').click();
    await speaksChinese('stacksets');
    await page.getByTestId('new-stackset').click();
    await page.locator('dialog[open]').waitFor();
    await speaksChinese('stackset-create', ['e2e-keystone-down']);
    await closeDialog();
  });

  it('编排部署 without a reachable cloud says so in Chinese', async () => {
    await page.getByTestId('nav-stacks').click();
    await page.getByTestId('stacks-view').waitFor();
    await speaksChinese('stacks-cloud-down', ['127.0.0.1:1']);
  });
});
