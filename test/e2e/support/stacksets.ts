// Stack-set e2e set-up: the host's data dir seeded with password profiles
// (no cloud-profile channel exists yet to add them from the stack-set
// screen) and the runner's TestResource template; the New stack set dialog's
// template and profiles.
import type { Page } from 'playwright-core';
import { composeServices } from '../../../main/compose';
import { passwordProfile, type TestCloud } from '../../integration/cloud/test-cloud';
import { STACKSET_TEMPLATE } from '../../integration/stacksets/support';

export function seedStackSetData(dataDir: string, cloud: TestCloud, who: ReadonlyArray<'admin' | 'demo'>): void {
  const seed = composeServices({ dataDir, host: 'web', version: 'test' });
  for (const w of who) seed.profiles.create(passwordProfile(cloud, w, { name: `e2e-${w}` }), cloud.users[w].password);
  seed.library.create({ name: 'e2e-stackset', description: '', tags: [], from: { kind: 'yaml', yaml: STACKSET_TEMPLATE } });
  seed.dispose();
}

/** In the New stack set dialog: picks the seeded template and joins the given profiles. */
export async function pickTemplateAndProfiles(page: Page, who: ReadonlyArray<'admin' | 'demo'>): Promise<void> {
  await page.getByTestId('ss-template').selectOption({ label: 'e2e-stackset · v1' });
  for (const w of who) await page.getByTestId(`ss-profile-e2e-${w}`).check();
}
