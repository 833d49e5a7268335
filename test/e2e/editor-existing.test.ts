// The palette's Existing tab on the FULL test cloud, in Chromium (SPEC 1.5,
// the seed's 5.2): a demo profile is active; the tab lists `public` as an
// external network; dragged onto the canvas it is drawn highlighted and the
// inspector shows it read-only; a router dropped under it writes
// external_gateway_info with get_param; saved and reopened it is still
// existing; a private network of demo's that is deleted in the cloud is
// marked missing on the canvas after a refresh, and nothing else is lost;
// the library's "Re-check against the cloud" then says "needs editing".
//
// How to drag from the Existing tab (for other e2e tests): click
// `palette-tab-existing`, wait for `existing-<kind>-<cloud name>` (kind:
// external-network | shared-network | private-network | router), then
// `locator.dragTo(page.getByTestId('cy-host'), { targetPosition })`. The
// node id is `param:existing_<ext|shared|net|router>_<name>`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { canvasIds, connectByDrag, dragOnto, nodeAt, nodeData, nodeStyle, steadyNodeAt, yamlText } from './support/canvas';
import { openstackCli, passwordProfile, requireFullCloud, uniqueName, type FullTestCloud } from '../integration/cloud/test-cloud';
import { closeSession, openSession } from './support/session';

