// The setup most e2e files share: the browser host on a test's data dir,
// Debian's Chromium, and one page (not yet at the host's address, so a test
// can seed data or pick its moment to open it). closeSession undoes it, each
// part optional since a failed beforeAll leaves some unset.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startWebHost, type RunningHost } from './web-host';

export interface BrowserSession {
  host: RunningHost;
  browser: Browser;
  page: Page;
}

export async function openSession(dataDir: string, pageOptions: Parameters<Browser['newPage']>[0]): Promise<BrowserSession> {
  const host = await startWebHost(dataDir);
  const browser = await launchChromium();
  const page = await browser.newPage(pageOptions);
  return { host, browser, page };
}

export async function closeSession(session: Partial<Omit<BrowserSession, 'page'>>): Promise<void> {
  await session.browser?.close();
  await session.host?.stop();
}
