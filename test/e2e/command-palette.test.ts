// The command palette and the "?" sheet in the browser (issue 19): every key
// that opens the palette (Ctrl+K, Ctrl+Shift+P, F1) puts the focus in its
// search box; a query in either language finds an action whatever the UI's
// language; Enter runs the chosen one and it comes first next time; "?"
// outside a text field opens the shortcut sheet and Esc closes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

describe('command palette', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-palette-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  const optionTitles = () => page.locator('#command-list [role=option] .command-title').allInnerTexts();
  const activeOption = () => page.locator('#command-list [role=option][aria-selected=true]').getAttribute('data-testid');

  beforeAll(async () => {
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1400, height: 900 } }));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    await page.getByTestId('template-external-network-server').waitFor();
  });

  afterAll(async () => {
    await closeSession({ browser, host });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens on Ctrl+K, Ctrl+Shift+P and F1 with the focus in its search box, and Esc closes it', async () => {
    for (const key of ['Control+k', 'Control+Shift+P', 'F1']) {
      await page.keyboard.press(key);
      await page.getByTestId('command-palette').waitFor();
      expect(await focusedTestId(), key).toBe('command-input');
      await page.keyboard.press('Escape');
      await page.getByTestId('command-palette').waitFor({ state: 'detached' });
    }
    expect(pageErrors).toEqual([]);
  });

  it('finds an action by its Chinese name in the English UI and runs it with Enter', async () => {
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-input').fill('简体中文');
    await expect.poll(activeOption).toBe('command-global.language:zh-CN');
    await screenshot(page, 'command-palette-en');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('nav-library').textContent()).toContain('模版库');
    expect(await page.getByTestId('command-palette').count()).toBe(0);
  });

  it('finds an action by its English name in the Chinese UI and shows the screen it goes to', async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.getByTestId('command-input').fill('stacks');
    await expect.poll(activeOption).toBe('command-global.go:stacks');
    expect(await page.locator('[data-testid="command-global.go:stacks"]').innerText()).toContain('转到编排部署');
    await screenshot(page, 'command-palette-zh-CN');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('nav-stacks').getAttribute('aria-current')).toBe('page');
  });

  it("lists the action just run first, marked 最近使用, and shows an action's shortcut", async () => {
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-input').waitFor();
    await expect.poll(async () => (await optionTitles())[0]).toContain('转到编排部署');
    expect(await page.locator('[data-testid="command-global.go:stacks"] .command-recent').textContent()).toBe('最近使用');
    expect(await page.locator('[data-testid="command-global.sheet"] kbd').textContent()).toBe('?');
    await page.keyboard.press('Escape');
    await page.getByTestId('command-palette').waitFor({ state: 'detached' });
  });

  it("imports and creates templates from any screen, showing the File menu's keys", async () => {
    await page.getByTestId('nav-stacks').click();
    for (const [action, keys, inDialog] of [
      ['global.import', 'Ctrl+O', 'import-mode-files'],
      ['global.newTemplate', 'Ctrl+N', 'mode-blank'],
    ] as const) {
      await page.keyboard.press('Control+k');
      await page.getByTestId('command-input').fill(action === 'global.import' ? 'import' : '新建模版');
      await expect.poll(activeOption).toBe(`command-${action}`);
      expect(await page.locator(`[data-testid="command-${action}"] kbd`).textContent()).toBe(keys);
      await page.keyboard.press('Enter');
      await page.locator(`dialog[open] [data-testid="${inDialog}"]`).waitFor();
      expect(await page.getByTestId('nav-library').getAttribute('aria-current')).toBe('page');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    }
  });

  it('Esc on the canvas clears the selection, and the editor lists its exports', async () => {
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-input').fill('新建：外部网络云主机');
    await expect.poll(activeOption).toBe('command-global.recommended:external-network-server');
    await page.keyboard.press('Enter');
    await page.getByTestId('editor').waitFor();
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-input').fill('选择资源');
    await expect.poll(activeOption).toMatch(/^command-editor\.select:/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('canvas-announce').textContent()).toMatch(/^已选择/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('canvas-announce').textContent()).toBe('未选择资源。');
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-input').fill('svg');
    await expect.poll(activeOption).toBe('command-editor.exportSvg');
    await page.getByTestId('command-input').fill('png');
    await expect.poll(activeOption).toBe('command-editor.exportPng');
    await page.keyboard.press('Escape');
    // The palette's Esc closed the palette only: the editor did not take it too.
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
  });

  it('says so when nothing matches', async () => {
    await page.keyboard.press('F1');
    await page.getByTestId('command-input').fill('zzqqxx');
    await expect.poll(() => page.getByTestId('command-none').textContent()).toContain('zzqqxx');
    await page.keyboard.press('Escape');
  });

  it('opens the shortcut sheet on "?" outside text fields, not while typing in one', async () => {
    await page.locator('body').focus();
    await page.keyboard.press('Shift+?');
    await page.getByTestId('shortcut-sheet').waitFor();
    expect(await page.getByTestId('shortcut-row-palette').innerText()).toContain('Ctrl+K');
    await screenshot(page, 'shortcut-sheet-zh-CN');
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcut-sheet').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-input').pressSequentially('?');
    expect(await page.getByTestId('command-input').inputValue()).toBe('?');
    expect(await page.getByTestId('shortcut-sheet').count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(pageErrors).toEqual([]);
  });
});
