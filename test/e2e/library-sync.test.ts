// The library's Deployments tab against the real test cloud, in Chromium:
// a version is deployed, the tab lists the stack (from the local record),
// compares it with the version (no change in meaning), and downloads it back
// as a new version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { loadTestCloud, passwordProfile, uniqueName } from '../integration/cloud/test-cloud';
import { closeSession, openSession } from './support/session';

const YAML =
  'heat_template_version: 2018-08-31\n# kept in the library, not in Heat\nresources:\n  word: {type: OS::Heat::RandomString, properties: {length: 12}}\noutputs:\n  word: {value: {get_attr: [word, value]}}\n';

describe('deployments of a library template, and downloading a stack back', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-sync-'));
  const stackName = uniqueName('e2e-sync');
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let profileId = '';
  let stack = { name: '', id: '' };

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
    const cloud = loadTestCloud();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1280, height: 800 }, locale: 'en-US' }));
    await page.goto(host.url);
    profileId = (
      await invoke<{ id: string }>('cloud.profiles.create', { fields: passwordProfile(cloud, 'demo', { name: 'lab demo' }), secret: cloud.users.demo.password })
    ).id;
  });

  afterAll(async () => {
    if (stack.id) await invoke('cloud.stacks.delete', { profileId, stack }).catch(() => undefined);
    await closeSession({ browser, host });
  });

  it('lists a stack deployed from the template in its Deployments tab', async () => {
    const tpl = await invoke<{ id: string }>('library.create', { name: 'words', from: { kind: 'yaml', yaml: YAML } });
    stack = (
      await invoke<{ stack: { name: string; id: string } }>('deploy.create', {
        profileId,
        stackName,
        source: { kind: 'library', templateId: tpl.id, version: 1 },
        options: {},
      })
    ).stack;
    await page.reload();
    await page.getByTestId('template-words').click();
    await page.getByTestId('tab-deployments').click();
    await page.getByTestId(`deployment-${stackName}`).getByText('lab demo').waitFor();
  });

  it('compares the stack with the version it came from: same meaning, comments are the only text difference', async () => {
    await page.getByTestId(`compare-${stackName}`).click();
    await page.getByTestId('diff-empty').waitFor();
    await screenshot(page, 'library-deployments');
  });

  it('downloads the stack back into the library as version 2', async () => {
    await page.getByTestId(`download-${stackName}`).click();
    await page.getByRole('alert').getByText(`Stack ${stackName} downloaded as version 2.`).waitFor();
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('version-2').waitFor();
    await expect(page.getByTestId('version-2').textContent()).resolves.toContain(`Downloaded from stack ${stackName}`);
  });

  it('checks the template again with Heat on the active cloud', async () => {
    await page.evaluate((id) => localStorage.setItem('heat-studio.activeCloud', id), profileId);
    await page.reload();
    await page.getByTestId('template-words').click();
    await page.getByTestId('recheck').click();
    await page.getByRole('alert').getByText('Checked with the HOT engine and with Heat on lab demo.').waitFor();
  });
});
