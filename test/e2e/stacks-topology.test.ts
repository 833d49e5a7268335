// Issue 18, one visual language: a stack deployed from the library (a chain of
// 12 TestResources and a nested template file) is drawn on the live topology
// with the editor's kind icons, status as colour plus a badge, border style
// and the status text, labels at a legible size at the default zoom (a fit
// never magnifies past 100 %), the chain in bands rather than 12 layers, and
// the nested stack expanded in place by a double-click; a resource's details
// as a table; the Gantt's axis, nesting and critical path. Real cloud, Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { FIT_MAX_ZOOM } from '../../renderer/canvas/fit';
import { loadTestCloud, passwordProfile } from '../integration/cloud/test-cloud';
import { screenshot } from './support/browser';
import { deployFromLibrary } from './support/deploy';
import { deleteStacksAndData } from './support/cleanup';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

const NESTED = `heat_template_version: 2018-08-31
resources:
  inner_a: {type: OS::Heat::TestResource, properties: {value: a}}
  inner_b: {type: OS::Heat::TestResource, depends_on: inner_a, properties: {value: b}}
`;
const TOP = `heat_template_version: 2018-08-31
description: A chain of twelve and a nested template.
resources:
${Array.from({ length: 12 }, (_, i) => `  r${i + 1}:\n    type: OS::Heat::TestResource\n${i ? `    depends_on: r${i}\n` : ''}    properties: {value: v${i + 1}}`).join('\n')}
  inner:
    type: inner.yaml
    depends_on: r1
`;

interface Drawn {
  id: string;
  label: string;
  tone: string;
  kind: string;
  parent: string | null;
  shape: string;
  border: string;
  icon: string;
  fontPx: number;
  x: number;
  y: number;
}