describe('existing resources in the editor (full cloud)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-existing-'));
  let cloud: FullTestCloud;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  const netName = uniqueName('e2e-existing');
  let netId = '';

  const invoke = async <T>(channel: string, request: unknown): Promise<T> => {
    const r = await page.evaluate(
      async ([c, body]) =>
        (await (await fetch(`api/invoke/${c}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as {
          ok: boolean;
          value: unknown;
          error?: { message: string };
        },
      [channel, request] as const,
    );
    if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
    return r.value as T;
  };

  beforeAll(async () => {
    cloud = requireFullCloud();
    netId = (JSON.parse(openstackCli(cloud, 'demo', ['network', 'create', netName, '-f', 'json'])) as { id: string }).id;
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1440, height: 900 }, locale: 'en-US' }));
    await page.goto(host.url);
    const profile = await invoke<{ id: string }>('cloud.profiles.create', {
      fields: passwordProfile(cloud, 'demo', { name: 'lab demo', sandbox: false }),
      secret: cloud.users.demo.password,
    });
    await page.evaluate((id) => localStorage.setItem('heat-studio.activeCloud', id), profile.id);
    await page.reload();
  });

  afterAll(async () => {
    try {
      openstackCli(cloud, 'demo', ['network', 'delete', netId]);
    } catch {
      // the test deleted it already
    }
    await closeSession({ browser, host });
  });

  it('lists public as an external network in the Existing tab of a new template', async () => {
    await page.getByTestId('new-template').click();
    await page.getByTestId('create-name').fill('on existing networks');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('palette-tab-existing').click();
    const pub = page.getByTestId(`existing-external-network-${cloud.publicNetwork}`);
    await pub.waitFor();
    await expect(pub.getAttribute('data-existing-id')).resolves.toBe(cloud.publicNetworkId);
    await expect(page.getByTestId('existing-group-external-network').textContent()).resolves.toContain('External networks');
    await page.getByTestId(`existing-private-network-${netName}`).waitFor();
    await screenshot(page, 'editor-existing-tab');
  });

  it('drags public onto the canvas: highlighted, and read-only in the inspector', async () => {
    await dragOnto(page, `existing-external-network-${cloud.publicNetwork}`, { dx: 200, dy: 120 });
    const id = `param:existing_ext_${cloud.publicNetwork}`;
    await nodeAt(page, id);
    expect(await nodeData(page, id)).toMatchObject({ existing: 1, kind: 'external-network', label: cloud.publicNetwork });
    expect(await nodeStyle(page, id, 'border-style')).toBe('double');
    const text = await yamlText(page);
    expect(text).toContain(`default: ${cloud.publicNetworkId}`);
    expect(text).toContain('- heat-studio:existing=external-network');
    const p = await nodeAt(page, id);
    await page.mouse.click(p.x, p.y);
    await page.getByTestId('existing-readonly').waitFor();
    await expect(page.getByTestId('existing-id').textContent()).resolves.toBe(cloud.publicNetworkId);
    expect(await page.getByTestId('param-yaml').count()).toBe(0);
    await screenshot(page, 'editor-existing-public');
  });

  it('adds a router under it: external_gateway_info with get_param, and the YAML validates', async () => {
    await page.getByTestId('palette-tab-system').click();
    await dragOnto(page, 'palette-router', `param:existing_ext_${cloud.publicNetwork}`);
    await expect.poll(() => canvasIds(page)).toContain('router_1');
    const text = await yamlText(page);
    expect(text).toContain(`external_gateway_info:\n        network: { get_param: existing_ext_${cloud.publicNetwork} }`);
    expect(await page.locator('.problem.error').count()).toBe(0);
    await screenshot(page, 'editor-existing-router');
  });

  it('an existing resource cannot be moved under another parent on the canvas', async () => {
    await page.getByTestId('palette-tab-existing').click();
    await dragOnto(page, `existing-private-network-${netName}`, { dx: 520, dy: 120 });
    const netNode = `param:existing_net_${netName.replace(/[^A-Za-z0-9_]+/g, '_')}`;
    await nodeAt(page, netNode);
    await connectByDrag(page, netNode, 'router_1');
    await expect(page.getByTestId('refusal').textContent()).resolves.toContain('is an existing cloud resource: its relations come from the cloud');
  });

  it("a server on the existing private network: a port on it, and the inspector's pickers offer the cloud's images and flavors", async () => {
    const netNode = `param:existing_net_${netName.replace(/[^A-Za-z0-9_]+/g, '_')}`;
    await page.getByTestId('palette-tab-system').click();
    await dragOnto(page, 'palette-server', netNode);
    await expect.poll(() => canvasIds(page)).toContain('server_1');
    expect(await yamlText(page)).toContain(`network: { get_param: ${netNode.slice('param:'.length)} }`);
    // The layout may place the new nodes at the edge: bring everything into view first.
    await page.getByTestId('fit').click();
    // `fit` animates: click only once the canvas stands still.
    const s = await steadyNodeAt(page, 'server_1');
    // A click on empty space first: the click below must select the server, not open a drag.
    const box = (await page.getByTestId('cy-host').boundingBox())!;
    await page.mouse.click(box.x + box.width - 250, box.y + box.height - 40);
    await page.mouse.click(s.x, s.y);
    const image = page.getByTestId('cloud-pick-image');
    await image.waitFor();
    const options = await page.locator('#cloud-image option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toContain(cloud.image);
    await expect(page.locator('#cloud-flavor option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value))).resolves.toEqual(
      expect.arrayContaining(['m1.tiny', 'm1.small']),
    );
    await image.fill(cloud.image);
    await image.press('Enter');
    await image.blur();
    await expect
      .poll(async () => (parseYaml(await yamlText(page)) as { parameters: Record<string, { default?: string }> }).parameters.image?.default)
      .toBe(cloud.image);
    await screenshot(page, 'editor-existing-server-pickers');
  });

  it('saves, reopens with the same existing nodes, and marks a network deleted in the cloud as missing', async () => {
    await page.keyboard.press('Control+s');
    await page.getByTestId('save-submit').click();
    await page.getByText('Saved version 2').waitFor();
    const saved = await yamlText(page);
    await page.getByTestId('nav-library').click();
    await page.getByTestId('edit').click();
    await page.getByTestId('editor').waitFor();
    await expect.poll(() => yamlText(page)).toBe(saved);
    const netNode = `param:existing_net_${netName.replace(/[^A-Za-z0-9_]+/g, '_')}`;
    await nodeAt(page, netNode);
    expect(await nodeData(page, netNode)).toMatchObject({ existing: 1, missing: 0 });

    openstackCli(cloud, 'demo', ['network', 'delete', netId]);
    await page.getByTestId('palette-tab-existing').click();
    await page.getByTestId('existing-refresh').click();
    await expect.poll(() => nodeData(page, netNode)).toMatchObject({ missing: 1, label: `${netName} ⊘ missing` });
    expect(await nodeStyle(page, netNode, 'border-style')).toBe('dashed');
    const p = await nodeAt(page, netNode);
    await page.mouse.click(p.x, p.y);
    await page.getByTestId('existing-missing').waitFor();
    expect(await yamlText(page)).toBe(saved);
    await screenshot(page, 'editor-existing-missing');
  });

  it('"Re-check against the cloud" in the library marks the template "needs editing", naming the deleted network', async () => {
    await page.getByTestId('nav-library').click();
    await expect(page.getByTestId('recheck').textContent()).resolves.toBe('Re-check against the cloud');
    await page.getByTestId('recheck').click();
    await expect
      .poll(() => page.getByTestId('status-reason').textContent())
      .toContain(`The existing private network "${netName}" (${netId}) no longer exists in the cloud`);
    await screenshot(page, 'library-existing-needs-editing');
  });
});
