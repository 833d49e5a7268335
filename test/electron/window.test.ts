// The desktop app itself: the real Electron window over real IPC, checked
// from inside the page. The renderer gets no Node (`require`, `process`,
// `module`, `Buffer`); `window.studio` offers exactly the channels the
// renderer calls; navigation and new windows are refused; the CSP is in
// force; and the library and editor smoke paths run end to end. Where the
// Electron binary (or a display, or the build) is missing, every test is
// reported as skipped with the reason printed, never as passed.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CHANNELS } from '../../shared/ipc/renderer-surface';
import { screenshot } from '../e2e/support/browser';
import { dragOnto, yamlText } from '../e2e/support/canvas';
import { electronReadiness, launchApp, reportReadiness, type RunningApp } from './support/electron-app';

const readiness = electronReadiness();
reportReadiness(readiness);
const skipReason = readiness.ready ? '' : ` — skipped: ${readiness.reason}`;

describe.skipIf(!readiness.ready)(`the Electron window${skipReason}`, () => {
  let running: RunningApp;

  beforeAll(async () => {
    if (!readiness.ready) return;
    running = await launchApp(readiness.executable);
    await running.page.getByTestId('template-shared-network-server').waitFor();
  });

  afterAll(async () => {
    await running?.close();
    if (running) rmSync(running.dataDir, { recursive: true, force: true });
  });

  it('loads the renderer from app://studio/', () => {
    expect(new URL(running.page.url()).origin).toBe('app://studio');
  });

  it('gives the page no Node globals', async () => {
    const globals = await running.page.evaluate(() => {
      const w = globalThis as Record<string, unknown>;
      return ['require', 'process', 'module', 'Buffer', 'global', '__dirname', 'setImmediate'].filter((k) => typeof w[k] !== 'undefined');
    });
    expect(globals).toEqual([]);
  });

  it('exposes window.studio with only invoke, onEvent, host and the renderer channels', async () => {
    const bridge = await running.page.evaluate(() => {
      const s = (window as unknown as { studio: { host: string; channels: string[] } }).studio;
      return { keys: Object.keys(s).sort(), host: s.host, channels: [...s.channels].sort() };
    });
    expect(bridge.keys).toEqual(['channels', 'host', 'invoke', 'onEvent']);
    expect(bridge.host).toBe('electron');
    expect(bridge.channels).toEqual([...RENDERER_CHANNELS].sort());
  });

  it('refuses a contract channel the renderer never calls, over the real bridge', async () => {
    const r = await running.page.evaluate(() =>
      (window as unknown as { studio: { invoke(c: string, r: unknown): Promise<unknown> } }).studio.invoke('cloud.stacks.create', {}),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses navigation away from the app', async () => {
    const before = running.page.url();
    await running.page.evaluate(() => {
      location.href = 'http://127.0.0.1:9/';
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(running.page.url()).toBe(before);
  });

  it('refuses window.open (no second window)', async () => {
    // Not an http URL: the app hands those to the system browser.
    const opened = await running.page.evaluate(() => window.open('app://studio/#popup') === null && window.open('file:///etc/hostname') === null);
    await new Promise((r) => setTimeout(r, 500));
    expect(opened).toBe(true);
    expect(running.app.windows()).toHaveLength(1);
  });

  it('has the CSP in force: the header on every answer, and an injected inline script does not run', async () => {
    const result = await running.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 100));
      const header = async (path: string) => (await fetch(path)).headers.get('content-security-policy');
      return {
        ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
        violations,
        index: await header('/'),
        fallback: await header('/no/such/route'),
      };
    });
    expect(result.ran).toBe(false);
    expect(result.violations.some((d) => d.startsWith('script-src'))).toBe(true);
    expect(result.index).toContain("script-src 'self'");
    expect(result.fallback).toBe(result.index);
  });

  it('creates a template in the library over real IPC', async () => {
    const page = running.page;
    await page.getByTestId('new-template').click();
    await page.getByTestId('create-name').fill('desktop smoke');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('editor').waitFor();
    await expect.poll(() => page.getByTestId('editor-name').textContent()).toBe('desktop smoke');
    await screenshot(page, 'electron-library');
  });

  it('edits it on the canvas and saves a version, which the library then shows', async () => {
    const page = running.page;
    await dragOnto(page, 'palette-server', { dx: 60, dy: 60 });
    await expect.poll(() => yamlText(page)).toContain('type: OS::Nova::Server');
    await page.keyboard.press('Control+s');
    await page.getByTestId('save-dialog').waitFor();
    await page.getByTestId('save-description').fill('from the desktop window');
    await page.getByTestId('save-submit').click();
    await page.getByText('Saved version 2').waitFor();
    await screenshot(page, 'electron-editor');
    await page.getByTestId('nav-library').click();
    await page.getByTestId('template-desktop smoke').waitFor();
  });
});
