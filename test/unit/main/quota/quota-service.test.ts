import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/library/database';
import { QuotaCacheRepo } from '../../../../main/library/quota-cache-repo';
import { QuotaService } from '../../../../main/quota/quota-service';
import { AppError } from '../../../../shared/ipc/errors';
import type { ProfileService } from '../../../../main/cloud/profile-service';
import { useTempDirs } from '../../../support/temp-dir';

// The services answer with the full test cloud's recorded answers (test/fixtures/quota);
// the integration test (test/integration/quota) reads the real cloud.
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../../fixtures/quota', name), 'utf8'));
const tempDir = useTempDirs();

type Answer = { status: number; body: unknown } | AppError;
function connection(answers: Record<string, Answer>, available: Partial<Record<string, boolean>> = {}) {
  const asked: string[] = [];
  const client = (kind: string) => ({
    kind,
    serviceName: kind,
    available: async () => available[kind] ?? true,
    endpoint: async () => 'http://127.0.0.1:8776/v3/proj',
    get: async (path: string, opts: { accept?: number[] } = {}) => {
      asked.push(`${kind} ${path}`);
      const a = answers[`${kind} ${path}`] ?? { status: 404, body: null };
      if (a instanceof AppError) throw a;
      if (a.status >= 300 && !opts.accept?.includes(a.status)) throw new AppError('CLOUD_ERROR', `status ${a.status}`);
      return a.status >= 300 ? { status: a.status, body: null } : a;
    },
  });
  return { asked, conn: { service: client, session: { token: async () => ({ project: { id: 'proj' } }) } } };
}
const DETAIL: Record<string, Answer> = {
  'compute /os-quota-sets/proj/detail': { status: 200, body: fixture('nova-quota-detail.json') },
  'compute /os-keypairs': { status: 200, body: { keypairs: [{ keypair: { name: 'k' } }] } },
  'compute /flavors/detail': { status: 200, body: fixture('nova-flavors-detail.json') },
  'network /quotas/proj/details': { status: 200, body: fixture('neutron-quota-details.json') },
  'volume /os-quota-sets/proj': { status: 200, body: fixture('cinder-quota-usage.json') },
};

function service(conn: unknown, sandbox = false, clock = { t: Date.parse('2026-11-23T01:00:00Z') }) {
  const { db } = openDatabase(join(tempDir(), 'library.sqlite'));
  db.prepare("INSERT INTO cloud_profiles (id, name, fields, source, created_at, updated_at) VALUES ('p1', 'demo', '{}', 'manual', 'x', 'x')").run();
  let current = conn;
  const profiles = {
    get: () => ({ region: 'RegionOne', projectId: null, projectName: 'demo', sandbox }),
    connection: () => current,
  } as unknown as ProfileService;
  const svc = new QuotaService(profiles, new QuotaCacheRepo(db), () => new Date(clock.t));
  return { svc, db, setConnection: (c: unknown) => (current = c), clock };
}

/** DETAIL with a compute quota of one instance (20 cores, 50 GiB RAM) and the given use. */
function withComputeUse(used: { instances: number; cores: number; ram: number }) {
  const row = (limit: number, inUse: number) => ({ limit, in_use: inUse, reserved: 0 });
  const quota_set = { instances: row(1, used.instances), cores: row(20, used.cores), ram: row(51200, used.ram) };
  return { ...DETAIL, 'compute /os-quota-sets/proj/detail': { status: 200, body: { quota_set } } };
}

