// Adding a password profile for the test cloud's demo user as a user does it,
// on the profiles screen: fill the form, save, select it and test the
// connection (which makes it the active cloud).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestCloud } from '../../integration/cloud/test-cloud';

export async function addDemoProfile(page: Page, cloud: TestCloud, name: string, opts: { sandbox: boolean }): Promise<void> {
  await page.getByTestId('nav-clouds').click();
  await page.getByTestId('new-profile').click();
  await page.getByTestId('pf-name').fill(name);
  await page.getByTestId('pf-authUrl').fill(cloud.authUrl);
  await page.getByTestId('pf-region').fill('RegionOne');
  await page.getByTestId('pf-username').fill(cloud.users.demo.username);
  await page.getByTestId('pf-project').fill(cloud.users.demo.project);
  await page.getByTestId('pf-secret').fill(cloud.users.demo.password);
  if (opts.sandbox) await page.getByTestId('pf-sandbox').check();
  await page.getByTestId('pf-save').click();
  await page.getByTestId(`profile-${name}`).click();
  await page.getByTestId('test-profile').click();
  await expect(page.getByTestId('test-report').textContent()).resolves.toContain('RegionOne');
  await expect(page.getByTestId(`profile-${name}`).textContent()).resolves.toContain('Active');
}
