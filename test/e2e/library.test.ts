// The library as a user drives it in Chromium against `npm run web`: create
// from the "shared-network server" recommendation, rename, tag, search,
// restart the host and still find it, delete it, switch language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser';
import { startWebHost, type RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

describe('template library in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-library-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1280, height: 800 }, locale: 'en-US' }));
  });

  afterAll(async () => {
    await closeSession({ browser, host });
  });

  it('lists the two recommended system templates on first run', async () => {
    await page.goto(host.url);
    await page.getByTestId('template-shared-network-server').waitFor();
    await expect(page.getByTestId('template-external-network-server').isVisible()).resolves.toBe(true);
    await screenshot(page, 'library-first-run');
  });

  it('creates a template from the shared-network server recommendation, leaving the original alone', async () => {
    await page.getByTestId('new-template').click();
    await page.getByTestId('mode-recommended').check();
    await page.getByTestId('choose-shared-network-server').click();
    await page.getByTestId('source-preview').getByText('server_1 (OS::Nova::Server)').waitFor();
    await page.getByTestId('create-name').fill('web tier');
    await screenshot(page, 'library-create-dialog');
    await page.getByTestId('create-submit').click();
    // Creating opens the editor; the library keeps the new template selected.
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('nav-library').click();
    await expect.poll(() => page.getByTestId('details-name').textContent()).toBe('web tier');
    await page.getByTestId('tab-yaml').click();
    await expect(page.getByTestId('yaml').textContent()).resolves.toContain('type: OS::Nova::Server');
    await page.getByTestId('tab-topology').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="topology-preview"]')?.getAttribute('data-nodes')) >= 3);
    await screenshot(page, 'library-topology-preview');
    await page.getByTestId('tab-overview').click();
  });

  it('renames and tags the copy', async () => {
    await page.getByTestId('rename').click();
    await page.getByTestId('rename-input').fill('web tier (prod)');
    await page.getByTestId('rename-submit').click();
    await page.getByTestId('template-web tier (prod)').waitFor();

    await page.getByTestId('edit-tags').click();
    const tagInput = page.locator('dialog').getByTestId('tag-input');
    await tagInput.fill('production');
    await tagInput.press('Enter');
    await tagInput.fill('web');
    await tagInput.press('Enter');
    await page.getByTestId('tags-submit').click();
    await page.getByTestId('details-tags').getByText('production').waitFor();
    await screenshot(page, 'library-details');
  });

  it('finds the template by search and by tag', async () => {
    await page.getByTestId('search').fill('prod');
    await page.waitForFunction(() => document.querySelectorAll('.template-list li').length === 1);
    await expect(page.locator('.template-list li .name').allTextContents()).resolves.toEqual(['web tier (prod)']);
    await page.getByTestId('search').fill('');
    await page.getByTestId('tag-filter').selectOption('production');
    await page.waitForFunction(() => document.querySelectorAll('.template-list li').length === 1);
    await page.getByTestId('tag-filter').selectOption('');
  });

  it('still has the template after the host restarts', async () => {
    await host.stop();
    host = await startWebHost(dataDir);
    await page.goto(host.url);
    await page.getByTestId('template-web tier (prod)').click();
    await page.getByTestId('details-tags').getByText('web').waitFor();
  });

  it('refuses to change the recommended original and offers a copy instead', async () => {
    await page.getByTestId('template-shared-network-server').click();
    await page.getByTestId('copy').waitFor();
    await expect(page.getByTestId('rename').count()).resolves.toBe(0);
  });

  it('deletes the template after confirmation', async () => {
    await page.getByTestId('template-web tier (prod)').click();
    await page.getByTestId('delete').click();
    await page.getByTestId('confirm').click();
    await page.getByTestId('template-web tier (prod)').waitFor({ state: 'detached' });
    await expect(page.locator('.template-list li').count()).resolves.toBe(2);
  });

  it('switches to Simplified Chinese and remembers it across a reload', async () => {
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByText('创建模版').waitFor();
    await page.reload();
    await page.getByText('创建模版').waitFor();
    await screenshot(page, 'library-zh-CN');
    await page.getByTestId('language').selectOption('en');
    await page.getByText('New template').waitFor();
  });
});