describe('quota service', () => {
  it('reads each service with usage; key pairs counted per user', async () => {
    const { svc } = service(connection(DETAIL).conn);
    const r = await svc.read('p1');
    expect(r.services.compute).toMatchObject({
      state: 'fresh',
      source: 'quota-detail',
      kinds: { instances: { limit: 10, used: 0 }, key_pairs: { limit: 100, used: 1 } },
    });
    expect(r.services.network.kinds.port).toEqual({ limit: 500, used: 0 });
    expect(r.services.volume.kinds.gigabytes).toEqual({ limit: 1000, used: 0 });
    expect(r.flavors?.map((f) => f.name)).toEqual(['m1.tiny', 'm1.small']);
  });

  it('403 on the quota APIs: Nova and Cinder /limits, Neutron limits + counting the project resources', async () => {
    const { conn, asked } = connection({
      'compute /os-quota-sets/proj/detail': { status: 403, body: null },
      'compute /limits': { status: 200, body: fixture('nova-limits.json') },
      'network /quotas/proj/details': { status: 403, body: null },
      'network /quotas/proj': { status: 403, body: null },
      'network /networks': { status: 200, body: { networks: [{ id: 'a' }] } },
      'network /ports': { status: 200, body: { ports: [{ id: 'a' }, { id: 'b' }] } },
      'volume /os-quota-sets/proj': { status: 403, body: null },
      'volume /limits': { status: 200, body: fixture('cinder-limits.json') },
    });
    const r = await service(conn).svc.read('p1');
    expect(r.services.compute).toMatchObject({ state: 'fresh', source: 'limits', kinds: { instances: { limit: 10, used: 0 } } });
    expect(r.services.network).toMatchObject({
      state: 'fresh',
      source: 'listing',
      kinds: { network: { limit: null, used: 1 }, port: { limit: null, used: 2 } },
    });
    expect(r.services.volume).toMatchObject({ source: 'limits', kinds: { volumes: { limit: 10, used: 0 } } });
    expect(asked).toContain('network /security-group-rules');
  });

  it('a cloud without Nova, Neutron or Cinder: each unknown with the reason, flavors unknown', async () => {
    const r = await service(connection({}, { compute: false, network: false, volume: false }).conn).svc.read('p1');
    for (const s of ['compute', 'network', 'volume'] as const) expect(r.services[s]).toMatchObject({ state: 'unknown', problem: { code: 'no-service' } });
    expect(r.flavorsState).toBe('unknown');
  });

  it('unreachable: the last known quota, stale with the time it was read; a never-read service says so', async () => {
    const { svc, setConnection, clock } = service(connection(DETAIL).conn);
    await svc.read('p1');
    clock.t += 3_600_000;
    const down = new AppError('CLOUD_UNREACHABLE', 'connection refused');
    setConnection(connection({ ...DETAIL, 'compute /os-quota-sets/proj/detail': down, 'compute /flavors/detail': down }).conn);
    const r = await svc.read('p1');
    expect(r.services.compute).toMatchObject({
      state: 'stale',
      fetchedAt: '2026-11-23T01:00:00.000Z',
      problem: { code: 'unreachable' },
      kinds: { instances: { limit: 10 } },
    });
    expect(r.services.network.state).toBe('fresh');
    expect(r.flavorsState).toBe('stale');
    expect(r.flavors).toHaveLength(2);
    // Keystone itself down: everything from the cache.
    setConnection({ session: { token: async () => Promise.reject(down) }, service: () => null });
    const off = await svc.read('p1');
    expect(off.services.network).toMatchObject({ state: 'stale', fetchedAt: '2026-11-23T02:00:00.000Z' });
    expect(svc.lastKnown('p1')?.services.volume.state).toBe('stale');
  });

  it('unreachable before any read: unknown, never-read', async () => {
    const down = new AppError('CLOUD_UNREACHABLE', 'connection refused');
    const r = await service({ session: { token: async () => Promise.reject(down) }, service: () => null }).svc.read('p1');
    expect(r.services.compute).toMatchObject({ state: 'unknown', problem: { code: 'never-read' } });
  });

  it('refuses a deploy over quota naming kinds and numbers; unknown does not block', async () => {
    const detail = withComputeUse({ instances: 0, cores: 0, ram: 0 });
    const { svc } = service(connection(detail).conn);
    const yaml =
      'heat_template_version: 2018-08-31\nresources:\n  a: {type: OS::Nova::Server, properties: {flavor: m1.tiny, networks: [{network: n}]}}\n  b: {type: OS::Nova::Server, properties: {flavor: m1.tiny, networks: [{network: n}]}}\n';
    const files = { yaml, entryPath: 'template.yaml', files: {}, environment: null };
    await expect(svc.assertWithinQuota('p1', files, {}, null)).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
      message: expect.stringContaining('instances 2/1'),
      // The renderer says it again in the user's language from these.
      details: { action: 'deploy', staleAt: null, kinds: [{ kind: 'instances', total: 2, limit: 1, used: 0, canvas: 2 }] },
    });
    // One server fits.
    await expect(svc.assertWithinQuota('p1', { ...files, yaml: yaml.split('\n  b:')[0]! + '\n' }, {}, null)).resolves.toBeUndefined();
    // A sandbox profile creates nothing real.
    const sandbox = service(connection(detail).conn, true).svc;
    await expect(sandbox.assertWithinQuota('p1', files, {}, null)).resolves.toBeUndefined();
  });

  it('judges an update by what it adds: over names the update, keeping the servers is within, an unreadable stack gives no verdict', async () => {
    const detail = withComputeUse({ instances: 1, cores: 1, ram: 512 });
    const { svc } = service(connection(detail).conn);
    const server = (name: string) => `  ${name}: {type: OS::Nova::Server, properties: {flavor: m1.tiny, networks: [{network: n}]}}\n`;
    const files = (...names: string[]) => ({
      yaml: `heat_template_version: 2018-08-31\nresources:\n${names.map(server).join('')}`,
      entryPath: 'template.yaml',
      files: {},
      environment: null,
    });
    const update = (next: ReturnType<typeof files>) => ({ next, parameters: {}, extraEnvironment: null, current: async () => files('a') });
    const two = await svc.checkUpdate('p1', update(files('a', 'b')));
    expect(two?.check.kinds.find((k) => k.kind === 'instances')).toMatchObject({ state: 'over', used: 1, canvas: 1, total: 2, limit: 1 });
    await expect(svc.assertUpdateWithinQuota('p1', update(files('a', 'b')))).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED', details: { action: 'update' } });
    expect((await svc.checkUpdate('p1', update(files('a'))))?.check.state).toBe('ok');
    await expect(
      svc.checkUpdate('p1', { ...update(files('a', 'b')), current: () => Promise.reject(new AppError('CLOUD_UNREACHABLE', 'down')) }),
    ).resolves.toBeNull();
    const nothing = {
      yaml: 'heat_template_version: 2018-08-31\nresources:\n  r: {type: OS::Heat::RandomString}\n',
      entryPath: 'template.yaml',
      files: {},
      environment: null,
    };
    await expect(svc.checkUpdate('p1', update(nothing))).resolves.toBeNull();
  });

  it('a template creating nothing a quota counts is checked without reading the cloud again', async () => {
    const { svc, setConnection } = service(connection(DETAIL).conn);
    await svc.read('p1');
    setConnection({ session: { token: async () => Promise.reject(new Error('the cloud must not be asked')) }, service: () => null });
    const none = {
      yaml: 'heat_template_version: 2018-08-31\nresources:\n  r: {type: OS::Heat::RandomString}\n',
      entryPath: 'template.yaml',
      files: {},
      environment: null,
    };
    const r = await svc.check('p1', none);
    expect(r.check.state).toBe('ok');
    expect(r.report.services.compute.state).toBe('stale');
  });

  it('keeps the newest read of any profile for the library status', async () => {
    const { svc } = service(connection(DETAIL).conn);
    expect(svc.newest()).toBeNull();
    await svc.read('p1');
    expect(svc.newest()?.services.compute.state).toBe('stale');
  });
});
