// Status is never told by colour alone (issue 19): every status badge of the
// library and every problem under the YAML (whose error and warning lines
// differed by colour only) carries a
// shape (✓ ✕ ⚠ ↻ …) and words, so it reads the same in greyscale and to a
// screen reader.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { composeServices } from '../../main/compose';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';

const BROKEN = `heat_template_version: 2018-08-31
resources:
  copy:
    type: OS::Heat::Value
    properties:
      value: { get_resource: nowhere }
      no_such_property: 1
`;
const SHAPES = /[✓✕⚠↻◌•!ⓘ]/u;

describe('status by shape and words, not colour alone', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-status-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  /** The text of every element matching the selector, each checked for a shape and a word. */
  async function unreadable(selector: string): Promise<string[]> {
    const texts = await page.locator(selector).allTextContents();
    expect(texts.length, selector).toBeGreaterThan(0);
    return texts.map((x) => x.trim()).filter((x) => !SHAPES.test(x) || x.replace(SHAPES, '').trim().length < 2);
  }

  beforeAll(async () => {
    const seed = composeServices({ dataDir, host: 'web', version: 'test' });
    seed.library.create({ name: 'e2e-status-broken', description: '', tags: [], from: { kind: 'yaml', yaml: BROKEN } });
    seed.dispose();
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' }));
    await page.goto(host.url);
    await page.getByTestId('language').selectOption('zh-CN');
  });

  afterAll(async () => {
    await closeSession({ browser, host });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the library list', async () => {
    await page.getByTestId('template-e2e-status-broken').waitFor();
    expect(await unreadable('[data-testid^=template-] [data-status]')).toEqual([]);
  });

  it('the problems under the YAML', async () => {
    await page.getByTestId('template-e2e-status-broken').click();
    await page.getByTestId('edit').click();
    await page.getByTestId('editor').waitFor();
    await page.locator('.problem.error').first().waitFor();
    await screenshot(page, 'status-problems');
    expect(await unreadable('.problems .problem')).toEqual([]);
    // A screen reader hears the severity in words.
    expect(await page.locator('.problem.error .severity-mark .sr-only').first().textContent()).toBe('错误');
  });
});
