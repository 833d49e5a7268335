// Issue 15, "values that are already known are not asked again", in Chromium
// against `npm run web` and the real test cloud: a library version saved
// with an environment that gives a required parameter its value opens the
// deploy form with that field filled and saying where the value comes from;
// Heat's preview accepts it (the environment is sent along) and Create is
// enabled without typing anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { loadTestCloud, type TestCloud } from '../integration/cloud/test-cloud';
import { screenshot } from './support/browser';
import { addDemoProfile } from './support/profiles';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

const NEEDS_WORD = `heat_template_version: 2018-08-31
description: One required parameter, which the stored environment supplies.
parameters:
  word:
    type: string
    description: Any word
  length:
    type: number
    default: 8
resources:
  value:
    type: OS::Heat::TestResource
    properties:
      value: { get_param: word }
`;

describe('deploy form filled from an environment (issue 15)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-deploy-env-'));
  const template = `e2e-env-${Date.now().toString(36)}`;
  let cloud: TestCloud;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    cloud = loadTestCloud();
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    const created = seed.library.create({ name: template, description: '', tags: [], from: { kind: 'yaml', yaml: NEEDS_WORD } });
    seed.library.saveVersion({
      id: created.id,
      yaml: NEEDS_WORD,
      layout: {},
      files: {},
      environment: 'parameters:\n  word: from-the-environment\nparameter_defaults:\n  length: 12\n',
      note: 'with its environment',
    });
    seed.dispose();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1400, height: 900 }, locale: 'en-US' }));
  });

  afterAll(async () => {
    await closeSession({ browser, host });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds a sandbox cloud profile', async () => {
    await page.goto(host.url);
    await addDemoProfile(page, cloud, 'e2e-env', { sandbox: true });
  });

  it("fills the required parameter from the version's stored environment, and Create is enabled after the preview without typing", async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId(`template-${template}`).click();
    await page.getByTestId('deploy').click();
    await expect(page.getByTestId('param-word').inputValue()).resolves.toBe('from-the-environment');
    await expect(page.getByTestId('param-length').inputValue()).resolves.toBe('12');
    await expect(page.getByTestId('param-from-env-word').textContent()).resolves.toContain('the environment stored with v2');
    await expect(page.getByTestId('param-error-word').count()).resolves.toBe(0);
    await expect(page.getByTestId('deploy-blocked').textContent()).resolves.toMatch(/^Preview first: /);
    await page.getByTestId('deploy-preview-button').click();
    await expect(page.getByTestId('deploy-preview').textContent()).resolves.toContain('value');
    await expect(page.getByTestId('deploy-create').isEnabled()).resolves.toBe(true);
    await expect(page.getByTestId('deploy-blocked').count()).resolves.toBe(0);
    await screenshot(page, 'deploy-environment-filled');
  });

  it('still lets the value be changed, and a cleared field is not refused: the environment still supplies it', async () => {
    await page.getByTestId('param-word').fill('typed');
    await expect(page.getByTestId('deploy-create').isEnabled()).resolves.toBe(false); // preview again first
    await page.getByTestId('param-word').fill('');
    await expect(page.getByTestId('param-error-word').count()).resolves.toBe(0); // the environment still supplies it
  });
});
