// Issue 15, a first deploy without the CLI, in Chromium against `npm run web`
// and the FULL test cloud as demo: a server dropped on a blank canvas is
// saved and deployed from the library; the deploy form offers the cloud's
// flavors, images and networks (picked from the lists it shows), creates a
// key pair in the studio (the private key offered once, as a download), and
// the stack reaches CREATE_COMPLETE with that key pair.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openstackCli, requireFullCloud, type FullTestCloud } from '../integration/cloud/test-cloud';
import { screenshot } from './support/browser';
import { parse as parseYaml } from 'yaml';
import { dragOnto, steadyNodeAt, yamlText } from './support/canvas';
import { addDemoProfile } from './support/profiles';
import { optionValue } from './support/deploy';
import { deleteStackAndKeys } from './support/cleanup';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

describe('the deploy form uses the cloud (issue 15)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-pickers-'));
  const run = Date.now().toString(36);
  const template = `first-server-${run}`;
  const stackName = `e2e-pickers-${run}`;
  const keyName = `e2e-key-${run}`;
  const inspectorKey = `e2e-inspector-key-${run}`;
  let cloud: FullTestCloud;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    cloud = requireFullCloud();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1400, height: 1000 }, locale: 'en-US', acceptDownloads: true }));
  });

  afterAll(async () => {
    await closeSession({ browser, host });
    await deleteStackAndKeys(dataDir, stackName, [keyName, inspectorKey], (k) => openstackCli(cloud, 'demo', ['keypair', 'delete', k]));
  });

  it('adds the full cloud as demo on the profiles screen', async () => {
    await page.goto(host.url);
    await addDemoProfile(page, cloud, 'demo-full', { sandbox: false });
  });

  it('drops a server on a blank canvas', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('new-template').click();
    await page.getByTestId('create-name').fill(template);
    await page.getByTestId('create-submit').click();
    await page.getByTestId('editor').waitFor();
    await dragOnto(page, 'palette-server', { dx: 60, dy: 60 });
    await page.waitForFunction(() => (window as unknown as { __hsCanvas: { ids(): string[] } }).__hsCanvas.ids().includes('server_1'));
  });

  it("offers Create key pair beside the inspector's key_name, and the new key pair becomes the parameter's default", async () => {
    await page.getByTestId('fit').click();
    const s = await steadyNodeAt(page, 'server_1');
    await page.mouse.click(s.x, s.y);
    const field = page.getByTestId('prop-key_name');
    await field.getByTestId('keypair-create').click();
    await field.getByTestId('keypair-name').fill(inspectorKey);
    await field.getByTestId('keypair-submit').click();
    await expect(field.getByTestId('keypair-done').textContent()).resolves.toContain(inspectorKey);
    await expect
      .poll(async () => (parseYaml(await yamlText(page)) as { parameters: Record<string, { default?: string }> }).parameters.key_name?.default)
      .toBe(inspectorKey);
    // The inventory is read again, so the picker lists it.
    await expect.poll(() => page.locator('#cloud-key_name option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toContain(inspectorKey);
    await screenshot(page, 'editor-inspector-keypair');
    const [download] = await Promise.all([page.waitForEvent('download'), field.getByTestId('keypair-save').click()]);
    expect(download.suggestedFilename()).toBe(`${inspectorKey}.pem`);
  });

  it('saves the canvas-made template', async () => {
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } }); // focus back on the editor for its shortcut
    await page.keyboard.press('Control+s');
    await page.getByTestId('save-dialog').waitFor();
    await page.getByTestId('save-submit').click();
    await page.getByText(/Saved version 2/).waitFor();
  });

  it('offers the flavors, images and networks of the cloud with their facts, and takes the picked ones', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId(`template-${template}`).click();
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-name').fill(stackName);
    const flavor = await optionValue(page, 'flavor', 'm1.tiny');
    await page.getByTestId('param-flavor').fill(flavor);
    await expect(page.getByTestId('choice-facts-flavor').textContent()).resolves.toMatch(/vCPU/);
    await page.getByTestId('param-image').fill(await optionValue(page, 'image', cloud.image));
    await expect(page.getByTestId('choice-facts-image').textContent()).resolves.toMatch(/active/);
    await page.getByTestId('param-external_network_1').fill(await optionValue(page, 'external_network_1', cloud.publicNetwork));
    await expect(page.getByTestId('choice-facts-external_network_1').textContent()).resolves.toMatch(/external/i);
    await screenshot(page, 'deploy-pickers');
  });

  it('creates a key pair in the studio and offers its private key once, as a download', async () => {
    await expect(page.getByTestId('param-key_name').getAttribute('placeholder')).resolves.toBe(inspectorKey); // the template's default
    await page.getByTestId('keypair-create').click();
    await page.getByTestId('keypair-name').fill(keyName);
    await page.getByTestId('keypair-submit').click();
    await expect(page.getByTestId('keypair-done').textContent()).resolves.toContain(keyName);
    await expect(page.getByTestId('param-key_name').inputValue()).resolves.toBe(keyName);
    await screenshot(page, 'deploy-keypair-created');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('keypair-save').click()]);
    expect(download.suggestedFilename()).toBe(`${keyName}.pem`);
    expect(readFileSync((await download.path())!, 'utf8')).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----/);
    await expect(page.getByTestId('keypair-save').count()).resolves.toBe(0); // once only
    const listed = openstackCli(cloud, 'demo', ['keypair', 'show', keyName, '-f', 'value', '-c', 'name']);
    expect(listed.trim()).toBe(keyName);
  });

  it('deploys the canvas-made server with that key pair to CREATE_COMPLETE', async () => {
    await page.getByTestId('deploy-preview-button').click();
    await expect(page.getByTestId('deploy-preview').textContent()).resolves.toContain('server_1');
    await screenshot(page, 'deploy-pickers-preview');
    await page.getByTestId('deploy-create').click();
    try {
      await expect(page.getByTestId('stack-name').textContent()).resolves.toBe(stackName);
      await page.waitForFunction(() => document.querySelector('[data-testid=stack-status]')?.getAttribute('data-status') === 'CREATE_COMPLETE', null, {
        timeout: 240_000,
      });
    } finally {
      await screenshot(page, 'deploy-pickers-complete');
    }
  }, 300_000);
});
