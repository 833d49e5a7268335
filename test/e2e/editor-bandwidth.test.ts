// Seed 3.1 in Chromium: 选择公网IP，设置您需要的带宽大小. The floating IP's
// inspector takes a bandwidth in Mbps; the YAML gets the QoS policy, the
// bandwidth-limit rule (kbps) and the floating IP's qos_policy_id; a bad value
// is named and changes nothing; undo takes the whole bandwidth back in one
// step. Then the same field in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { newBlankTemplate, nodeAt, pasteYaml, yamlText } from './support/canvas';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

const TEMPLATE = `heat_template_version: 2018-08-31
resources:
  public_ip:
    type: OS::Neutron::FloatingIP
    properties:
      floating_network: public
`;

async function typeBandwidth(page: Page, value: string): Promise<void> {
  const input = page.getByTestId('fip-bandwidth-input');
  await input.fill(value);
  await input.press('Enter');
  await input.blur();
}

describe('public IP bandwidth in the inspector', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-bandwidth-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1440, height: 900 }, locale: 'en-US' }));
    await page.goto(host.url);
    await newBlankTemplate(page, 'public ip');
  });

  afterAll(() => closeSession({ browser, host }));

  it('writes the QoS policy, the rule in kbps and qos_policy_id from a bandwidth typed in Mbps, and shows it back', async () => {
    await pasteYaml(page, TEMPLATE);
    const ip = await nodeAt(page, 'public_ip');
    await page.mouse.click(ip.x, ip.y);
    await expect(page.getByTestId('inspector-type').textContent()).resolves.toBe('OS::Neutron::FloatingIP');
    await expect(page.getByTestId('fip-bandwidth').textContent()).resolves.toContain('Bandwidth (Mbps)');
    await typeBandwidth(page, '5');
    await expect.poll(() => yamlText(page)).toContain('max_kbps: 5000');
    const yaml = await yamlText(page);
    expect(yaml).toContain('qos_policy_id: { get_resource: public_ip_bandwidth_policy }');
    expect(yaml).toContain('type: OS::Neutron::QoSPolicy');
    expect(yaml).toContain('type: OS::Neutron::QoSBandwidthLimitRule');
    await expect.poll(() => page.getByTestId('fip-bandwidth-input').inputValue()).toBe('5');
    await screenshot(page, 'editor-fip-bandwidth');

    await typeBandwidth(page, '20');
    await expect.poll(() => yamlText(page)).toContain('max_kbps: 20000');
    expect((await yamlText(page)).match(/QoSBandwidthLimitRule/g)).toHaveLength(1);
  });

  it('names a bandwidth that is not whole Mbps and changes nothing', async () => {
    const before = await yamlText(page);
    await typeBandwidth(page, '1.5');
    await expect(page.getByRole('alert').filter({ hasText: 'whole number of Mbps' }).count()).resolves.toBe(1);
    expect(await yamlText(page)).toBe(before);
  });

  it('undoes each bandwidth edit in one step, back to the template without any QoS', async () => {
    await page.getByTestId('undo').click();
    await expect.poll(() => yamlText(page)).toContain('max_kbps: 5000');
    await page.getByTestId('undo').click();
    await expect.poll(() => yamlText(page)).toBe(TEMPLATE);
    await page.getByTestId('redo').click();
    await expect.poll(() => yamlText(page)).toContain('max_kbps: 5000');
  });

  it('says it in the seed words in Chinese', async () => {
    // The floating IP stays selected: the inspector re-words itself.
    await page.getByTestId('language').selectOption('zh-CN');
    const text = await page.getByTestId('fip-bandwidth').textContent();
    expect(text).toContain('带宽（Mbps）');
    expect(text).toContain('设置您需要的带宽大小');
    expect(text).toContain('公网IP');
    await screenshot(page, 'editor-fip-bandwidth-zh-CN');
  });
});
