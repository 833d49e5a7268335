// Issue 24: a create's progress tells the truth. Heat writes every resource
// of a new stack at once as INIT_COMPLETE ("not started yet"); the studio
// used to count those as done, so a chain of 12 slow TestResources showed
// "12 of 12 resources complete" a second after the create was sent. Deployed
// from the library in Chromium against the real cloud, mid-create the stack
// header and the stacks list say how many are done, running and not started,
// the topology draws the not-started ones in their own style and words, and
// the Gantt lists them. An update then counts only the resource it changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { loadTestCloud, passwordProfile } from '../integration/cloud/test-cloud';
import { screenshot } from './support/browser';
import { deployFromLibrary } from './support/deploy';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

const COUNT = 12;
/** r1 <- r2 <- ... <- r12, each taking 3 s to create: one runs at a time for ~36 s. r12's value is a parameter, and its update takes 8 s. */
const CHAIN = `heat_template_version: 2018-08-31
description: Twelve TestResources created one after another.
parameters:
  last_value:
    type: string
    default: first
resources:
${Array.from({ length: COUNT }, (_, i) => {
  const n = i + 1;
  const last = n === COUNT;
  return [
    `  r${n}:`,
    '    type: OS::Heat::TestResource',
    ...(n > 1 ? [`    depends_on: r${n - 1}`] : []),
    '    properties:',
    `      value: ${last ? '{ get_param: last_value }' : `v${n}`}`,
    `      action_wait_secs: { create: 3${last ? ', update: 8' : ''} }`,
  ].join('\n');
}).join('\n')}
`;

interface DrawnNode {
  id: string;
  label: string;
  tone: string;
  shape: string;
  border: string;
}

