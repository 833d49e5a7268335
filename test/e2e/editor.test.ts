// The seed's "create a server from scratch" walkthrough, by drag and drop in
// Chromium against `npm run web`: a blank template, a server dropped on the
// empty canvas (rule 1 adds the external network, router and private
// network), a key pair connected by dragging between nodes, a volume and a
// floating IP dropped on the server; the YAML follows; a property edited in
// the YAML shows in the inspector; undo both; save; reopen. Then the tools:
// PNG/SVG export, go-to-definition from the YAML, copy/paste, align, and
// "Edit" on a recommended template opening a copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';
import { connectByDrag, dragOnto, nodeAt, steadyNodeAt, yamlText } from './support/canvas';

/** Drags a palette item onto a node (or onto empty canvas space when `id` is null). */
function dropOn(page: Page, item: string, id: string | null): Promise<void> {
  return dragOnto(page, `palette-${item}`, id ?? { dx: 60, dy: 60 });
}

async function modelPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nid) => (window as unknown as { __hsCanvas: { position(i: string): { x: number; y: number } } }).__hsCanvas.position(nid), id);
}

async function yamlSelection(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __hsYaml: { selection(): string } }).__hsYaml.selection());
}

/** Page coordinates of the middle of `word` inside the rendered YAML line containing `line`. */
async function wordAt(page: Page, line: string, word: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(
    ([l, w]) => {
      const el = [...document.querySelectorAll('.cm-line')].find((e) => e.textContent?.includes(l as string));
      if (!el) return null;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent?.indexOf(w as string) ?? -1;
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i + 1);
        range.setEnd(n, i + 2);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    },
    [line, word],
  );
  if (!p) throw new Error(`no "${word}" in a YAML line with "${line}"`);
  return p;
}

async function nodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __hsCanvas: { ids(): string[] } }).__hsCanvas.ids().sort());
}

