// Issue 5, bad input: losing the cloud mid-watch. A stack of staggered
// TestResources is deployed from the library in Chromium and its Events tab
// is open when RegionOne's Heat is stopped (test/cloud/cloud-down.sh --only
// heat). The page shows it is reconnecting; once Heat is back (cloud-up.sh) the
// timeline catches up and holds every event Heat lists, each exactly once.
// Heat is always restarted in afterAll so the rest of the suite keeps a cloud.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import type { HeatEvent, StackRef } from '../../shared/cloud/heat-types';
import { loadTestCloud, passwordProfile, startCloud, stopService } from '../integration/cloud/test-cloud';
import { launchChromium, screenshot } from './support/browser';
import { deployFromLibrary } from './support/deploy';
import { invokeOn, startWebHost, type RunningHost } from './support/web-host';

const MEMBERS = 8;
/** r0 finishes after 1 s, r7 after 15 s: events keep coming while Heat goes away. */
const STAGGERED = `heat_template_version: 2018-08-31
description: TestResources that finish one after another.
resources:
${Array.from(
  { length: MEMBERS },
  (_, i) => `  r${i}:
    type: OS::Heat::TestResource
    properties:
      value: "${i}"
      wait_secs: ${1 + 2 * i}
`,
).join('')}`;

describe('a stack whose cloud goes away mid-watch', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-reconnect-'));
  const stackName = `e2e-reconnect-${Date.now().toString(36)}`;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let profileId = '';
  let heatStopped = false;

  /** One contract call through the browser host, as the renderer makes it. */
  const invoke = <T>(channel: string, request: unknown): Promise<T> => invokeOn<T>(host, channel, request);

  const shownIds = () =>
    page.locator('[data-testid=events-table] tbody tr[data-event]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event') ?? ''));

  async function heatIds(stack: StackRef): Promise<string[]> {
    const r = await invoke<{ value: HeatEvent[]; stale: boolean }>('cloud.stacks.events', { profileId, stack, nestedDepth: 3 });
    if (r.stale) throw new Error('Heat did not answer: the events are the cached copy');
    return r.value.map((e) => e.id);
  }

  beforeAll(async () => {
    const cloud = loadTestCloud();
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    profileId = seed.profiles.create(passwordProfile(cloud, 'demo', { name: 'e2e-demo' }), cloud.users.demo.password).id;
    seed.library.create({ name: 'e2e-staggered', description: '', tags: [], from: { kind: 'yaml', yaml: STAGGERED } });
    seed.dispose();
    host = await startWebHost(dataDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  });

  afterAll(async () => {
    try {
      if (heatStopped) startCloud();
    } finally {
      await browser?.close();
      // The stack stays CREATE_IN_PROGRESS after its engine died (convergence); deleting it works.
      const list = await invoke<{ value: { stack_name: string; id: string }[] }>('cloud.stacks.list', { profileId, filters: {} }).catch(() => null);
      for (const s of list?.value ?? [])
        if (s.stack_name === stackName) await invoke('cloud.stacks.delete', { profileId, stack: { name: s.stack_name, id: s.id } }).catch(() => undefined);
      await host?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('shows "reconnecting" while RegionOne’s Heat is down, then holds every event Heat lists exactly once', async () => {
    await page.goto(host.url);
    await deployFromLibrary(page, 'e2e-staggered', stackName);
    await page.getByTestId('stack-tab-events').click();
    // Some of the stack has happened (r0 is done) and most of it has not.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid=events-table] tbody tr')].some(
          (tr) => tr.textContent?.includes('r0') && tr.textContent.includes('CREATE_COMPLETE'),
        ),
      undefined,
      { timeout: 60_000 },
    );
    const before = await shownIds();
    const stack = (await invoke<{ value: { stack_name: string; id: string }[] }>('cloud.stacks.list', { profileId, filters: {} })).value.find(
      (s) => s.stack_name === stackName,
    )!;
    const ref = { name: stack.stack_name, id: stack.id };

    heatStopped = true;
    stopService('heat');
    try {
      await page.locator('[data-testid=cloud-status].hs-offline').waitFor({ timeout: 60_000 });
      await expect(page.getByTestId('cloud-status').textContent()).resolves.toMatch(/reconnecting/i);
      await screenshot(page, 'stacks-reconnecting');
    } finally {
      startCloud();
      heatStopped = false;
    }

    await page.locator('[data-testid=cloud-status].hs-online').waitFor({ timeout: 90_000 });
    // Caught up: the page shows what Heat lists now, nothing missing and nothing twice.
    await expect
      .poll(async () => [...new Set(await shownIds())].sort().join(' ') === (await heatIds(ref)).sort().join(' '), { timeout: 60_000, interval: 1000 })
      .toBe(true);
    const shown = await shownIds();
    const listed = await heatIds(ref);
    expect(shown.length).toBe(new Set(shown).size);
    expect([...shown].sort()).toEqual([...listed].sort());
    expect(shown).toEqual(expect.arrayContaining(before));
    await expect(page.getByTestId('events-count').textContent()).resolves.toContain(String(listed.length));
    await screenshot(page, 'stacks-reconnected-events');
  });
});
