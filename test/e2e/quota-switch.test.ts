// Issue 15, bug 1: the quota panel never shows another template's numbers.
// In Chromium on the FULL test cloud as demo: open a one-server template in
// the editor, go back to the library, open a 233-server one. From the moment
// the editor shows it, the panel says either "counting…" or the new
// template's numbers — never the old "1 new", never "within quota" for a
// template it has not counted — and ends over quota with 233 new instances,
// without "Read quota" being clicked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { passwordProfile, requireFullCloud } from '../integration/cloud/test-cloud';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

const servers = (image: string, n: number) =>
  [
    'heat_template_version: 2018-08-31',
    'resources:',
    '  net: {type: OS::Neutron::Net}',
    ...Array.from(
      { length: n },
      (_, i) => `  server_${i + 1}: {type: OS::Nova::Server, properties: {image: ${image}, flavor: m1.tiny, networks: [{network: {get_resource: net}}]}}`,
    ),
    '',
  ].join('\n');

interface PanelReading {
  summary: string;
  state: string | null;
  instances: string;
}

describe('the quota panel follows the template that is open', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-quota-switch-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  /** What the page threw or logged as an error: said with a failure, so a CI run tells why. */
  const pageErrors: string[] = [];

  const reading = (): Promise<PanelReading> =>
    page.evaluate(() => ({
      summary: document.querySelector('[data-testid=quota-summary]')?.textContent?.trim() ?? '',
      state: document.querySelector('[data-testid=quota-panel]')?.getAttribute('data-state') ?? null,
      instances: document.querySelector('[data-testid=quota-row][data-kind=instances] [data-testid=quota-numbers]')?.textContent?.trim() ?? '',
    }));

  beforeAll(async () => {
    const cloud = requireFullCloud();
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    seed.profiles.create(passwordProfile(cloud, 'demo', { name: 'e2e-demo', sandbox: false }), cloud.users.demo.password);
    seed.library.create({ name: 'one-server', description: '', tags: [], from: { kind: 'yaml', yaml: servers(cloud.image, 1) } });
    seed.library.create({ name: 'many-servers', description: '', tags: [], from: { kind: 'yaml', yaml: servers(cloud.image, 233) } });
    seed.dispose();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1400, height: 900 }, locale: 'en-US' }));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
  });

  afterAll(async () => {
    await closeSession({ browser, host });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says "counting…" or the new numbers, never the previous template’s', async () => {
    await page.goto(host.url);
    await page.getByTestId('template-one-server').click();
    await page.getByTestId('edit').click();
    await expect.poll(async () => (await reading()).instances, { timeout: 30_000 }).toMatch(/\+ 1 new = /);

    await page.getByTestId('nav-library').click();
    await page.getByTestId('template-many-servers').click();
    await page.getByTestId('edit').click();
    // Every reading from the editor's first frame on, until the verdict is in.
    const seen: PanelReading[] = [];
    try {
      await expect
        .poll(
          async () => {
            const r = await reading();
            seen.push(r);
            return r.instances;
          },
          { timeout: 60_000, interval: 20 },
        )
        .toMatch(/\+ 233 new = /);
    } catch (err) {
      await screenshot(page, 'quota-switch-timeout');
      throw new Error(
        `${(err as Error).message}\nlast reading: ${JSON.stringify(seen.at(-1))}\nscreen: ${await page.evaluate(() => document.querySelector('nav .active, [aria-current]')?.textContent ?? '?')}\npage errors: ${pageErrors.join(' | ') || 'none'}`,
      );
    }
    await screenshot(page, 'quota-switch-over');
    for (const r of seen) {
      expect(r.instances).not.toMatch(/\+ 1 new/);
      if (!/\+ 233 new/.test(r.instances)) expect(r.summary, JSON.stringify(r)).toMatch(/^Counting…|^$/);
    }
    const last = await reading();
    expect(last.state).toBe('over');
    expect(last.summary).toMatch(/^⚠ Over quota: Instances 2\d\d\/\d+/);
  });
});
