// After a suite: delete the stacks it deployed (asked of Heat, not awaited to
// the end) and remove its data directory, from a fresh set of services since
// the web host that used them has stopped.
import { rmSync } from 'node:fs';
import { composeServices } from '../../../main/compose';

export async function deleteStacksAndData(dataDir: string, profileId: string, stackNames: readonly string[]): Promise<void> {
  const cleanup = composeServices({ dataDir, host: 'web', version: 'test' });
  const list = await cleanup.cloud.listStacks(profileId).catch(() => null);
  for (const s of list?.value ?? [])
    if (stackNames.includes(s.stack_name)) await cleanup.cloud.action(profileId, { name: s.stack_name, id: s.id }, 'delete').catch(() => undefined);
  cleanup.dispose();
  rmSync(dataDir, { recursive: true, force: true });
}

/** A journey's leftovers when it failed midway: its stack in whichever profile made it, and key pairs it created (by the CLI: not part of what is tested). */
export async function deleteStackAndKeys(dataDir: string, stackName: string, keyNames: readonly string[], deleteKey: (name: string) => void): Promise<void> {
  const cleanup = composeServices({ dataDir, host: 'web', version: 'test' });
  for (const p of cleanup.profiles.list()) {
    const list = await cleanup.cloud.listStacks(p.id).catch(() => null);
    for (const s of list?.value ?? [])
      if (s.stack_name === stackName) await cleanup.cloud.action(p.id, { name: s.stack_name, id: s.id }, 'delete').catch(() => undefined);
  }
  cleanup.dispose();
  for (const k of keyNames) {
    try {
      deleteKey(k);
    } catch {
      // never created
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}