describe('a stack’s progress in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-progress-'));
  const stackName = `e2e-progress-${Date.now().toString(36)}`;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let profileId = '';

  const drawn = () => page.evaluate(() => (window as unknown as { __hsTopology?: { nodes(): DrawnNode[] } }).__hsTopology?.nodes() ?? []);

  beforeAll(async () => {
    const cloud = loadTestCloud();
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    profileId = seed.profiles.create(passwordProfile(cloud, 'demo', { name: 'e2e-demo' }), cloud.users.demo.password).id;
    seed.library.create({ name: 'e2e-chain', description: '', tags: [], from: { kind: 'yaml', yaml: CHAIN } });
    seed.dispose();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1400, height: 900 }, locale: 'en-US' }));
  });

  afterAll(async () => {
    await closeSession({ browser, host });
    const cleanup = composeServices({ dataDir, host: 'web', version: 'test' });
    const list = await cleanup.cloud.listStacks(profileId).catch(() => null);
    for (const s of list?.value ?? [])
      if (s.stack_name === stackName) await cleanup.cloud.action(profileId, { name: s.stack_name, id: s.id }, 'delete').catch(() => undefined);
    cleanup.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('mid-create says how many resources are done, running and not started, and draws the not-started ones as such', async () => {
    await page.goto(host.url);
    await deployFromLibrary(page, 'e2e-chain', stackName, ['chain']);
    await page.getByTestId('stack-tab-topology').click();

    // Some done, one running, the rest not started: the sentence and the parts add up to 12.
    const sentence = /^(\d+) of 12 resources complete · 1 in progress · (\d+) not started$/;
    await page.waitForFunction(
      (src) => {
        const m = new RegExp(src).exec(document.querySelector('[data-testid=stack-progress]')?.textContent?.trim() ?? '');
        return m !== null && Number(m[1]) >= 3 && Number(m[1]) <= 8;
      },
      sentence.source,
      { timeout: 60_000 },
    );
    const text = (await page.getByTestId('stack-progress').textContent())!.trim();
    const [, done, waiting] = sentence.exec(text)!.map(Number);
    expect(done! + 1 + waiting!).toBe(COUNT);
    await screenshot(page, 'stacks-progress-topology');

    // The topology, read within a second of the sentence: not-started nodes are dotted plain
    // rectangles labelled "Not started", never the green "complete" of a finished one.
    const nodes = await drawn();
    expect(nodes).toHaveLength(COUNT);
    const notStarted = nodes.filter((n) => n.tone === 'waiting');
    expect(Math.abs(notStarted.length - waiting!)).toBeLessThanOrEqual(1);
    expect(notStarted.length).toBeGreaterThanOrEqual(2);
    for (const n of notStarted) {
      expect(n.label).toMatch(/\nNot started$/);
      expect([n.shape, n.border]).toEqual(['rectangle', 'dotted']);
    }
    // The last of the chain is certainly not started yet; the first is certainly done.
    expect(nodes.find((n) => n.id.endsWith('/r12'))?.tone).toBe('waiting');
    expect(nodes.find((n) => n.id.endsWith('/r1'))).toMatchObject({ tone: 'complete', label: 'r1\nCREATE_COMPLETE' });
    await page.locator('[data-testid=topology-inspector] details summary').click();
    await expect(page.locator('[data-testid=topology-inspector] li', { hasText: 'r12: Not started' }).count()).resolves.toBe(1);

    // The stacks list's bar says the same, counted from the same figures.
    const bar = await page.getByTestId(`stack-bar-${stackName}`).getAttribute('title');
    expect(bar).toMatch(/^\d+ of 12 resources complete · 1 in progress · \d+ not started$/);

    // The Gantt lists the resources that have no span yet.
    await page.getByTestId('stack-tab-events').click();
    await page.getByTestId('events-view-gantt').check();
    await page.getByTestId('events-gantt').waitFor();
    await expect(page.locator('[data-testid=gantt-waiting]', { hasText: 'r12' }).count()).resolves.toBe(1);
    await screenshot(page, 'stacks-progress-gantt');

    await page.waitForFunction(() => document.querySelector('[data-testid=stack-status]')?.getAttribute('data-status') === 'CREATE_COMPLETE', undefined, {
      timeout: 90_000,
    });
    await expect(page.locator('[data-testid=gantt-waiting]').count()).resolves.toBe(0);
    await page.getByTestId('stack-tab-topology').click();
    await expect.poll(async () => (await drawn()).filter((n) => n.tone !== 'complete').length, { timeout: 20_000 }).toBe(0);
  });

  it('an update counts only the resource it changes', async () => {
    await page.getByTestId('stack-update').click();
    await page.getByTestId('param-last_value').waitFor();
    await page.locator('[data-testid=update-dialog]:not([data-loading])').waitFor();
    await page.getByTestId('param-last_value').fill('second');
    await page.getByTestId('update-preview').click();
    await page.getByTestId('change-preview').waitFor();
    await page.getByTestId('update-apply').click();
    // r12 takes 8 s to update; the other eleven stay CREATE_COMPLETE and are not part of it.
    await page.waitForFunction(
      () =>
        /^0 of 1 changed resources complete · 1 (in progress|not started)$/.test(
          document.querySelector('[data-testid=stack-progress]')?.textContent?.trim() ?? '',
        ),
      undefined,
      { timeout: 30_000 },
    );
    // The stacks list's row says the same as the header, not the create's end it last heard of.
    await expect(page.locator(`[data-testid="stack-${stackName}"] [data-status]`).getAttribute('data-status')).resolves.toBe('UPDATE_IN_PROGRESS');
    await screenshot(page, 'stacks-progress-update');
    await page.waitForFunction(() => document.querySelector('[data-testid=stack-status]')?.getAttribute('data-status') === 'UPDATE_COMPLETE', undefined, {
      timeout: 60_000,
    });
    // A full update from the library version keeps the stack's tags (Heat drops them when an update names none).
    await page.getByTestId('stack-tab-overview').click();
    await expect.poll(() => page.getByTestId('stack-overview').locator('.tag').allTextContents(), { timeout: 20_000 }).toEqual(['chain']);
  });

  it('keeps a value typed while the update form is still loading the stack’s template (issue 15, bug 5)', async () => {
    await page.getByTestId('stack-update').click();
    await page.locator('[data-testid=update-dialog]:not([data-loading])').waitFor();
    // Heat's copy of the template arrives two seconds late: the person types before it does.
    await page.route('**/api/invoke/cloud.stacks.template', async (route) => {
      await new Promise((r) => setTimeout(r, 2000));
      await route.continue();
    });
    await page.getByTestId('update-version').selectOption('0'); // keep the stack's template
    await page.getByTestId('param-last_value').fill('third');
    await page.locator('[data-testid=update-dialog]:not([data-loading])').waitFor();
    await page.unroute('**/api/invoke/cloud.stacks.template');
    await expect(page.getByTestId('param-last_value').inputValue()).resolves.toBe('third');
    // Tags are edited in the same dialog (seed 2), and sent with the update.
    await page.getByTestId('update-tags').getByTestId('tag-input').fill('edited');
    await page.getByTestId('update-tags').getByTestId('tag-input').press('Enter');
    await page.getByTestId('update-preview').click();
    await page.getByTestId('change-preview').waitFor();
    await expect(page.locator('[data-testid=changes-updated], [data-testid=changes-replaced]').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('r12')]),
    );
    await page.getByTestId('update-apply').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=stack-status]')?.getAttribute('data-status') === 'UPDATE_COMPLETE', undefined, {
      timeout: 60_000,
    });
    await page.getByTestId('stack-tab-overview').click();
    await expect
      .poll(() => page.locator('[data-testid=stack-overview] ~ table tr', { hasText: 'last_value' }).textContent(), { timeout: 20_000 })
      .toMatch(/last_value\s*third/);
    await expect(page.getByTestId('stack-overview').locator('.tag').allTextContents()).resolves.toEqual(['chain', 'edited']);
  });
});
