// A diagnosis that helps fix, in Chromium on the FULL test cloud as demo: a
// port whose fixed IP lies outside its subnet is deployed from an older
// library version (rollback off) and Neutron refuses it; the stack's
// diagnosis names the port, says what to change in both languages, and its
// template line opens that version (not the latest) in the editor at the
// port's line. A stack made through Heat directly (not from the library)
// says its line cannot be opened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import type { HeatClient } from '../../main/cloud/heat-client';
import type { StackRef } from '../../shared/cloud/heat-types';
import { connect, passwordProfile, requireFullCloud, type FullTestCloud } from '../integration/cloud/test-cloud';
import { gone, settle } from '../integration/cloud/templates';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

const PORT_OUTSIDE = (cidr: string, ip: string) => `heat_template_version: 2018-08-31
description: A port whose fixed IP is outside its subnet.
resources:
  net:
    type: OS::Neutron::Net
  subnet:
    type: OS::Neutron::Subnet
    properties:
      network: { get_resource: net }
      cidr: ${cidr}
  port:
    type: OS::Neutron::Port
    properties:
      network: { get_resource: net }
      fixed_ips:
        - subnet: { get_resource: subnet }
          ip_address: ${ip}
`;
/** The port's key is on line 11 of version 1; version 2 moves it down, so the link must open version 1. */
const PORT_LINE = 11;
const LATER = (yaml: string) => yaml.replace('resources:\n', 'resources:\n  marker:\n    type: OS::Heat::None\n');

describe('a diagnosis that helps fix, in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-diagfix-'));
  const run = Date.now().toString(36);
  const names = { library: `e2e-ipfix-${run}`, direct: `e2e-ipdirect-${run}` };
  const template = `e2e-port-outside-${run}`;
  let cloud: FullTestCloud;
  let heat: HeatClient;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  const made: StackRef[] = [];

  beforeAll(async () => {
    cloud = requireFullCloud();
    heat = connect(cloud, 'demo').heat;
    const direct = await heat.create({ stack_name: names.direct, template: PORT_OUTSIDE('10.85.0.0/24', '10.98.0.7'), disable_rollback: true });
    made.push(direct);
    expect((await settle(heat, direct)).stack_status).toBe('CREATE_FAILED');
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    seed.profiles.create(passwordProfile(cloud, 'demo', { name: 'e2e-demo', sandbox: false }), cloud.users.demo.password);
    const v1 = PORT_OUTSIDE('10.84.0.0/24', '10.99.0.5');
    const t = seed.library.create({ name: template, description: '', tags: [], from: { kind: 'yaml', yaml: v1 } });
    seed.library.saveVersion({ id: t.id, yaml: LATER(v1), layout: {}, files: {}, environment: null, note: 'a marker first' });
    seed.dispose();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1400, height: 900 }, locale: 'en-US' }));
  }, 300_000);

  afterAll(async () => {
    await closeSession({ browser, host });
    const all = await heat.listAll().catch(() => []);
    for (const s of all) if (s.stack_name === names.library) made.push({ id: s.id, name: s.stack_name });
    for (const ref of made) {
      await heat.delete(ref).catch(() => undefined);
      await gone(heat, ref).catch(() => undefined);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 400_000);

  it('names the port, says to pick an IP inside the subnet (both languages) and opens version 1 at the port’s line', async () => {
    await page.goto(host.url);
    await page.getByTestId(`template-${template}`).click();
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('deploy-version-1').click();
    await page.getByTestId('deploy-name').fill(names.library);
    await page.getByTestId('deploy-rollback').uncheck();
    await page.getByTestId('deploy-preview-button').click();
    await page.getByTestId('deploy-preview').waitFor({ timeout: 90_000 });
    await page.getByTestId('deploy-create').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=stack-status]')?.getAttribute('data-status') === 'CREATE_FAILED', undefined, {
      timeout: 180_000,
    });
    const suggestion = page.getByTestId('diagnosis-suggestion');
    await suggestion.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('diagnosis-resource').textContent()).toBe('port');
    expect(await page.getByTestId('diagnosis-reason').textContent()).toContain('is not a valid IP for the specified subnet');
    expect(await suggestion.getAttribute('data-kind')).toBe('ip-outside-subnet');
    expect(await suggestion.textContent()).toContain('The fixed IP 10.99.0.5 is outside the subnet');
    expect(await page.getByTestId('diagnosis-open-line').textContent()).toContain(`template.yaml, line ${PORT_LINE}`);
    await screenshot(page, 'diagnosis-fix-en');
    await page.getByTestId('language').selectOption('zh-CN');
    expect(await suggestion.textContent()).toContain('固定 IP 10.99.0.5 不在子网的地址范围内');
    await screenshot(page, 'diagnosis-fix-zh');
    await page.getByTestId('language').selectOption('en');

    await page.getByTestId('diagnosis-open-line').click();
    await page.getByTestId('editor').waitFor();
    expect(await page.getByTestId('editor-name').textContent()).toBe(template);
    expect(await page.locator('.editor-toolbar').textContent()).toContain('version 1');
    const doc = await page.locator('.cm-content').textContent();
    expect(doc).not.toContain('marker');
    await page.waitForFunction(() => document.querySelector('.cm-activeLine')?.textContent === '  port:', undefined, { timeout: 10_000 });
    // The short document is drawn whole: the active line's place among the lines is its number.
    const selectedLine = await page.evaluate(
      () => [...document.querySelectorAll('.cm-content .cm-line')].findIndex((l) => l.classList.contains('cm-activeLine')) + 1,
    );
    expect(selectedLine).toBe(PORT_LINE);
    await screenshot(page, 'diagnosis-fix-editor');
  }, 400_000);

  it('says the line of a stack not deployed from the library cannot be opened', async () => {
    await page.getByTestId('nav-stacks').click();
    await page.getByTestId('stack-filter-name').fill(names.direct);
    await page.getByTestId(`stack-${names.direct}`).click();
    await page.getByTestId('diagnosis-not-library').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('diagnosis-open-line').count()).toBe(0);
    expect(await page.getByTestId('diagnosis-suggestion').getAttribute('data-kind')).toBe('ip-outside-subnet');
    await screenshot(page, 'diagnosis-fix-not-library');
  }, 120_000);
});
