// Nested templates first-class (issue 18): the corpus template whose
// ResourceGroup uses a nested file (heat-templates hot/resource_group),
// imported with that file: its files as a tree in the library, the nested
// file opened by double-clicking the group (a tab, a breadcrumb back),
// edited, a problem in it located in that file and opening its tab, and one
// save keeping both files in one version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';
import { canvasIds, nodeData, steadyNodeAt, yamlText } from './support/canvas';

const DIR = '/work/shared/corpus/heat-templates/hot/resource_group';
const ENTRY = readFileSync(join(DIR, 'server_with_volumes.yaml'), 'utf8');
const NESTED = readFileSync(join(DIR, 'volume_with_attachment.yaml'), 'utf8');

describe('nested templates in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-nested-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let templateId = '';

  const invoke = (channel: string, request: unknown) =>
    page.evaluate(
      async ([c, r]) =>
        (await (await fetch(`api/invoke/${c}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(r) })).json()) as {
          ok: boolean;
          value: Record<string, unknown>;
        },
      [channel, request] as const,
    );

  /** Types at the end of the first YAML line containing `text`, after `back` backspaces. */
  async function editLine(text: string, back: number, typed: string, left = 0): Promise<void> {
    await page.locator('.cm-line', { hasText: text }).first().click();
    await page.keyboard.press('End');
    for (let i = 0; i < left; i++) await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < back; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type(typed);
  }

  beforeAll(async () => {
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1440, height: 900 }, locale: 'en-US' }));
    await page.goto(host.url);
    await page.getByTestId('template-shared-network-server').waitFor();
  });

  afterAll(() => closeSession({ browser, host }));

  it('imports the template with its nested file and shows the files as a tree in the library', async () => {
    await page.getByTestId('import').click();
    await page.getByTestId('import-files-input').setInputFiles([
      { name: 'server_with_volumes.yaml', mimeType: 'application/x-yaml', buffer: Buffer.from(ENTRY) },
      { name: 'volume_with_attachment.yaml', mimeType: 'application/x-yaml', buffer: Buffer.from(NESTED) },
    ]);
    await page.getByTestId('import-entry').selectOption('server_with_volumes.yaml');
    await page.getByTestId('import-submit').click();
    await page.getByTestId('details-name').getByText('server_with_volumes').waitFor();
    await page.getByTestId('tab-files').click();
    const rows = page.getByTestId('file-tree-row');
    await expect(rows.allTextContents()).resolves.toEqual([
      expect.stringMatching(/server_with_volumes\.yaml\s*entry/),
      expect.stringMatching(/volume_with_attachment\.yaml\s*member of group group_of_volumes/),
    ]);
    await page.getByTestId('file-open-volume_with_attachment.yaml').click();
    await expect(page.getByTestId('file-text').textContent()).resolves.toBe(NESTED);
    await screenshot(page, 'nested-library-files');
  });

  it('opens the nested file from the group on the canvas, in a tab with a breadcrumb back', async () => {
    await page.getByTestId('edit').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('editor-files').waitFor();
    const g = await steadyNodeAt(page, 'group_of_volumes');
    await page.mouse.dblclick(g.x, g.y);
    await page.getByTestId('breadcrumb').waitFor();
    await expect(page.getByTestId('file-tab-volume_with_attachment.yaml').getAttribute('aria-selected')).resolves.toBe('true');
    await expect.poll(() => canvasIds(page)).toEqual(['volume', 'volume_attachment']);
    expect(await yamlText(page)).toBe(NESTED);
    await expect(page.getByTestId('breadcrumb').textContent()).resolves.toContain('group_of_volumes (volume_with_attachment.yaml)');
    await screenshot(page, 'nested-editor-drilled');
  });

  it('edits the nested file; a problem in it is located in that file and opens its tab', async () => {
    await editLine('description: Volume for stack', 0, ' (edited)');
    await expect.poll(() => yamlText(page)).toContain('description: Volume for stack (edited)');
    // volume_size -> volume_sise: an unknown parameter, in the nested file.
    await editLine('size: { get_param: volume_size }', 3, 'ise', 2);
    await expect.poll(() => yamlText(page)).toContain('get_param: volume_sise');
    await page.getByTestId('crumb-0').click();
    await expect.poll(() => canvasIds(page)).toEqual(['group_of_volumes', 'instance']);
    expect(await yamlText(page)).toBe(ENTRY);
    const problem = page.getByTestId('nested-problem').filter({ hasText: 'volume_sise' }).first();
    await expect(problem.textContent()).resolves.toMatch(/volume_with_attachment\.yaml:\d+:\d+/);
    await expect(page.getByTestId('file-tab-volume_with_attachment.yaml').textContent()).resolves.toContain('●');
    await screenshot(page, 'nested-editor-problem');
    await problem.click();
    await expect(page.getByTestId('file-tab-volume_with_attachment.yaml').getAttribute('aria-selected')).resolves.toBe('true');
    await expect.poll(() => yamlText(page)).toContain('volume_sise');
    await editLine('size: { get_param: volume_sise }', 3, 'ize', 2);
    await expect.poll(() => yamlText(page)).toContain('size: { get_param: volume_size }');
  });

  it('expands the group in place to show one member read-only, and folds it again', async () => {
    await page.getByTestId('file-tab-server_with_volumes.yaml').click();
    await expect.poll(() => canvasIds(page)).toEqual(['group_of_volumes', 'instance']);
    const g = await steadyNodeAt(page, 'group_of_volumes');
    await page.mouse.click(g.x, g.y);
    await page.getByTestId('expand-group').click();
    await expect
      .poll(() => canvasIds(page))
      .toEqual(['group_of_volumes', 'instance', 'member:group_of_volumes', 'member:group_of_volumes/volume', 'member:group_of_volumes/volume_attachment']);
    expect((await nodeData(page, 'member:group_of_volumes'))?.label).toBe('group_of_volumes[0] · volume_with_attachment.yaml (read-only, one member of ?)');
    // The member shows the nested file as edited in its tab, and cannot be dragged.
    const v = await steadyNodeAt(page, 'member:group_of_volumes/volume');
    await page.mouse.move(v.x, v.y);
    await page.mouse.down();
    await page.mouse.move(v.x + 80, v.y + 60, { steps: 5 });
    await page.mouse.up();
    await expect(steadyNodeAt(page, 'member:group_of_volumes/volume')).resolves.toEqual(v);
    expect(await yamlText(page)).toBe(ENTRY);
    await screenshot(page, 'nested-group-expanded');
    // The group is still the selection (a press on a member selects nothing): the button now folds it.
    await expect(page.getByTestId('expand-group').textContent()).resolves.toContain('Fold group');
    await page.getByTestId('expand-group').click();
    await expect.poll(() => canvasIds(page)).toEqual(['group_of_volumes', 'instance']);
  });

  it('saves both files as one version', async () => {
    await page.getByTestId('file-tab-server_with_volumes.yaml').click();
    await page.getByTestId('save').click();
    await page.getByTestId('save-dialog').waitFor();
    await page.getByTestId('save-submit').click();
    await page.getByTestId('save-dialog').waitFor({ state: 'detached' });
    const list = (await invoke('library.list', {})).value as unknown as { id: string; name: string }[];
    templateId = list.find((i) => i.name === 'server_with_volumes')!.id;
    const got = (await invoke('library.get', { id: templateId })).value as unknown as {
      latestVersion: number;
      latest: { yaml: string; entryPath: string; files: Record<string, string> };
    };
    expect(got.latestVersion).toBe(2);
    expect(got.latest.yaml).toBe(ENTRY);
    expect(got.latest.entryPath).toBe('server_with_volumes.yaml');
    expect(got.latest.files).toEqual({
      'volume_with_attachment.yaml': NESTED.replace('description: Volume for stack', 'description: Volume for stack (edited)'),
    });
    await expect(page.getByTestId('file-tab-volume_with_attachment.yaml').textContent()).resolves.not.toContain('●');
  });
});
