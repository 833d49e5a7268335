// Stacks as a user drives them in Chromium against `npm run web` and the real
// test cloud: add a sandbox profile on the profiles screen, deploy the
// recommended shared-network server from the library and watch it reach
// CREATE_COMPLETE on the topology, be refused a bad parameter and a taken
// name, see the diagnosis name a failing TestResource, update with Heat's
// change preview, and delete; deploy an older version from the library's
// Versions tab and find that version in the stack's origin. Screenshots of
// every tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { loadTestCloud, type TestCloud } from '../integration/cloud/test-cloud';
import { screenshot } from './support/browser';
import { addDemoProfile } from './support/profiles';
import { invokeOn, type RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

const FAILING = `heat_template_version: 2018-08-31
description: A group of TestResources that fail while "broken" is true.
parameters:
  members:
    type: number
    label: Members
    default: 1
    constraints:
      - range: { min: 1, max: 5 }
  broken:
    type: boolean
    default: true
resources:
  ok:
    type: OS::Heat::RandomString
  group:
    type: OS::Heat::ResourceGroup
    depends_on: ok
    properties:
      count: { get_param: members }
      resource_def:
        type: OS::Heat::TestResource
        properties:
          value: "%index%"
          fail: { get_param: broken }
`;

const TWO_VERSIONS = (members: string[]) => `heat_template_version: 2018-08-31
description: A template with two saved versions.
resources:
${members.map((m) => `  ${m}:\n    type: OS::Heat::RandomString\n`).join('')}`;

describe('stacks in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-stacks-'));
  const run = Date.now().toString(36);
  const okName = `e2e-shared-${run}`;
  const failName = `e2e-fail-${run}`;
  const olderName = `e2e-older-${run}`;
  let cloud: TestCloud;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  async function waitStatus(status: string, timeout = 90_000): Promise<void> {
    try {
      await page.waitForFunction((s) => document.querySelector('[data-testid=stack-status]')?.getAttribute('data-status') === s, status, { timeout });
    } catch (err) {
      await screenshot(page, `stacks-timeout-${status}`); // what the user saw instead
      throw err;
    }
  }

  beforeAll(async () => {
    cloud = loadTestCloud();
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    seed.library.create({ name: 'e2e-failing-group', description: '', tags: [], from: { kind: 'yaml', yaml: FAILING } });
    const versioned = seed.library.create({ name: 'e2e-two-versions', description: '', tags: [], from: { kind: 'yaml', yaml: TWO_VERSIONS(['first']) } });
    seed.library.saveVersion({ id: versioned.id, yaml: TWO_VERSIONS(['first', 'second']), layout: {}, files: {}, environment: null, note: 'second' });
    seed.dispose();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1400, height: 900 }, locale: 'en-US' }));
  });

  afterAll(async () => {
    await closeSession({ browser, host });
    // Anything a failed run left behind in the cloud.
    const cleanup = composeServices({ dataDir, host: 'web', version: 'test' });
    for (const p of cleanup.profiles.list()) {
      const list = await cleanup.cloud.listStacks(p.id).catch(() => null);
      for (const s of list?.value ?? [])
        if (s.stack_name.endsWith(run)) await cleanup.cloud.action(p.id, { name: s.stack_name, id: s.id }, 'delete').catch(() => undefined);
    }
    cleanup.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds a sandbox cloud profile on the profiles screen and tests the connection', async () => {
    await page.goto(host.url);
    await addDemoProfile(page, cloud, 'e2e-demo', { sandbox: true });
    await screenshot(page, 'clouds-profiles');
  });

  it('deploys the shared-network server from the library with the sandbox environment and watches it reach CREATE_COMPLETE on the topology', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('template-shared-network-server').click();
    await page.getByTestId('deploy').click();
    await expect(page.getByTestId('deploy-name').inputValue()).resolves.toBe('Shared-network-server');
    await page.getByTestId('deploy-name').fill(okName);
    await expect(page.getByTestId('deploy-sandbox').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('param-image').inputValue()).resolves.toBe('cirros');
    await expect(page.getByTestId('deploy-blocked').textContent()).resolves.toMatch(/^Preview first: /);
    await page.getByTestId('deploy-preview-button').click();
    await expect(page.getByTestId('deploy-preview').textContent()).resolves.toContain('server_1');
    await screenshot(page, 'stacks-deploy-dialog');
    await page.getByTestId('deploy-create').click();
    await expect(page.getByTestId('stack-name').textContent()).resolves.toBe(okName);
    await page.getByTestId('stack-tab-topology').click();
    await waitStatus('CREATE_COMPLETE');
    await page.waitForFunction(() => document.querySelector('[data-testid=topology-inspector] details')?.textContent?.includes('server_1: CREATE_COMPLETE'));
    await screenshot(page, 'stacks-topology');
    await page.getByTestId('stack-tab-overview').click();
    await expect(page.getByTestId('stack-overview').textContent()).resolves.toContain('CREATE_COMPLETE');
    await screenshot(page, 'stacks-overview');
    await page.getByTestId('stack-tab-deployment').click();
    await expect(page.getByTestId('stack-deployment').textContent()).resolves.toContain('version 1');
    await screenshot(page, 'stacks-deployment-template');
    await page.getByTestId('stack-tab-events').click();
    await page.getByTestId('events-table').waitFor();
    await screenshot(page, 'stacks-events');
    await page.getByTestId('events-view-gantt').check();
    await page.getByTestId('events-gantt').waitFor();
    await screenshot(page, 'stacks-events-gantt');
    await page.getByTestId('stack-tab-template').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=stack-template] pre')?.textContent?.includes('server_1'));
    await screenshot(page, 'stacks-template');
    await expect(page.locator(`[data-testid="stack-${okName}"] [data-status]`).getAttribute('data-status')).resolves.toBe('CREATE_COMPLETE');
  });

  it('answers a deploy to a name that exists with Heat’s 409 as a clear message', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('template-shared-network-server').click();
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-name').fill(okName);
    // Heat's preview already refuses the taken name (409), before anything is created.
    await page.getByTestId('deploy-preview-button').click();
    await expect(page.getByTestId('deploy-error').textContent()).resolves.toMatch(new RegExp(`${okName}.*already exists`));
    await expect(page.getByTestId('deploy-create').isDisabled()).resolves.toBe(true);
    // The disabled Create says why, next to it (issue 15, bug 4).
    await expect(page.getByTestId('deploy-blocked').textContent()).resolves.toBe('The preview failed (see above): change what it names, then preview again.');
    await screenshot(page, 'stacks-deploy-409');
    await page.keyboard.press('Escape');
  });

  it('refuses a parameter that breaks its constraint with the reason, then shows the failed TestResource in the diagnosis', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('template-e2e-failing-group').click();
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-name').fill(failName);
    await page.getByTestId('param-members').fill('9');
    await expect(page.getByTestId('param-error-members').textContent()).resolves.toBe('Must be from 1 to 5.');
    await expect(page.getByTestId('deploy-preview-button').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('deploy-blocked').textContent()).resolves.toBe('Fix the fields marked in red first.');
    await page.getByTestId('param-members').fill('1');
    await page.getByTestId('deploy-rollback').uncheck();
    await page.getByTestId('deploy-preview-button').click();
    await page.getByTestId('deploy-preview').waitFor();
    await page.getByTestId('deploy-create').click();
    await waitStatus('CREATE_FAILED');
    await expect(page.getByTestId('diagnosis-resource').textContent()).resolves.toBe('0');
    await expect(page.getByTestId('diagnosis-reason').textContent()).resolves.toContain('Test Resource failed');
    await expect(page.getByTestId('diagnosis-location').textContent()).resolves.toContain('"group" is defined in template.yaml, line 16');
    await screenshot(page, 'stacks-diagnosis');
    await page.getByTestId('stack-tab-topology').click();
    await screenshot(page, 'stacks-topology-failed');
  });

  it('fixes the failed stack by an update with Heat’s change preview, then deletes both stacks after confirmation', async () => {
    await page.getByTestId('stack-update').click();
    await page.getByTestId('param-broken').waitFor();
    await expect(page.getByTestId('update-version').inputValue()).resolves.toBe('1');
    await page.getByTestId('update-version').selectOption('0');
    await page.locator('[data-testid=update-dialog]:not([data-loading])').waitFor();
    await expect(page.getByTestId('param-broken').inputValue()).resolves.toBe('True'); // what the stack runs with now
    await page.getByTestId('param-broken').fill('false');
    await page.getByTestId('update-preview').click();
    await page.getByTestId('change-preview').waitFor();
    await expect(page.getByTestId('changes-unchanged').textContent()).resolves.toContain('ok');
    const changed = await page.locator('[data-testid=changes-updated], [data-testid=changes-replaced]').allTextContents();
    expect(changed.join(' ')).toContain('group');
    await screenshot(page, 'stacks-update-preview');
    await page.getByTestId('update-apply').click();
    await waitStatus('UPDATE_COMPLETE');
    await expect(page.getByTestId('diagnosis').count()).resolves.toBe(0);

    for (const name of [failName, okName]) {
      await page.getByTestId(`stack-${name}`).click();
      await expect(page.getByTestId('stack-name').textContent()).resolves.toBe(name);
      await page.getByTestId('stack-delete').click();
      await screenshot(page, 'stacks-delete-confirm');
      await page.getByTestId('confirm').click();
      await page.waitForFunction((n) => !document.querySelector(`[data-testid="stack-${n}"]`), name, { timeout: 90_000 });
    }
    await screenshot(page, 'stacks-list-after-delete');
  });

  it('deploys an older version from the library’s Versions tab, and the stack’s origin records that version', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('template-e2e-two-versions').click();
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('deploy-version-1').click();
    await page.getByTestId('deploy-name').fill(olderName);
    await page.getByTestId('deploy-preview-button').click();
    await expect(page.getByTestId('deploy-preview').textContent()).resolves.toContain('first');
    await expect(page.getByTestId('deploy-preview').textContent()).resolves.not.toContain('second');
    await page.getByTestId('deploy-create').click();
    // The details pane may still show the stack deleted before until the new one is selected.
    await page.waitForFunction((n) => document.querySelector('[data-testid=stack-name]')?.textContent === n, olderName);
    await page.getByTestId('stack-tab-deployment').click();
    await expect(page.getByTestId('stack-deployment').textContent()).resolves.toContain('version 1');
    const profiles = await invoke<{ id: string; name: string }[]>('cloud.profiles.list', {});
    const profileId = profiles.find((p) => p.name === 'e2e-demo')!.id;
    const listed = await invoke<{ value: { id: string; stack_name: string }[] }>('cloud.stacks.list', { profileId, filters: {} });
    const stack = listed.value.find((s) => s.stack_name === olderName)!;
    const origin = await invoke<{ templateName: string; templateVersion: number } | null>('deploy.origin', { profileId, stackId: stack.id });
    expect(origin).toMatchObject({ templateName: 'e2e-two-versions', templateVersion: 1 });
    await screenshot(page, 'stacks-deployed-older-version');
    await page.getByTestId('stack-delete').click();
    await page.getByTestId('confirm').click();
    await page.waitForFunction((n) => !document.querySelector(`[data-testid="stack-${n}"]`), olderName, { timeout: 90_000 });
  });

  function invoke<T>(channel: string, request: unknown): Promise<T> {
    return invokeOn<T>(host, channel, request);
  }
});
