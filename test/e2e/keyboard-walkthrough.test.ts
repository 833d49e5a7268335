// The seed walkthrough (server, networks, key pair, volume, public IP) built
// twice in Chromium: once by mouse as editor.test.ts does it, once with the
// keyboard only (command palette, C's connect list, Ctrl+S): the two YAMLs
// are equal, and no mouse event reaches the page in the keyboard half.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';
import { connectByDrag, dragOnto, yamlText } from './support/canvas';

describe('the seed walkthrough by keyboard only', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-keys-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let mouseYaml = '';
  let keysId = '';

  const hasNode = (id: string) => page.waitForFunction((nid) => (window as unknown as { __hsCanvas: { ids(): string[] } }).__hsCanvas.ids().includes(nid), id);
  async function command(query: string, id: string): Promise<void> {
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-input').waitFor();
    await page.keyboard.type(query);
    await expect.poll(() => page.locator('#command-list [aria-selected=true]').getAttribute('data-testid')).toBe(`command-${id}`);
    await page.keyboard.press('Enter');
    await page.getByTestId('command-palette').waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    seed.library.create({ name: 'by-mouse', description: '', tags: [], from: { kind: 'blank' } });
    keysId = seed.library.create({ name: 'by-keys', description: '', tags: [], from: { kind: 'blank' } }).id;
    seed.dispose();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1440, height: 900 }, locale: 'en-US' }));
    await page.goto(host.url);
    await page.getByTestId('template-by-keys').waitFor();
  });

  afterAll(async () => {
    await closeSession({ browser, host });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('builds it by mouse (as editor.test.ts)', async () => {
    await page.getByTestId('template-by-mouse').click();
    await page.getByTestId('edit').click();
    await page.getByTestId('editor').waitFor();
    await dragOnto(page, 'palette-server', { dx: 60, dy: 60 });
    await hasNode('server_1');
    await dragOnto(page, 'palette-key-pair', { dx: 60, dy: 60 });
    await hasNode('key_pair_1');
    await connectByDrag(page, 'server_1', 'key_pair_1');
    await expect.poll(() => yamlText(page)).toContain('key_name: { get_resource: key_pair_1 }');
    await dragOnto(page, 'palette-volume', 'server_1');
    await expect.poll(() => yamlText(page)).toContain('OS::Cinder::VolumeAttachment');
    await dragOnto(page, 'palette-floating-ip', 'server_1');
    await expect.poll(() => yamlText(page)).toContain('OS::Neutron::FloatingIPAssociation');
    mouseYaml = await yamlText(page);
  });

  it('builds the same YAML with the keyboard only and saves it', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { __mouseEvents: number };
      w.__mouseEvents = 0;
      for (const t of ['mousedown', 'mouseup', 'click', 'pointerdown', 'dragstart', 'drop'])
        window.addEventListener(
          t,
          (ev) => {
            // Enter on a button fires a click with detail 0: the keyboard's, not a mouse's.
            if (ev.type !== 'click' || (ev as MouseEvent).detail > 0) w.__mouseEvents++;
          },
          true,
        );
    });
    await command('Open template by-keys', `global.open:${keysId}`);
    await page.getByTestId('editor').waitFor();
    await command('Add Server', 'editor.add:server');
    await hasNode('server_1');
    await command('Add Key pair', 'editor.add:key-pair');
    await hasNode('key_pair_1');
    await command('Select resource server_1', 'editor.select:server_1');
    await page.keyboard.press('c');
    await page.getByTestId('command-input').waitFor();
    await page.keyboard.type('key_pair_1');
    await expect.poll(() => page.locator('#command-list [aria-selected=true]').getAttribute('data-testid')).toBe('command-editor.connect:key_pair_1');
    await page.keyboard.press('Enter');
    await expect.poll(() => yamlText(page)).toContain('key_name: { get_resource: key_pair_1 }');
    await command('Select resource server_1', 'editor.select:server_1');
    await command('Add Volume', 'editor.add:volume');
    await expect.poll(() => yamlText(page)).toContain('OS::Cinder::VolumeAttachment');
    await command('Select resource server_1', 'editor.select:server_1');
    await command('Add Floating IP', 'editor.add:floating-ip');
    await expect.poll(() => yamlText(page)).toContain('OS::Neutron::FloatingIPAssociation');
    expect(await yamlText(page)).toBe(mouseYaml);
    await page.keyboard.press('Control+s');
    await page.locator('dialog[open]').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('editor').innerText()).toContain('version 2');
    await screenshot(page, 'keyboard-walkthrough');
    expect(await page.evaluate(() => (window as unknown as { __mouseEvents: number }).__mouseEvents)).toBe(0);
  });
});
