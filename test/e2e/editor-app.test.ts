// "Save and export as an app package" from the editor's save dialog, in
// Chromium against `npm run web`: the save keeps a new version, then the
// export-as-app dialog opens on it with its checks first. A script with
// Chinese characters and "$" and an existing network are named as the
// reasons the export is blocked; once fixed in the YAML, the checks pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { newBlankTemplate, pasteYaml } from './support/canvas';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

const BLOCKED = `heat_template_version: 2018-08-31
resources:
  web_port:
    type: OS::Neutron::Port
    properties:
      network: 6f1c4b8e-2d3a-4c5b-9e7f-0a1b2c3d4e5f
  web:
    type: OS::Nova::Server
    properties:
      image: cirros
      flavor: m1.tiny
      networks:
        - port: { get_resource: web_port }
      user_data: |
        #!/bin/sh
        echo "你好 $HOME" > /tmp/hello
`;

const FIXED = BLOCKED.replace('network: 6f1c4b8e-2d3a-4c5b-9e7f-0a1b2c3d4e5f', 'network: { get_resource: web_net }')
  .replace('resources:\n', 'resources:\n  web_net:\n    type: OS::Neutron::Net\n')
  .replace('echo "你好 $HOME" > /tmp/hello', 'echo hello > /tmp/hello');

async function saveAndExport(page: Page, version: number): Promise<void> {
  await page.getByTestId('save').click();
  await page.getByTestId('save-app').check();
  await screenshot(page, 'editor-save-dialog-app');
  await page.getByTestId('save-submit').click();
  await page.getByText(`Saved version ${version}:`).waitFor();
  await page.getByTestId('app-export').waitFor();
}

describe('save and export as an app package from the editor', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-editor-app-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1440, height: 900 }, locale: 'en-US' }));
    await page.goto(host.url);
    await newBlankTemplate(page, 'web app');
  });

  afterAll(() => closeSession({ browser, host }));

  it('saves a new version, then blocks its export naming the Chinese characters, the "$" and the existing network', async () => {
    await pasteYaml(page, BLOCKED);
    await saveAndExport(page, 2);
    const problems = page.getByTestId('app-export').getByTestId('app-problems');
    await problems.waitFor();
    const codes = await problems.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-code')));
    expect(codes).toEqual(expect.arrayContaining(['APP_USER_DATA_CHINESE', 'APP_USER_DATA_DOLLAR', 'APP_EXISTING_RESOURCE']));
    const text = await problems.textContent();
    expect(text).toContain('Chinese character (“你”)');
    expect(text).toContain('the “$” character');
    expect(text).toContain('web_port.network uses the existing cloud resource 6f1c4b8e-2d3a-4c5b-9e7f-0a1b2c3d4e5f');
    await expect(page.getByTestId('app-next').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('app-export-submit').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'editor-export-app-blocked');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('app-export').count()).toBe(0);
  });

  it('opens the export on the fixed version with its checks passed', async () => {
    await pasteYaml(page, FIXED);
    await saveAndExport(page, 3);
    await page.getByTestId('app-export').getByTestId('app-checks-ok').waitFor();
    await expect(page.getByTestId('app-export').getByTestId('app-problems').count()).resolves.toBe(0);
    await screenshot(page, 'editor-export-app-ok');
  });
});
