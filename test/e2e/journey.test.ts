// Issue 15's "Done when": an operator's first hour as ONE journey, in Chromium
// against `npm run web` and the FULL test cloud as demo, every step through
// the UI (no CLI, no API call): a blank template, a server dropped on the
// canvas (its networks come with it), a volume and a floating IP dropped on
// it, the server's first address and the floating IP's address added as
// outputs from the inspector (undoable), saved; deployed from the library
// with the cloud's pickers and a key pair created in the studio, to
// CREATE_COMPLETE; the outputs show the floating IP (the same address the
// floating IP resource's attributes show); the flavor updated with an
// explained preview; the stack deleted. A screenshot at each step.
// (The CLI only removes the test's key pair afterwards: not part of the journey.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { openstackCli, requireFullCloud, type FullTestCloud } from '../integration/cloud/test-cloud';
import { launchChromium, screenshot } from './support/browser';
import { dragOnto, steadyNodeAt, yamlText } from './support/canvas';
import { addDemoProfile } from './support/profiles';
import { optionValue } from './support/deploy';
import { deleteStackAndKeys } from './support/cleanup';
import { startWebHost, type RunningHost } from './support/web-host';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

async function outputsOf(page: Page): Promise<Record<string, unknown>> {
  return (parseYaml(await yamlText(page)) as { outputs?: Record<string, unknown> }).outputs ?? {};
}

/** A plain click on a node: it alone is selected, and the inspector shows it. */
async function selectNode(page: Page, id: string): Promise<void> {
  const at = await steadyNodeAt(page, id);
  await page.mouse.click(at.x, at.y);
  await expect.poll(() => page.getByTestId('inspector-name').inputValue()).toBe(id);
}

