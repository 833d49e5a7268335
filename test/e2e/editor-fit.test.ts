// Issue 15, bugs 9 and 10: "zoom to fit" has a ceiling, so a two-node
// template is not drawn as giant icons (the canvas opens fitted, and the fit
// button ends at the same ceiling); and mounting the canvas logs no
// Cytoscape warning (a custom wheel sensitivity warned on every mount).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { FIT_MAX_ZOOM } from '../../renderer/canvas/fit';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

const TWO_NODES = `heat_template_version: 2018-08-31
resources:
  net: {type: OS::Neutron::Net}
  subnet: {type: OS::Neutron::Subnet, properties: {network: {get_resource: net}, cidr: 10.1.0.0/24}}
`;

describe('the canvas fits a small template at a readable size', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-fit-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  const warnings: string[] = [];
  const zoom = () => page.evaluate(() => (window as unknown as { __hsCanvas: { zoom(): number | null } }).__hsCanvas.zoom());

  beforeAll(async () => {
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    seed.library.create({ name: 'two-nodes', description: '', tags: [], from: { kind: 'yaml', yaml: TWO_NODES } });
    seed.dispose();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1440, height: 900 }, locale: 'en-US' }));
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
    });
  });

  afterAll(async () => {
    await closeSession({ browser, host });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens and re-fits a two-node template at no more than the ceiling, with no Cytoscape warning', async () => {
    await page.goto(host.url);
    await page.getByTestId('template-two-nodes').click();
    await page.getByTestId('edit').click();
    await page.waitForFunction(() => (window as unknown as { __hsCanvas?: { ids(): string[] } }).__hsCanvas?.ids().length === 2);
    expect(await zoom()).toBeLessThanOrEqual(FIT_MAX_ZOOM);
    await page.getByTestId('fit').click();
    expect(await zoom()).toBeCloseTo(FIT_MAX_ZOOM, 5);
    await screenshot(page, 'editor-fit-two-nodes');
    expect(warnings.filter((w) => /cytoscape|wheel sensitivity/i.test(w))).toEqual([]);
  });
});