describe('the live topology in the editor’s look', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-topo-'));
  const stackName = `e2e-topo-${Date.now().toString(36)}`;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let profileId = '';
  const drawn = () => page.evaluate(() => (window as unknown as { __hsTopology?: { nodes(): Drawn[] } }).__hsTopology?.nodes() ?? []);
  const zoom = () => page.evaluate(() => (window as unknown as { __hsTopology: { zoom(): number } }).__hsTopology.zoom());

  beforeAll(async () => {
    const cloud = loadTestCloud();
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    profileId = seed.profiles.create(passwordProfile(cloud, 'demo', { name: 'e2e-demo' }), cloud.users.demo.password).id;
    const t = seed.library.create({ name: 'e2e-topo', description: '', tags: [], from: { kind: 'yaml', yaml: TOP } });
    seed.library.saveVersion({ id: t.id, yaml: TOP, layout: {}, files: { 'inner.yaml': NESTED }, environment: null, note: 'nested file' });
    seed.dispose();
    ({ host, browser, page } = await openSession(dataDir, {
      viewport: { width: 1400, height: 900 },
      locale: 'en-US',
      permissions: ['clipboard-read', 'clipboard-write'],
    }));
  });

  afterAll(async () => {
    await closeSession({ browser, host });
    await deleteStacksAndData(dataDir, profileId, [stackName]);
  });

  it('draws the stack with kind icons and status badges, legible, the chain in bands, the nested stack expanded in place', async () => {
    await page.goto(host.url);
    await deployFromLibrary(page, 'e2e-topo', stackName);
    await page.waitForFunction(() => document.querySelector('[data-testid=stack-status]')?.getAttribute('data-status') === 'CREATE_COMPLETE', undefined, {
      timeout: 120_000,
    });
    // Reselect so the nested stack's resources are read (a deploy's own watcher has no nested depth).
    await page.getByTestId('stacks-refresh').click();
    await page.getByTestId(`stack-${stackName}`).click();
    await page.getByTestId('stack-tab-topology').click();
    await expect.poll(async () => (await drawn()).filter((n) => n.tone === 'complete').length, { timeout: 30_000 }).toBe(13);

    const nodes = await drawn();
    expect(await zoom()).toBeLessThanOrEqual(FIT_MAX_ZOOM);
    for (const n of nodes) {
      expect(n.icon, n.id).toMatch(/^data:image\/svg\+xml/);
      // The complete badge (a tick on green) is part of the icon; solid border, rounded shape.
      expect(decodeURIComponent(n.icon)).toContain('#1a7f37');
      expect([n.shape, n.border]).toEqual(['round-rectangle', n.kind === 'nested' ? 'double' : 'solid']);
      expect(n.fontPx, n.id).toBeGreaterThanOrEqual(11);
    }
    expect(nodes.find((n) => n.id.endsWith('/inner'))?.kind).toBe('nested');
    expect(nodes.find((n) => n.id.endsWith('/r1'))?.label).toBe('r1\nCREATE_COMPLETE');
    // The chain is cut into bands: more than one column; where it starts is on screen.
    const chain = nodes.filter((n) => /\/r\d+$/.test(n.id));
    expect(new Set(chain.map((n) => Math.round(n.x))).size).toBeGreaterThan(1);
    const size = await page.evaluate(() => (window as unknown as { __hsTopology: { size(): { width: number; height: number } } }).__hsTopology.size());
    const r1 = nodes.find((n) => n.id.endsWith('/r1'))!;
    expect(r1.x > 0 && r1.x < size.width && r1.y > 0 && r1.y < size.height).toBe(true);
    const onScreen = nodes.filter((n) => n.x > 0 && n.x < size.width && n.y > 0 && n.y < size.height);
    expect(onScreen.length).toBeGreaterThanOrEqual(8);
    await screenshot(page, 'stacks-topology-look');

    // Double-click the nested stack: its two resources appear inside it.
    const inner = nodes.find((n) => n.id.endsWith('/inner'))!;
    const at = await page.evaluate((id) => (window as unknown as { __hsTopology: { at(id: string): { x: number; y: number } } }).__hsTopology.at(id), inner.id);
    await page.mouse.dblclick(at.x, at.y);
    await expect
      .poll(
        async () =>
          (await drawn())
            .filter((n) => n.parent === inner.id)
            .map((n) => n.label.split('\n')[0])
            .sort(),
        { timeout: 10_000 },
      )
      .toEqual(['inner_a', 'inner_b']);
    const after = await drawn();
    expect(after.find((n) => n.id === inner.id)?.label).toMatch(/^▾ inner\n/);
    const kids = after.filter((n) => n.parent === inner.id);
    expect(kids[0]!.y).not.toBe(kids[1]!.y); // inner_b depends on inner_a: a layer below
    await screenshot(page, 'stacks-topology-nested-expanded');

    // A nested resource's details: attributes and properties as rows, each value copyable.
    const innerA = kids.find((n) => n.label.startsWith('inner_a'))!;
    const atA = await page.evaluate(
      (id) => (window as unknown as { __hsTopology: { at(id: string): { x: number; y: number } } }).__hsTopology.at(id),
      innerA.id,
    );
    await page.mouse.click(atA.x, atA.y);
    const valueRow = page.locator('[data-testid=inspector-properties] tr[data-path="value"]');
    await expect.poll(() => valueRow.locator('td code').textContent(), { timeout: 15_000 }).toBe('a');
    await expect.poll(() => page.locator('[data-testid=inspector-attributes] tr[data-path="physical_resource_id"] td code').textContent()).toMatch(/\S+/);
    expect(await page.locator('[data-testid=topology-inspector] pre').count()).toBe(0);
    await valueRow.locator('button').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('a');
    await expect.poll(() => valueRow.locator('button').textContent()).toContain('Copied');
    await screenshot(page, 'stacks-topology-inspector-table');
  });

  it('shows the Gantt with a time axis, the nested stack indented, the critical path and the times on hover', async () => {
    await page.getByTestId('stack-tab-events').click();
    await page.getByTestId('events-view-gantt').check();
    const gantt = page.getByTestId('events-gantt');
    await gantt.waitFor();
    const ticks = await page.locator('[data-testid=gantt-axis] .tick').allTextContents();
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks[0]).toBe('0 s');
    const rows = await page.locator('[data-testid=events-gantt] [data-span]').evaluateAll((els) =>
      els.map((e) => ({
        span: e.getAttribute('data-span'),
        depth: e.getAttribute('data-depth'),
        critical: e.querySelector('[data-critical]')?.getAttribute('data-critical'),
        outcome: e.querySelector('[data-outcome]')?.getAttribute('data-outcome'),
      })),
    );
    const names = rows.map((r) => r.span);
    for (let i = 1; i <= 12; i++) expect(names).toContain(`r${i}/CREATE`);
    // The nested stack's resources sit right under it, one level in.
    const at = names.indexOf('inner/CREATE');
    expect(
      rows
        .slice(at + 1, at + 3)
        .map((r) => [r.span, r.depth])
        .sort(),
    ).toEqual([
      ['inner_a/CREATE', '1'],
      ['inner_b/CREATE', '1'],
    ]);
    expect(rows.every((r) => r.outcome === 'COMPLETE')).toBe(true);
    // The chain of twelve is the longest path: its first link is on the critical path, and the path goes on from it.
    // Where it ends depends on which resource Heat finished last within its one-second clock (under load it can be the nested stack).
    const critical = rows.filter((r) => r.critical === 'yes').map((r) => r.span);
    expect(critical).toContain('r1/CREATE');
    expect(critical.length).toBeGreaterThanOrEqual(2);
    await page.locator('[data-span="r1/CREATE"] [data-outcome]').hover();
    await expect
      .poll(() => page.getByTestId('gantt-hover').textContent())
      .toMatch(/^r1 CREATE: \d\d:\d\d:\d\d → \d\d:\d\d:\d\d, \d+ sec, complete \(on the critical path\)$/);
    await screenshot(page, 'stacks-gantt-axis-critical');
  });
});
