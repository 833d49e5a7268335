// The "Local sandbox" profile against the real local cloud, through the
// contract as the app calls it: on the full cloud it is not a sandbox (real
// servers), it connects, and a second click refreshes it instead of adding a
// duplicate; where the catalog lacks Nova/Neutron/Cinder (the Heat-only
// RegionTwo) it is a sandbox and a topology deploys with the sandbox
// environment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices, type Services } from '../../../main/compose';
import { addLocalSandbox } from '../../../main/cloud/local-sandbox';
import { SANDBOX_ENVIRONMENT_NAME } from '../../../shared/cloud/sandbox-environment';
import type { StackRef } from '../../../shared/cloud/heat-types';
import type { ChannelName, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { requireFullCloud, uniqueName } from './test-cloud';
import { gone, settle, TOPOLOGY } from './templates';

const dataDir = mkdtempSync(join(tmpdir(), 'hs-local-sandbox-'));
let services: Services;
const created: { profileId: string; ref: StackRef }[] = [];

async function call<K extends ChannelName>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const r = await services.dispatcher.dispatch(channel, request);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as ResponseOf<K>;
}

beforeAll(() => {
  requireFullCloud();
  services = composeServices({ dataDir, host: 'web', version: 'test' });
});
afterAll(async () => {
  for (const { profileId, ref } of created) await services.cloud.action(profileId, ref, 'delete').catch(() => undefined);
  services.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Local sandbox profile', () => {
  it('on the full cloud: RegionOne, demo, not a sandbox, and it connects', async () => {
    const r = await call('cloud.profiles.addLocalSandbox', {});
    expect(r.created).toBe(true);
    expect(r.services).toEqual({ compute: true, network: true, volume: true, image: true });
    expect(r.profile).toMatchObject({
      name: 'Local sandbox',
      authUrl: 'http://127.0.0.1:5000/v3',
      username: 'demo',
      projectName: 'demo',
      region: 'RegionOne',
      sandbox: false,
      hasSecret: true,
    });
    const report = await call('cloud.profiles.test', { profileId: r.profile.id });
    expect(report).toMatchObject({ user: 'demo', project: 'demo' });
    expect(report.endpoint).toContain('127.0.0.1:8004');
  });

  it('a second click refreshes the same profile instead of adding another', async () => {
    const before = await call('cloud.profiles.list', {});
    const r = await call('cloud.profiles.addLocalSandbox', {});
    expect(r.created).toBe(false);
    const after = await call('cloud.profiles.list', {});
    expect(after.map((p) => p.id)).toEqual(before.map((p) => p.id));
    expect(after.filter((p) => p.name.startsWith('Local sandbox'))).toHaveLength(1);
  });

  it('where the catalog lacks compute/network/volume (RegionTwo, Heat-only) it is a sandbox, and a topology deploys with the sandbox environment', async () => {
    const r = await addLocalSandbox(services.profiles, { region: 'RegionTwo' });
    expect(r.services).toEqual({ compute: false, network: false, volume: false, image: false });
    expect(r.profile.sandbox).toBe(true);
    expect(r.profile.name).toBe('Local sandbox (2)');
    const deployed = await call('deploy.create', {
      profileId: r.profile.id,
      stackName: uniqueName('local-sandbox'),
      source: { kind: 'yaml', entryPath: 'template.yaml', yaml: TOPOLOGY, files: {} },
      options: { parameters: {}, environment: null, disableRollback: false, timeoutMins: null, tags: [] },
    });
    created.push({ profileId: r.profile.id, ref: deployed.stack });
    expect(deployed.sandbox).toBe(true);
    expect(deployed.environmentFiles).toContain(SANDBOX_ENVIRONMENT_NAME);
    const heat = services.profiles.connection(r.profile.id).heat;
    expect((await settle(heat, deployed.stack)).stack_status).toBe('CREATE_COMPLETE');
    await heat.delete(deployed.stack);
    expect(await gone(heat, deployed.stack)).toMatch(/DELETE_COMPLETE|NOT_FOUND/);
  });
});