describe('importing, versions, diffs and bundles in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-files-'));
  const web =
    'heat_template_version: 2018-08-31\n# kept exactly\nresources:\n  group:\n    type: OS::Heat::ResourceGroup\n    properties:\n      count: 2\n      resource_def: {type: member.yaml}\n';
  const member = 'heat_template_version: 2018-08-31\nresources:\n  r: {type: OS::Heat::RandomString}\n';
  const volume = 'heat_template_version: 2018-08-31\nresources:\n  data: {type: OS::Cinder::Volume, properties: {size: 1}}\n';
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    host = await startWebHost(dataDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US', acceptDownloads: true });
    await page.goto(host.url);
    await page.getByTestId('template-shared-network-server').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  /** Waits until the list shows exactly these names (the list refreshes asynchronously after each filter change). */
  const listIs = async (names: string[]) => {
    const shown = () => page.locator('.template-list li .name').allTextContents();
    try {
      await page.waitForFunction(
        (expected) => JSON.stringify([...document.querySelectorAll('.template-list li .name')].map((n) => n.textContent).sort()) === JSON.stringify(expected),
        [...names].sort(),
        { timeout: 10_000 },
      );
    } catch {
      // Say what the list showed instead of only "timeout".
      expect((await shown()).sort()).toEqual([...names].sort());
    }
  };
  const ALL = ['Shared-network server', 'External-network server', 'web', 'volume'];

  /** Calls the contract the way the renderer does (for setting up versions the editor would save). */
  const invoke = (channel: string, request: unknown) =>
    page.evaluate(
      async ([c, r]) =>
        (await (await fetch(`api/invoke/${c}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(r) })).json()) as {
          ok: boolean;
          value: { id: string };
        },
      [channel, request] as const,
    );

  it('imports several files with a chosen entry, and downloads the YAML back unchanged', async () => {
    await page.getByTestId('import').click();
    await page.getByTestId('import-files-input').setInputFiles([
      { name: 'member.yaml', mimeType: 'application/x-yaml', buffer: Buffer.from(member) },
      { name: 'web.yaml', mimeType: 'application/x-yaml', buffer: Buffer.from(web) },
    ]);
    await page.getByTestId('import-entry').selectOption('web.yaml');
    await screenshot(page, 'library-import-dialog');
    await page.getByTestId('import-submit').click();
    await page.getByTestId('details-name').getByText('web', { exact: true }).waitFor();
    await expect(page.getByTestId('details').getByText('Usable').count()).resolves.toBeGreaterThan(0);
    const download = page.waitForEvent('download');
    await page.getByTestId('download').click();
    expect(readFileSync(await (await download).path(), 'utf8')).toBe(web);
  });

  it('imports a whole folder: each template nothing else uses becomes one, with its nested files; the rest is listed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hs-e2e-folder-'));
    mkdirSync(join(folder, 'stacks', 'nested'), { recursive: true });
    writeFileSync(join(folder, 'stacks', 'app.yaml'), web.replace('member.yaml', 'nested/unit.yaml'));
    writeFileSync(join(folder, 'stacks', 'nested', 'unit.yaml'), member);
    writeFileSync(join(folder, 'stacks', 'notes.txt'), 'not a template');
    await page.getByTestId('import').click();
    await page.getByTestId('import-mode-folder').click();
    await page.getByTestId('import-folder-input').setInputFiles(join(folder, 'stacks'));
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-skipped').getByText('notes.txt').waitFor();
    await screenshot(page, 'library-import-folder');
    await page.locator('dialog').getByText('Dismiss').click();
    await page.getByTestId('details-name').getByText('app', { exact: true }).waitFor();
    const list = (await invoke('library.list', {})).value as unknown as Array<{ id: string; name: string }>;
    const app = list.find((t) => t.name === 'app')!;
    const got = (await invoke('library.get', { id: app.id })).value as unknown as { latest: { files: Record<string, string> } };
    expect(Object.keys(got.latest.files)).toEqual(['nested/unit.yaml']);
    await invoke('library.delete', { id: app.id });
  });

  it('imports files dropped on the window', async () => {
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'volume.yaml', { type: 'application/x-yaml' }));
      const target = document.querySelector('[data-testid="library-drop"]')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, volume);
    await page.getByTestId('import-entry').waitFor();
    await page.getByTestId('import-submit').click();
    await page.getByTestId('details-name').getByText('volume', { exact: true }).waitFor();
  });

  it('finds templates by resource type', async () => {
    await page.getByTestId('type-filter').selectOption('OS::Cinder::Volume');
    await listIs(['volume']);
    await page.getByTestId('type-filter').selectOption('');
    await listIs(ALL);
    await page.getByTestId('search').fill('ResourceGroup');
    await listIs(['web']);
    await page.getByTestId('search').fill('');
    await listIs(ALL);
  });

  it('refuses a file that is not UTF-8, naming it, and imports nothing', async () => {
    await page.getByTestId('import').click();
    await page
      .getByTestId('import-files-input')
      .setInputFiles([{ name: 'latin1.yaml', mimeType: 'application/x-yaml', buffer: Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]) }]);
    await page.getByTestId('import-submit').click();
    await page.getByRole('alert').getByText('latin1.yaml is not UTF-8').waitFor();
    await page.locator('dialog').getByText('Cancel').click();
    await listIs(ALL);
  });

  it('compares version 1 with version 3 by meaning and by text', async () => {
    const list = (await invoke('library.list', {})).value as unknown as Array<{ id: string; name: string }>;
    const webId = list.find((t) => t.name === 'web')!.id;
    const files = { 'member.yaml': member };
    await invoke('library.saveVersion', { id: webId, yaml: web.replace('count: 2', 'count: 3'), files, note: 'three members' });
    await invoke('library.saveVersion', {
      id: webId,
      yaml: web.replace('count: 2', 'count: 3') + '  extra:\n    type: OS::Heat::None\n',
      files,
      note: 'plus extra',
    });
    await page.getByTestId('template-web').click();
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('version-3').waitFor();
    await page.getByTestId('diff-from').selectOption('1');
    await page.getByTestId('diff-to').selectOption('3');
    await page.getByTestId('change-resources-group').getByText('properties.count').waitFor();
    await page.getByTestId('change-resources-extra').getByText('added').waitFor();
    await expect(page.locator('.hunk .add').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'library-version-diff');
  });

  it('exports a bundle; re-importing it asks: a new version of "web", or a copy named "web (2)" (issue 15, bug 7)', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('download-bundle').click();
    const zipPath = await (await download).path();
    const reimport = async () => {
      await page.getByTestId('import').click();
      await page.getByTestId('import-mode-zip').click();
      await page.getByTestId('import-zip-input').setInputFiles(zipPath);
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-name-taken').waitFor();
    };
    await reimport();
    await expect(page.getByTestId('import-name-taken').textContent()).resolves.toContain(
      'The library already has "web", the template this bundle was exported from.',
    );
    await screenshot(page, 'library-bundle-name-taken');
    await listIs(ALL); // nothing imported while it asks
    await page.getByTestId('import-as-version').click();
    await listIs(ALL);
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('version-4').waitFor();
    await page.getByTestId('tab-yaml').click();
    await expect(page.getByTestId('yaml').textContent()).resolves.toContain('  extra:\n    type: OS::Heat::None');
    await reimport();
    await expect(page.getByTestId('import-as-copy').textContent()).resolves.toBe('Import as a copy named "web (2)"');
    await page.getByTestId('import-as-copy').click();
    await listIs([...ALL, 'web (2)']);
  });

  it('backs the library up on demand, exports it whole, and re-importing it overwrites nothing', async () => {
    await page.getByTestId('library-file').click();
    await page.getByTestId('backup-now').click();
    await page.getByTestId('backups').getByText('library.sqlite.').first().waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-library').click();
    const file = await (await download).path();
    await page.getByTestId('import-library').setInputFiles({ name: 'library.sqlite', mimeType: 'application/octet-stream', buffer: readFileSync(file) });
    await page.getByTestId('library-import-outcome').getByText('already in this library').first().waitFor();
    await screenshot(page, 'library-file-dialog');
    await page.locator('dialog').getByText('Dismiss').click();
    await listIs([...ALL, 'web (2)']);
  });
});
