// The seed-style canvas view (issue 18) in Chromium: the seed's walkthrough
// (a server on the empty canvas, a key pair connected, a volume and a
// floating IP dropped on the server) done once in the full view and, after
// undoing it all, once in the seed view, gives byte-identical YAML; the seed
// view draws the helpers as edges and a public-IP badge, and selecting the
// folded server—volume edge opens the volume attachment in the inspector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';
import { canvasIds, connectByDrag, dragOnto, newBlankTemplate, nodeData, steadyNodeAt, yamlText } from './support/canvas';

function dropOn(page: Page, item: string, id: string | null): Promise<void> {
  return dragOnto(page, `palette-${item}`, id ?? { dx: 60, dy: 60 });
}

async function walkthrough(page: Page): Promise<string> {
  await dropOn(page, 'server', null);
  await expect.poll(() => yamlText(page)).toContain('type: OS::Neutron::RouterInterface');
  await dropOn(page, 'key-pair', null);
  await expect.poll(() => canvasIds(page)).toContain('key_pair_1');
  await connectByDrag(page, 'server_1', 'key_pair_1');
  await expect.poll(() => yamlText(page)).toContain('key_name: { get_resource: key_pair_1 }');
  await dropOn(page, 'volume', 'server_1');
  await expect.poll(() => yamlText(page)).toContain('type: OS::Cinder::VolumeAttachment');
  await dropOn(page, 'floating-ip', 'server_1');
  await expect.poll(() => yamlText(page)).toContain('type: OS::Neutron::FloatingIPAssociation');
  return yamlText(page);
}

describe('the seed-style canvas view in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-seed-view-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let blank = '';
  let full = '';

  beforeAll(async () => {
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1440, height: 900 }, locale: 'en-US' }));
    await page.goto(host.url);
    await newBlankTemplate(page, 'seed walkthrough');
    blank = await yamlText(page);
  });

  afterAll(() => closeSession({ browser, host }));

  it('does the walkthrough in the full view, every helper a node', async () => {
    await page.getByTestId('view-full').click();
    full = await walkthrough(page);
    const ids = await canvasIds(page);
    for (const helper of ['router_1_interface_1', 'server_1_port_1']) expect(ids).toContain(helper);
    while (await page.getByTestId('undo').isEnabled()) await page.getByTestId('undo').click();
    await expect.poll(() => yamlText(page)).toBe(blank);
  });

  it('gives byte-identical YAML in the seed view, helpers folded into edges and a badge', async () => {
    await page.getByTestId('view-seed').click();
    expect(await walkthrough(page)).toBe(full);
    const ids = await canvasIds(page);
    expect(ids).toEqual(expect.arrayContaining(['server_1', 'router_1', 'private_net_1', 'key_pair_1']));
    for (const id of ids) expect(id).not.toMatch(/interface|port|attachment|association/);
    expect((await nodeData(page, 'server_1'))?.label).toContain('⊕ public IP');
    await screenshot(page, 'seed-view-walkthrough');
  });

  it('opens the volume attachment in the inspector when its folded edge is selected', async () => {
    const attachment = /^ {2}(\S*attachment\S*):\n {4}type: OS::Cinder::VolumeAttachment/m.exec(full)?.[1];
    expect(attachment).toBeTruthy();
    const a = await steadyNodeAt(page, 'server_1');
    const b = await steadyNodeAt(
      page,
      (await canvasIds(page)).find((i) => i.startsWith('volume'))!,
    );
    await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
    await expect.poll(() => page.getByTestId('inspector-name').inputValue()).toBe(attachment);
    await expect(page.getByTestId('inspector-type').textContent()).resolves.toBe('OS::Cinder::VolumeAttachment');
    await page.getByTestId('view-full').click();
    await expect.poll(() => canvasIds(page)).toContain(attachment);
    expect(await yamlText(page)).toBe(full);
  });
});