describe('the visual editor in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-editor-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1440, height: 900 }, locale: 'en-US' }));
    await page.goto(host.url);
  });

  afterAll(() => closeSession({ browser, host }));

  it('opens a new blank template in the editor from the library', async () => {
    await page.getByTestId('new-template').click();
    await page.getByTestId('create-name').fill('web from scratch');
    await page.getByTestId('create-submit').click();
    // "New template" opens the editor at once (issue 15).
    await page.getByTestId('editor').waitFor();
    await expect(page.getByTestId('editor-name').textContent()).resolves.toBe('web from scratch');
    await screenshot(page, 'editor-blank');
  });

  it('refuses a volume on the empty canvas, saying why', async () => {
    await dropOn(page, 'volume', null);
    await expect(page.getByTestId('refusal').textContent()).resolves.toContain('An empty canvas accepts');
    expect(await nodeIds(page)).toEqual([]);
  });

  it('adds an external network, a router and a private network when a server lands on the empty canvas', async () => {
    await dropOn(page, 'server', null);
    // The seed-style view is the default: the router interface and the port are edges, not nodes.
    await page.waitForFunction(() => (window as unknown as { __hsCanvas: { ids(): string[] } }).__hsCanvas.ids().length >= 5);
    await expect.poll(() => nodeIds(page)).toEqual(['param:external_network_1', 'private_net_1', 'private_subnet_1', 'router_1', 'server_1'].sort());
    await expect(page.getByTestId('view-seed').getAttribute('aria-pressed')).resolves.toBe('true');
    // The rest of this walkthrough checks every Heat resource: the full view.
    await page.getByTestId('view-full').click();
    await expect
      .poll(() => nodeIds(page))
      .toEqual(['param:external_network_1', 'private_net_1', 'private_subnet_1', 'router_1', 'router_1_interface_1', 'server_1', 'server_1_port_1'].sort());
    const text = await yamlText(page);
    expect(text).toContain('external_gateway_info:');
    expect(text).toContain('type: OS::Neutron::RouterInterface');
    expect(text).toContain('- port: { get_resource: server_1_port_1 }');
    await screenshot(page, 'editor-server-dropped');
  });

  it('connects a key pair to the server by dragging from one node to the other', async () => {
    await dropOn(page, 'key-pair', null);
    await page.waitForFunction(() => (window as unknown as { __hsCanvas: { ids(): string[] } }).__hsCanvas.ids().includes('key_pair_1'));
    await connectByDrag(page, 'server_1', 'key_pair_1');
    await expect.poll(() => yamlText(page)).toContain('key_name: { get_resource: key_pair_1 }');
  });

  it('drops a volume and a floating IP on the server, and refuses a second floating IP', async () => {
    await dropOn(page, 'volume', 'server_1');
    await expect.poll(() => yamlText(page)).toContain('type: OS::Cinder::VolumeAttachment');
    await dropOn(page, 'floating-ip', 'server_1');
    await expect.poll(() => yamlText(page)).toContain('type: OS::Neutron::FloatingIPAssociation');
    await dropOn(page, 'floating-ip', 'server_1');
    await expect(page.getByTestId('refusal').textContent()).resolves.toContain('already has a floating IP');
    await screenshot(page, 'editor-walkthrough');
  });

  it('puts a refusal away at the next click on the canvas (issue 15, bug 10)', async () => {
    await expect(page.getByTestId('refusal').count()).resolves.toBe(1);
    // A point of the canvas at least 80 px from every node: a click on nothing, which selects nothing.
    const box = (await page.getByTestId('canvas').boundingBox())!;
    const nodes = await Promise.all((await nodeIds(page)).map((id) => nodeAt(page, id)));
    const candidates = Array.from({ length: 100 }, (_, i) => ({
      x: box.x + 20 + ((i % 10) * (box.width - 40)) / 9,
      y: box.y + 20 + (Math.floor(i / 10) * (box.height - 40)) / 9,
    }));
    const empty = candidates.find((c) => nodes.every((n) => Math.hypot(n.x - c.x, n.y - c.y) > 80))!;
    await page.mouse.click(empty.x, empty.y);
    await expect(page.getByTestId('refusal').count()).resolves.toBe(0);
  });

  it('follows a property edited in the YAML in the inspector, then undoes it and the last drop', async () => {
    await (
      await nodeAt(page, 'volume_1')
    ).x; // the volume is on the canvas
    const v = await nodeAt(page, 'volume_1');
    await page.mouse.click(v.x, v.y);
    await expect(page.getByTestId('inspector-type').textContent()).resolves.toBe('OS::Cinder::Volume');
    await expect(page.getByTestId('prop-size').locator('input').inputValue()).resolves.toBe('1');
    // Edit `size: 1` of volume_1 in the YAML view.
    const line = page.locator('.cm-line', { hasText: 'size: 1' }).first();
    await line.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('20');
    await expect.poll(() => page.getByTestId('prop-size').locator('input').inputValue()).toBe('20');
    await screenshot(page, 'editor-yaml-edit');
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('prop-size').locator('input').inputValue()).toBe('1');
    await page.getByTestId('undo').click();
    await expect.poll(() => yamlText(page)).not.toContain('FloatingIPAssociation');
    await page.getByTestId('redo').click();
    await expect.poll(() => yamlText(page)).toContain('FloatingIPAssociation');
  });

  it('keeps the last good canvas while the YAML does not parse, and loses no typing', async () => {
    const before = await nodeIds(page);
    const line = page.locator('.cm-line', { hasText: 'heat_template_version' }).first();
    await line.click();
    await page.keyboard.press('End');
    await page.keyboard.type('\n  : : [unclosed');
    await page.getByTestId('parse-error').waitFor();
    expect(await nodeIds(page)).toEqual(before);
    expect(await yamlText(page)).toContain(': : [unclosed');
    await screenshot(page, 'editor-parse-error');
    for (let i = 0; i < 15; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => page.getByTestId('parse-error').count()).toBe(0);
  });

  it("refuses a pasted 10 MB template, naming Heat's size limit, and keeps the text", async () => {
    const before = await yamlText(page);
    await page.locator('.cm-content').focus();
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', `# ${'x'.repeat(10 * 1024 * 1024)}\n`);
      document.querySelector('.cm-content')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.getByTestId('refusal').textContent()).toContain("Heat's max_template_size of 524288 bytes");
    expect(await yamlText(page)).toBe(before);
    await screenshot(page, 'editor-too-large');
  });

  it('finds resources by name, shows a neighbourhood and collapses a selection into one node', async () => {
    await page.keyboard.press('Control+f');
    await page.keyboard.type('volume');
    await expect(page.getByTestId('match-count').textContent()).resolves.toBe('2 matches');
    await page.keyboard.press('Enter');
    await page.getByTestId('collapse').click();
    await expect.poll(() => nodeIds(page)).toContain('group:volume_1+1');
    await screenshot(page, 'editor-collapsed');
    await page.getByTestId('canvas-search').fill('');
    const g = await nodeAt(page, 'group:volume_1+1');
    await page.mouse.dblclick(g.x, g.y);
    await expect.poll(() => nodeIds(page)).toContain('volume_1');
  });

  it('saves a new version with its status and reopens it with the same picture', async () => {
    await page.keyboard.press('Control+s');
    await page.getByTestId('save-dialog').waitFor();
    await page.getByTestId('save-description').fill('The seed walkthrough');
    await screenshot(page, 'editor-save-dialog');
    await page.getByTestId('save-submit').click();
    await page.getByText('Saved version 2: Usable.').waitFor();
    const saved = await yamlText(page);
    const where = await modelPosition(page, 'server_1');
    await page.getByTestId('nav-library').click();
    await page.getByTestId('edit').click();
    await page.getByTestId('editor').waitFor();
    await expect.poll(() => yamlText(page)).toBe(saved);
    await nodeAt(page, 'server_1');
    expect(await modelPosition(page, 'server_1')).toEqual(where);
    await screenshot(page, 'editor-reopened');
  });

  it('hands a saved version over to the deploy dialog with "save and deploy now"', async () => {
    await page.keyboard.press('Control+s');
    await page.getByTestId('save-deploy').check();
    await page.getByTestId('save-submit').click();
    await page.getByText('Saved version 3: Usable.').waitFor();
    await expect.poll(() => page.getByTestId('nav-stacks').getAttribute('aria-current')).toBe('page');
    await screenshot(page, 'editor-save-and-deploy');
  });

  it('exports the canvas as a PNG and an SVG download', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('edit').click();
    await nodeAt(page, 'server_1');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toBe('web from scratch.png');
    const pngBytes = readFileSync(await png.path());
    expect(pngBytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngBytes.length).toBeGreaterThan(5_000);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    expect(svg.suggestedFilename()).toBe('web from scratch.svg');
    const svgText = readFileSync(await svg.path(), 'utf8');
    expect(svgText).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    expect(svgText).toContain('server_1');
    expect(svgText.length).toBeGreaterThan(2_000);
  });

  it('goes to the definition of a get_resource with F12 and with Ctrl+click in the YAML', async () => {
    // Double-clicking the server scrolls the YAML to it: its references are in view.
    const s = await steadyNodeAt(page, 'server_1');
    await page.mouse.dblclick(s.x, s.y);
    const key = await wordAt(page, 'key_name: { get_resource: key_pair_1 }', 'key_pair_1');
    await page.mouse.click(key.x, key.y);
    await page.keyboard.press('F12');
    await expect.poll(() => yamlSelection(page)).toBe('  key_pair_1:');
    await expect.poll(() => page.getByTestId('inspector-type').textContent()).toBe('OS::Nova::KeyPair');

    // Going to a definition centres the canvas on it, zoomed in (animated): fit it again once it settled.
    await steadyNodeAt(page, 'key_pair_1');
    await page.getByTestId('fit').click();
    const again = await steadyNodeAt(page, 'server_1');
    await page.mouse.dblclick(again.x, again.y);
    const port = await wordAt(page, '- port: { get_resource: server_1_port_1 }', 'server_1_port_1');
    await page.keyboard.down('Control');
    await page.mouse.click(port.x, port.y);
    await page.keyboard.up('Control');
    await expect.poll(() => yamlSelection(page)).toBe('  server_1_port_1:');
    await expect.poll(() => page.getByTestId('inspector-type').textContent()).toBe('OS::Neutron::Port');
    await screenshot(page, 'editor-go-to-definition');
  });

  it('copies a node and pastes it as a new resource', async () => {
    await steadyNodeAt(page, 'volume_1');
    await page.getByTestId('fit').click();
    const v = await steadyNodeAt(page, 'volume_1');
    // A click on empty space first: the port chosen by go-to-definition is no longer selected.
    const box = await page.getByTestId('cy-host').boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.click(box.x + 10, box.y + 10);
    await page.mouse.click(v.x, v.y);
    await expect.poll(() => page.getByTestId('inspector-type').textContent()).toBe('OS::Cinder::Volume');
    await page.getByTestId('copy').click();
    await page.getByTestId('paste').click();
    await expect.poll(() => nodeIds(page)).toContain('volume_1_copy');
    expect(await yamlText(page)).toMatch(/\n {2}volume_1_copy:\n {4}type: OS::Cinder::Volume\n/);
    await page.getByTestId('undo').click();
    await expect.poll(() => nodeIds(page)).not.toContain('volume_1_copy');
  });

  it('aligns the selected nodes in a row and in a column', async () => {
    // The volume attachment is a node of the full view only (the editor reopened in the seed view).
    await page.getByTestId('view-full').click();
    await nodeAt(page, 'volume_1_attachment_1');
    await page.getByTestId('canvas-search').fill('volume');
    await page.getByTestId('canvas-search').press('Enter');
    const before = [await modelPosition(page, 'volume_1'), await modelPosition(page, 'volume_1_attachment_1')];
    expect(before[0]?.y).not.toBe(before[1]?.y);
    await page.getByTestId('align-row').click();
    await expect.poll(async () => (await modelPosition(page, 'volume_1')).y).toBe((await modelPosition(page, 'volume_1_attachment_1')).y);
    await page.getByTestId('align-column').click();
    await expect.poll(async () => (await modelPosition(page, 'volume_1')).x).toBe((await modelPosition(page, 'volume_1_attachment_1')).x);
    await screenshot(page, 'editor-aligned');
    await page.getByTestId('canvas-search').fill('');
  });

  it('opens a copy when "Edit" is pressed on a recommended template, leaving the original alone', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('template-shared-network-server').click();
    const original = await page.getByTestId('details-name').textContent();
    await page.getByTestId('edit').click();
    await page.getByTestId('editor').waitFor();
    await expect.poll(() => page.getByTestId('editor-name').textContent()).toBe(`${original} (copy)`);
    await expect.poll(() => nodeIds(page)).toContain('server_1');
    await page.getByTestId('nav-library').click();
    await page.getByTestId(`template-${original} (copy)`).waitFor();
    await expect(page.getByTestId('template-shared-network-server').isVisible()).resolves.toBe(true);
    await screenshot(page, 'editor-recommended-copy');
  });
});
