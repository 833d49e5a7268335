// The library's first steps in Chromium: "New template" → "Create and edit"
// opens the editor, whose empty canvas says how to start; "Add a server"
// brings its networks; a save carries a version note that the Versions tab
// shows. Then seed 1.1.3, create from a saved template: the picker lists
// name, description and created time, filters on name or description,
// previews the topology, and the copy leaves the original's content
// byte-identical.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import type { TemplateDetails } from '../../shared/library/model';
import { screenshot } from './support/browser';
import { invokeOn, type RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

// Odd spacing, a comment and no final newline: a copy that re-serialised the YAML would change these bytes.
const WEB_TIER = `heat_template_version: 2018-08-31
description: two servers behind a pool
# kept as written
resources:
  net:   { type: OS::Neutron::Net }
  sub:
    type: OS::Neutron::Subnet
    properties: { network: { get_resource: net }, cidr: "10.5.0.0/24" }
  pool_marker:
    type: OS::Heat::None`;
const DB = `heat_template_version: 2018-08-31
description: a database volume
resources:
  data:
    type: OS::Cinder::Volume
    properties: { size: 1 }
`;

describe('the library flow in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-libflow-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let webId = '';

  beforeAll(async () => {
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    webId = seed.library.create({ name: 'web tier', description: 'two servers behind a pool', tags: [], from: { kind: 'yaml', yaml: WEB_TIER } }).id;
    seed.library.create({ name: 'db', description: 'a database volume', tags: [], from: { kind: 'yaml', yaml: DB } });
    seed.dispose();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1400, height: 900 }, locale: 'en-US' }));
    await page.goto(host.url);
  }, 120_000);

  afterAll(async () => {
    await closeSession({ browser, host });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens a new blank template in the editor, shows how to start, and keeps the save’s version note', async () => {
    await page.getByTestId('new-template').click();
    // One way out of the dialog besides Cancel: creating opens the editor.
    const actions = page.locator('dialog[open] .actions button');
    await expect.poll(() => actions.allTextContents()).toEqual(['Cancel', 'Create and edit']);
    await expect(page.getByTestId('create-submit').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('create-why').textContent()).resolves.toBe('Type a name first.');
    await page.getByTestId('create-name').fill('from scratch');
    await expect(page.getByTestId('create-why').count()).resolves.toBe(0);
    await screenshot(page, 'library-flow-new-template-dialog');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('editor').waitFor();
    expect(await page.getByTestId('editor-name').textContent()).toBe('from scratch');
    const start = page.getByTestId('canvas-start');
    await start.waitFor();
    expect(await start.textContent()).toContain('its private network, router and external network come with it');
    await screenshot(page, 'library-flow-empty-canvas');
    await page.getByTestId('canvas-start-server').click();
    await page.waitForFunction(() => (window as unknown as { __hsCanvas: { ids(): string[] } }).__hsCanvas.ids().includes('server_1'));
    const ids = await page.evaluate(() => (window as unknown as { __hsCanvas: { ids(): string[] } }).__hsCanvas.ids());
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(await start.count()).toBe(0);
    await page.getByTestId('save').click();
    await page.getByTestId('save-note').fill('a first server with its networks');
    await screenshot(page, 'library-flow-save-note');
    await page.getByTestId('save-submit').click();
    await page.getByTestId('save-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('nav-library').click();
    await page.getByTestId('template-from scratch').click();
    await page.getByTestId('tab-versions').click();
    expect(await page.getByTestId('version-2').textContent()).toContain('a first server with its networks');
    await screenshot(page, 'library-flow-versions-note');
  });

  it('lists saved templates with description and created time, filters them, previews the topology, and copies without touching the original', async () => {
    await page.getByTestId('new-template').click();
    await page.getByTestId('mode-saved').check();
    const web = page.getByTestId('saved-web tier');
    await web.waitFor();
    expect(await web.textContent()).toContain('two servers behind a pool');
    expect(await web.getByTestId('saved-created').textContent()).toMatch(/^Created .*20\d\d/);
    expect(await page.getByTestId('saved-db').textContent()).toContain('a database volume');
    await page.getByTestId('saved-filter').fill('POOL');
    expect(await page.getByTestId('saved-db').count()).toBe(0);
    expect(await web.count()).toBe(1);
    await page.getByTestId('saved-filter').fill('nothing like it');
    expect(await page.getByTestId('saved-none').textContent()).toContain('No saved template matches "nothing like it"');
    await page.getByTestId('saved-filter').fill('web');
    await web.click();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="source-preview"] [data-testid="topology-preview"]')?.getAttribute('data-nodes')) >= 3,
    );
    await page.getByTestId('create-name').fill('web copy');
    await screenshot(page, 'library-flow-saved-picker');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('editor').waitFor();
    await expect.poll(() => page.getByTestId('editor-name').textContent()).toBe('web copy');
    await page.getByTestId('nav-library').click();
    await page.getByTestId('details-name').getByText('web copy', { exact: true }).waitFor();

    const original = await invokeOn<TemplateDetails>(host, 'library.get', { id: webId });
    expect(original.latest.yaml).toBe(WEB_TIER);
    expect(original.latestVersion).toBe(1);
    expect(original.name).toBe('web tier');
    const items = await invokeOn<Array<{ id: string; name: string }>>(host, 'library.list', {});
    const copy = await invokeOn<TemplateDetails>(host, 'library.get', { id: items.find((x) => x.name === 'web copy')!.id });
    expect(copy.latest.yaml).toBe(WEB_TIER);
  });
});
