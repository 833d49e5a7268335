// Tab order on every screen and in the dialogs (issue 19): Tab walks the
// controls in reading order (top to bottom, left to right, column by
// column), every stop shows a focus ring, a dialog keeps the focus inside
// it, and Esc closes it and gives the focus back to the control that opened it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { loadTestCloud, passwordProfile } from '../integration/cloud/test-cloud';
import { screenshot } from './support/browser';
import { outOfOrder, walkScreen, walkTabs, type TabStop } from './support/tab-walk';
import { SMALL_TEMPLATE as SMALL } from './support/small-stack';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

describe('Tab order, focus rings and dialog focus', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-tab-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  const noRing = (stops: readonly TabStop[]) => stops.filter((s) => !s.ring).map((s) => s.name);
  const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

  /** Walks the screen from the top (the focus put back on the page itself) and checks every stop. */
  async function checkScreen(screen: string, max?: number): Promise<TabStop[]> {
    const stops = await walkScreen(page, max);
    console.log(`tab ${screen}: ${stops.length} stops\n${stops.map((s) => `  ${s.name} (${s.x},${s.y})${s.ring ? '' : ' NO RING'}`).join('\n')}`);
    expect(stops.length, screen).toBeGreaterThan(3);
    expect(noRing(stops), `${screen}: stops without a focus ring`).toEqual([]);
    expect(outOfOrder(stops), `${screen}: stops out of reading order`).toEqual([]);
    return stops;
  }

  /** Opens a dialog from its button with the keyboard, walks it, closes it with Esc. */
  async function checkDialog(opener: string): Promise<void> {
    await page.getByTestId(opener).focus();
    await page.keyboard.press('Enter');
    await page.locator('dialog[open]').first().waitFor();
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('dialog[open]')), { message: `${opener}: focus moves into the dialog` })
      .toBe(true);
    const inside = await page
      .locator('dialog[open]')
      .first()
      .evaluate((d) => d.querySelectorAll('button, input, select, textarea, a[href], [tabindex="0"]').length);
    // Twice round: the focus must wrap from the last control to the first, never leave.
    const stops: TabStop[] = [];
    for (let i = 0; i < inside * 2 + 2; i++) {
      await page.keyboard.press('Tab');
      const s = await page.evaluate(() => ({
        inDialog: !!document.activeElement?.closest('dialog[open]'),
        name: document.activeElement?.outerHTML.slice(0, 80) ?? '',
      }));
      expect(s.inDialog, `${opener}: Tab ${i + 1} left the dialog for ${s.name}`).toBe(true);
    }
    stops.push(...(await walkTabs(page, inside + 2)));
    expect(noRing(stops), `${opener}: dialog stops without a focus ring`).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count(), { message: `${opener}: Esc closes the dialog` }).toBe(0);
    await expect.poll(focusedTestId, { message: `${opener}: the focus comes back to the opener` }).toBe(opener);
  }

  beforeAll(async () => {
    const cloud = loadTestCloud();
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    seed.profiles.create(passwordProfile(cloud, 'demo', { name: 'e2e-tab' }), cloud.users.demo.password);
    seed.library.create({ name: 'e2e-tab-small', description: '两个值', tags: ['e2e'], from: { kind: 'yaml', yaml: SMALL } });
    seed.dispose();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' }));
    await page.goto(host.url);
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByTestId('template-e2e-tab-small').click();
  });

  afterAll(async () => {
    await closeSession({ browser, host });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the library', async () => {
    await checkScreen('library');
    await screenshot(page, 'tab-library');
  });

  it('the library dialogs trap the focus and give it back on Esc', async () => {
    // (Deploy opens its dialog on the stacks screen, where the library's button no longer is.)
    for (const opener of ['new-template', 'import', 'library-file', 'create-from-app', 'rename', 'edit-tags']) await checkDialog(opener);
  });

  it('the editor', async () => {
    await page.getByTestId('template-e2e-tab-small').click();
    await page.getByTestId('edit').click();
    await page.getByTestId('editor').waitFor();
    // The palette lists every resource type, one stop each.
    await checkScreen('editor', 400);
    await screenshot(page, 'tab-editor');
    await checkDialog('save');
  });

  it('the stacks screen', async () => {
    await page.getByTestId('nav-stacks').click();
    await page.getByTestId('nav-stacks').waitFor();
    await checkScreen('stacks');
  });

  it('stack sets', async () => {
    await page.getByTestId('nav-stacksets').click();
    await page.getByTestId('new-stackset').waitFor();
    await checkScreen('stacksets');
    await checkDialog('new-stackset');
  });

  it('cloud profiles', async () => {
    await page.getByTestId('nav-clouds').click();
    await page.getByTestId('import-profiles').waitFor();
    await checkScreen('clouds');
    await checkDialog('import-profiles');
  });

  it('the command palette and the shortcut sheet', async () => {
    await page.getByTestId('nav-library').focus();
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-palette').waitFor();
    expect(await focusedTestId()).toBe('command-input');
    await page.keyboard.press('Escape');
    await page.getByTestId('command-palette').waitFor({ state: 'detached' });
    await expect.poll(focusedTestId).toBe('nav-library');
  });
});
