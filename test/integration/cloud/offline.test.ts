// The services the IPC handlers call, on a real database, against the real
// cloud: lists and timelines come from the cache (marked stale) when Heat is
// down, a bad credential is a clear error that loses nothing cached, and the
// watcher's changes reach the event bus.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudioEvent } from '../../../shared/ipc/events';
import { openDatabase, type Db } from '../../../main/library/database';
import { EventBus } from '../../../main/events/event-bus';
import { CloudCacheRepo } from '../../../main/library/cloud-cache-repo';
import { createCloudServices, type CloudServices } from '../../../main/cloud/index';
import { loadTestCloud, passwordProfile, startCloud, stopService, uniqueName, type TestCloud } from './test-cloud';
import { SMALL } from './templates';

let cloud: TestCloud;
let db: Db;
let services: CloudServices;
const bus = new EventBus();
const pushed: StudioEvent[] = [];

beforeAll(() => {
  cloud = loadTestCloud();
  const dir = mkdtempSync(join(tmpdir(), 'studio-offline-'));
  db = openDatabase(join(dir, 'library.sqlite')).db;
  services = createCloudServices({ db, events: bus, dataDir: dir, cloudOptions: { watch: { fastMs: 500, slowMs: 2_000 } } });
  bus.subscribe((e) => pushed.push(e));
});
afterAll(() => {
  startCloud();
  services.dispose();
  db.close();
});

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((r) => setTimeout(r, 100));
}

describe('offline cache', () => {
  it('deploys to a sandbox profile with the visible sandbox environment and watches it to the end', async () => {
    const p = services.profiles.create(passwordProfile(cloud, 'demo', { name: 'sandbox-demo', sandbox: true }), cloud.users.demo.password);
    const result = await services.cloud.create(p.id, { stack_name: uniqueName('offline'), template: SMALL });
    expect(result.sandbox).toBe(true);
    expect(result.environmentFiles).toEqual(['heat-studio-sandbox.yaml']);
    await until(() => pushed.some((e) => e.type === 'stack.changed' && (e.payload as { status: string }).status === 'CREATE_COMPLETE'));
    const listed = await services.cloud.listStacks(p.id);
    expect(listed.stale).toBe(false);
    expect(listed.value.map((s) => s.id)).toContain(result.stack.id);
    const timeline = await services.cloud.stackEvents(p.id, result.stack);
    expect(timeline.value.at(-1)?.resource_status).toBe('CREATE_COMPLETE');
    services.cloud.unwatch(p.id, result.stack.id);

    stopService(cloud.heatProcesses.RegionOne!);
    const offline = await services.cloud.listStacks(p.id);
    expect(offline.stale).toBe(true);
    expect(offline.error?.code).toBe('CLOUD_UNREACHABLE');
    expect(offline.value.map((s) => s.id)).toContain(result.stack.id);
    const offlineTimeline = await services.cloud.stackEvents(p.id, result.stack);
    expect(offlineTimeline.stale).toBe(true);
    expect(offlineTimeline.value.map((e) => e.id)).toEqual(timeline.value.map((e) => e.id));
    expect(pushed.some((e) => e.type === 'cloud.status' && (e.payload as { online: boolean }).online === false)).toBe(true);
    startCloud();

    // A wrong password is an auth error, not "offline": nothing cached is touched.
    services.profiles.update(p.id, services.profiles.get(p.id), 'wrong');
    await expect(services.cloud.listStacks(p.id)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    await expect(services.cloud.stackEvents(p.id, result.stack)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    expect(new CloudCacheRepo(db).events(p.id, result.stack.id).value.map((e) => e.id)).toEqual(timeline.value.map((e) => e.id));
    expect(new CloudCacheRepo(db).stackList(p.id).value.map((s) => s.id)).toContain(result.stack.id);
    services.profiles.update(p.id, services.profiles.get(p.id), cloud.users.demo.password);
    const back = await services.cloud.listStacks(p.id);
    expect(back.stale).toBe(false);
    await services.cloud.action(p.id, result.stack, 'delete');
  });
});
