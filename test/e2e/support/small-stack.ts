// The smallest template that deploys on the test cloud in seconds (no
// Nova/Neutron), and the clean-up of a stack an e2e test deployed from it.
import { rmSync } from 'node:fs';
import { composeServices } from '../../../main/compose';

export const SMALL_TEMPLATE = `heat_template_version: 2018-08-31
description: Two values, one after the other.
resources:
  first:
    type: OS::Heat::RandomString
  second:
    type: OS::Heat::Value
    properties:
      value: { get_attr: [first, value] }
`;

/** Deletes the test's stack (if it got created) and the test's data dir. */
export async function removeStackAndData(dataDir: string, profileId: string, stackName: string): Promise<void> {
  const cleanup = composeServices({ dataDir, host: 'web', version: 'test' });
  const list = await cleanup.cloud.listStacks(profileId).catch(() => null);
  for (const s of list?.value ?? [])
    if (s.stack_name === stackName) await cleanup.cloud.action(profileId, { name: s.stack_name, id: s.id }, 'delete').catch(() => undefined);
  cleanup.dispose();
  rmSync(dataDir, { recursive: true, force: true });
}
