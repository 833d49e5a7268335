// Issue 22, item 1: the browser host had no authentication, so any local
// process could `curl` every channel and read the event stream. Against the
// real `npm run web`: requests without the per-start secret (no cookie, a
// wrong cookie, no Origin header, as curl sends them) are refused with 401 on
// /api/invoke and /api/events, while the address it printed opens straight
// into the app in Chromium and drops the secret from the address bar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { invokeOn, startWebHost, type RunningHost } from './support/web-host';

describe('the browser host refuses anyone without its secret', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-host-auth-'));
  let host: RunningHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startWebHost(dataDir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const curl = (path: string, init: RequestInit = {}) => fetch(`${host.baseUrl}${path}`, init);
  const post = (headers: Record<string, string>) =>
    curl('api/invoke/cloud.profiles.list', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

  it('answers a curl-like invoke without a cookie, or with a wrong one, with 401 and a clear message', async () => {
    for (const res of [await post({}), await post({ cookie: host.cookie.replace(/=.*/, '=wrong') })]) {
      expect(res.status).toBe(401);
      const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(body).toMatchObject({ ok: false, error: { code: 'HOST_UNAUTHORIZED' } });
      expect(body.error.message).toMatch(/npm run web/);
    }
    // The same call with the secret goes through.
    await expect(invokeOn(host, 'cloud.profiles.list', {})).resolves.toEqual([]);
  });

  it('does not stream events without the secret', async () => {
    for (const headers of [{}, { cookie: `${host.cookie}x` }] as Record<string, string>[]) {
      const res = await curl('api/events', { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/json/);
      await res.body?.cancel();
    }
  });

  it('opens straight into the app from the printed address, which leaves the address bar without the secret', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(host.url);
    await page.getByTestId('template-shared-network-server').waitFor();
    expect(page.url()).toBe(host.baseUrl);
    // The renderer's own calls carry the cookie: the event stream is open, the status is not "reconnecting".
    const status = await page.evaluate(async () => (await fetch('api/events')).status);
    expect(status).toBe(200);
    // A fresh browser (another user, another profile) opening the bare address gets the explanation, not the app.
    const stranger = await browser.newPage();
    const res = await stranger.goto(host.baseUrl);
    expect(res?.status()).toBe(401);
    await expect(stranger.textContent('body')).resolves.toMatch(/token/);
    await page.close();
    await stranger.close();
  });
});
