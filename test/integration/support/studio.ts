// The studio's composed services on a temp data dir with a demo profile on
// the real test cloud, and a typed call through the contract (the same
// dispatcher the app and the browser host use). Stacks pushed to `created`
// are deleted when the suite ends.
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices, type Services } from '../../../main/compose';
import type { StackRef } from '../../../shared/cloud/heat-types';
import type { ChannelName, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { loadTestCloud, passwordProfile } from '../cloud/test-cloud';

export interface StudioOnCloud {
  services: Services;
  profileId: string;
  created: StackRef[];
  call<K extends ChannelName>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>>;
}

/**
 * `sandbox: false` for tests of what the full cloud's services do: the default
 * sandbox profile maps every OS::Nova/Neutron/... resource to OS::Heat::None,
 * which Heat's update preview never lists as updated or replaced.
 */
export function useStudioOnCloud(profileName: string, fields: { sandbox?: boolean; who?: 'admin' | 'demo' } = {}): StudioOnCloud {
  const { who = 'demo', ...profileFields } = fields;
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-it-'));
  const studio = {
    created: [] as StackRef[],
    async call<K extends ChannelName>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
      const r = await studio.services.dispatcher.dispatch(channel, request);
      if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
      return r.value as ResponseOf<K>;
    },
  } as StudioOnCloud;
  beforeAll(() => {
    const cloud = loadTestCloud();
    studio.services = composeServices({ dataDir, host: 'web', version: 'test' });
    studio.profileId = studio.services.profiles.create(passwordProfile(cloud, who, { name: profileName, ...profileFields }), cloud.users[who].password).id;
  });
  afterAll(async () => {
    for (const ref of studio.created) await studio.services.cloud.action(studio.profileId, ref, 'delete').catch(() => undefined);
    studio.services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return studio;
}
