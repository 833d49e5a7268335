// Several libraries as a user drives them in Chromium (Chinese UI) against
// `npm run web`: create a second library from a typed path, move a template
// there with its versions, search all libraries, switch back from the
// command palette, and a path that is not a library refused in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

const YAML = 'heat_template_version: 2018-08-31\n# 团队模版\nresources:\n  r: {type: OS::Heat::RandomString}\n';

describe('several libraries in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-libraries-'));
  const elsewhere = mkdtempSync(join(tmpdir(), 'hs-e2e-team-'));
  const teamFile = join(elsewhere, 'team.sqlite');
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' }));
  });

  afterAll(() => closeSession({ browser, host }));

  async function invoke(channel: string, request: unknown): Promise<{ ok: boolean; value?: { id: string } }> {
    return page.evaluate(
      async ([c, r]) =>
        (await fetch(`api/invoke/${c}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(r) })).json() as Promise<{
          ok: boolean;
          value?: { id: string };
        }>,
      [channel, request] as const,
    );
  }

  it('creates a second library from a typed path; it becomes the shown, empty one', async () => {
    await page.goto(host.url);
    await page.getByTestId('template-shared-network-server').waitFor();
    const made = await invoke('library.create', { name: 'zebra web', from: { kind: 'yaml', yaml: YAML } });
    await invoke('library.saveVersion', { id: made.value!.id, yaml: YAML + '# v2\n', note: '第二版' });
    await page.reload();
    await page.getByTestId('template-zebra web').waitFor();

    await page.getByTestId('manage-libraries').click();
    await page.getByTestId('new-library-name').fill('团队模版库');
    await page.getByTestId('new-library-path').fill(teamFile);
    await page.getByTestId('create-library').click();
    await page.getByTestId('library-row-团队模版库').waitFor();
    await screenshot(page, 'libraries-dialog');
    await page.keyboard.press('Escape');
    // The switch follows the new library once the catalog answers: poll, a single read races it.
    await expect.poll(() => page.getByTestId('library-switch').inputValue()).not.toBe('personal');
    await page.waitForFunction(() => !document.querySelector('[data-testid="template-shared-network-server"]'));
  });

  it('moves a template with its versions from the personal library to the team one', async () => {
    await page.getByTestId('library-switch').selectOption('personal');
    await page.getByTestId('template-zebra web').click();
    await page.getByTestId('details-name').waitFor();
    await page.getByTestId('move-to-library').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="template-zebra web"]'));
    await page.getByTestId('library-switch').selectOption({ label: '团队模版库' });
    await page.getByTestId('template-zebra web').click();
    await page.getByTestId('tab-versions').click();
    await page.getByText('第二版').waitFor();
    await screenshot(page, 'libraries-moved');
  });

  it('searches all libraries, each hit naming its library, and opens a hit of another library', async () => {
    await page.getByTestId('library-switch').selectOption('personal');
    await page.getByTestId('search-all').fill('zebra');
    const results = page.getByTestId('search-all-results');
    await results.getByTestId('hit-zebra web').waitFor();
    await expect(results.getByTestId('hit-library').allTextContents()).resolves.toEqual(['团队模版库']);
    await screenshot(page, 'libraries-search-all');
    await results.getByTestId('hit-zebra web').click();
    await expect(page.getByTestId('details-name').textContent()).resolves.toBe('zebra web');
    await expect.poll(() => page.getByTestId('library-switch').locator('option:checked').textContent()).toBe('团队模版库');
  });

  it('switches back to the personal library from the command palette', async () => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('切换模版库');
    await page.getByText('切换模版库为“个人”').click();
    await expect.poll(() => page.getByTestId('library-switch').inputValue()).toBe('personal');
    await page.getByTestId('template-shared-network-server').waitFor();
  });

  it('refuses a file that is not a library, saying which file and why, and leaves it alone', async () => {
    const notLibrary = join(elsewhere, 'notes.sqlite');
    writeFileSync(notLibrary, 'just notes');
    await page.getByTestId('manage-libraries').click();
    await page.getByTestId('open-library-path').fill(notLibrary);
    await page.getByTestId('open-library').click();
    await page.getByText('notes.sqlite').first().waitFor();
    // The refusal's own words (a message key since issue 16), not only the code's title.
    await page.getByText('此文件不是 Heat Studio 的模版库').first().waitFor();
    await screenshot(page, 'libraries-not-a-library');
  });
});