describe("the operator's first hour, as one journey (issue 15)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-journey-'));
  const run = Date.now().toString(36);
  const template = `first-hour-${run}`;
  const stackName = `e2e-journey-${run}`;
  const keyName = `e2e-journey-key-${run}`;
  let cloud: FullTestCloud;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  const status = () => page.getByTestId('stack-status').getAttribute('data-status');

  beforeAll(async () => {
    cloud = requireFullCloud();
    host = await startWebHost(dataDir);
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      locale: 'en-US',
      acceptDownloads: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.goto(host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    // A failed run's leftovers (the journey itself deletes its stack), and its key pair.
    await deleteStackAndKeys(dataDir, stackName, [keyName], (k) => openstackCli(cloud, 'demo', ['keypair', 'delete', k]));
  });

  it('adds the full cloud as demo on the profiles screen', async () => {
    await addDemoProfile(page, cloud, 'demo-full', { sandbox: false });
    await screenshot(page, 'journey-01-profile');
  });

  it('starts from a blank template and drops a server: its networks come with it', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('new-template').click();
    await page.getByTestId('create-name').fill(template);
    await page.getByTestId('create-submit').click();
    await page.getByTestId('editor').waitFor();
    await screenshot(page, 'journey-02-blank');
    await dragOnto(page, 'palette-server', { dx: 60, dy: 60 });
    await page.waitForFunction(() => (window as unknown as { __hsCanvas: { ids(): string[] } }).__hsCanvas.ids().includes('server_1'));
    await screenshot(page, 'journey-03-server');
  });

  it('drops a volume and a floating IP on the server', async () => {
    await page.getByTestId('fit').click();
    await steadyNodeAt(page, 'server_1');
    await dragOnto(page, 'palette-volume', 'server_1');
    await expect.poll(() => yamlText(page)).toContain('type: OS::Cinder::VolumeAttachment');
    await page.getByTestId('fit').click();
    await steadyNodeAt(page, 'server_1');
    await dragOnto(page, 'palette-floating-ip', 'server_1');
    await expect.poll(() => yamlText(page)).toContain('type: OS::Neutron::FloatingIPAssociation');
    await page.getByTestId('fit').click();
    await screenshot(page, 'journey-04-volume-fip');
  });

  it("adds the server's first address and the floating IP's address as outputs from the inspector, undoably", async () => {
    await selectNode(page, 'server_1');
    await page.getByTestId('add-output-button').click();
    await expect
      .poll(() => outputsOf(page))
      .toEqual({ server_1_first_address: { description: 'First address of server server_1', value: { get_attr: ['server_1', 'first_address'] } } });
    await expect(page.getByTestId('add-output-exists').textContent()).resolves.toContain('server_1_first_address');
    await page.getByTestId('undo').click();
    await expect.poll(() => outputsOf(page)).toEqual({});
    await expect(page.getByTestId('add-output-button').count()).resolves.toBe(1);
    await page.getByTestId('redo').click();
    await expect.poll(async () => Object.keys(await outputsOf(page))).toEqual(['server_1_first_address']);

    await selectNode(page, 'floating_ip_1');
    await page.getByTestId('add-output-button').click();
    await expect
      .poll(async () => (await outputsOf(page)).floating_ip_1_floating_ip_address)
      .toEqual({ description: 'Floating IP address of floating_ip_1', value: { get_attr: ['floating_ip_1', 'floating_ip_address'] } });
    await screenshot(page, 'journey-05-outputs');
  });

  it('saves the canvas-made template', async () => {
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } }); // focus back on the editor for its shortcut
    await page.keyboard.press('Control+s');
    await page.getByTestId('save-dialog').waitFor();
    await page.getByTestId('save-submit').click();
    await page.getByText(/Saved version 2/).waitFor();
    await screenshot(page, 'journey-06-saved');
  });

  it('deploys it from the library with the pickers and a key pair created in the studio', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId(`template-${template}`).click();
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-name').fill(stackName);
    await page.getByTestId('param-flavor').fill(await optionValue(page, 'flavor', 'm1.tiny'));
    await page.getByTestId('param-image').fill(await optionValue(page, 'image', cloud.image));
    await page.getByTestId('param-external_network_1').fill(await optionValue(page, 'external_network_1', cloud.publicNetwork));
    await page.getByTestId('keypair-create').click();
    await page.getByTestId('keypair-name').fill(keyName);
    await page.getByTestId('keypair-submit').click();
    await expect(page.getByTestId('keypair-done').textContent()).resolves.toContain(keyName);
    await expect(page.getByTestId('param-key_name').inputValue()).resolves.toBe(keyName);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('keypair-save').click()]);
    expect(download.suggestedFilename()).toBe(`${keyName}.pem`);
    await screenshot(page, 'journey-07-deploy-form');
    await page.getByTestId('deploy-preview-button').click();
    const preview = page.getByTestId('deploy-preview');
    await expect(preview.textContent()).resolves.toContain('floating_ip_1');
    await expect(preview.textContent()).resolves.toContain('volume_1');
    await screenshot(page, 'journey-08-deploy-preview');
    await page.getByTestId('deploy-create').click();
    // The create is checked first (quota, key pair and image still there): on a loaded machine that takes a while.
    await page.getByTestId('stack-name').filter({ hasText: stackName }).waitFor({ timeout: 120_000 });
    try {
      await expect.poll(status, { timeout: 300_000, interval: 2000 }).toBe('CREATE_COMPLETE');
    } finally {
      await screenshot(page, 'journey-09-create-complete');
    }
  }, 420_000);

  it("shows the outputs with copy buttons: the floating IP's address is the one its resource reports", async () => {
    await page.getByTestId('stack-tab-overview').click();
    const fipOutput = page.getByTestId('output-floating_ip_1_floating_ip_address');
    await expect.poll(() => fipOutput.getByTestId('output-value').textContent(), { timeout: 60_000 }).toMatch(IPV4);
    const address = ((await fipOutput.getByTestId('output-value').textContent()) ?? '').trim();
    await expect.poll(() => page.getByTestId('output-server_1_first_address').getByTestId('output-value').textContent()).toMatch(IPV4);
    await fipOutput.getByRole('button').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    await expect.poll(() => fipOutput.getByRole('button').textContent()).toContain('Copied');
    await screenshot(page, 'journey-10-outputs');

    // The same address in the floating IP resource's attributes, as a readable table (JSON on demand).
    await page.getByTestId('stack-tab-topology').click();
    const nodes = () => page.evaluate(() => (window as unknown as { __hsTopology?: { nodes(): Array<{ id: string }> } }).__hsTopology?.nodes() ?? []);
    await expect.poll(async () => (await nodes()).some((n) => n.id.endsWith('/floating_ip_1')), { timeout: 30_000 }).toBe(true);
    const fipId = (await nodes()).find((n) => n.id.endsWith('/floating_ip_1'))!.id;
    const at = await page.evaluate((id) => (window as unknown as { __hsTopology: { at(id: string): { x: number; y: number } } }).__hsTopology.at(id), fipId);
    await page.mouse.click(at.x, at.y);
    const row = page.locator('[data-testid=inspector-attributes] tr[data-path="floating_ip_address"] td code');
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toBe(address);
    await page.getByTestId('inspector-attributes-json-toggle').click();
    await expect(page.getByTestId('inspector-attributes-json').textContent()).resolves.toContain(`"floating_ip_address": "${address}"`);
    await screenshot(page, 'journey-11-fip-attributes');
  }, 120_000);

  it('updates the flavor with an explained preview', async () => {
    await page.getByTestId('stack-update').click();
    const ready = page.locator('[data-testid=update-dialog]:not([data-loading])');
    await ready.waitFor();
    await page.getByTestId('param-flavor').fill('m1.small');
    await page.getByTestId('update-preview').click();
    const flavor = page.getByTestId('explain-server_1-flavor');
    await flavor.waitFor({ timeout: 90_000 });
    await expect(flavor.getAttribute('data-effect')).resolves.toBe('update');
    await expect(flavor.textContent()).resolves.toContain('flavor: m1.tiny → m1.small');
    await expect(page.getByTestId('update-sandbox').count()).resolves.toBe(0); // a real cloud: no sandbox note
    await screenshot(page, 'journey-12-update-preview');
    await page.getByTestId('update-apply').click();
    try {
      await expect.poll(status, { timeout: 300_000, interval: 2000 }).toBe('UPDATE_COMPLETE');
      await page.getByTestId('stack-tab-overview').click();
      await expect.poll(() => page.getByTestId('stack-overview').locator('xpath=following-sibling::table[1]').textContent()).toContain('m1.small');
    } finally {
      await screenshot(page, 'journey-13-updated');
    }
  }, 420_000);

  it('deletes the stack after confirmation', async () => {
    await page.getByTestId('stack-delete').click();
    await screenshot(page, 'journey-14-delete-confirm');
    await page.getByTestId('confirm').click();
    await page.waitForFunction((n) => !document.querySelector(`[data-testid="stack-${n}"]`), stackName, { timeout: 240_000 });
    await screenshot(page, 'journey-15-deleted');
  }, 300_000);
});
