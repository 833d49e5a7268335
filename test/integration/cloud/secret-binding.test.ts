// Issue 22, item 2: `cloud.profiles.update` with only `authUrl` changed kept
// the stored password, and `cloud.profiles.test` then sent it to the new
// address. A listener on 127.0.0.1 (records what it is sent; imitates
// nothing) stands in for the attacker. Re-pointing a profile (auth URL
// origin, Heat override, CA bundle, insecure) without entering the secret
// again is refused with SECRET_NEEDED, and the listener never sees the password.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composeServices, type Services } from '../../../main/compose';
import type { CloudProfile } from '../../../shared/cloud/profile';
import type { Result } from '../../../shared/ipc/result';
import { useTempDirs } from '../../support/temp-dir';
import { garbageServer, type Running } from './loopback-servers';
import { loadTestCloud, passwordProfile, type TestCloud } from './test-cloud';

const tempDir = useTempDirs();
let cloud: TestCloud;
let listener: Running;
let received: string[] = [];
let services: Services | null = null;

beforeAll(async () => {
  cloud = loadTestCloud();
  listener = await garbageServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)} ${body}`);
      res.writeHead(404).end();
    });
  });
});
afterAll(async () => listener?.close());
afterEach(() => {
  services?.dispose();
  services = null;
  received = [];
});

async function call<T>(channel: string, request: unknown): Promise<Result<T>> {
  return (await services!.dispatcher.dispatch(channel, request)) as Result<T>;
}

async function demoProfile(): Promise<CloudProfile> {
  services = composeServices({ dataDir: tempDir(), host: 'web', version: 'test' });
  const created = await call<CloudProfile>('cloud.profiles.create', {
    fields: passwordProfile(cloud, 'demo', { name: 'demo' }),
    secret: cloud.users.demo.password,
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

const fieldsOf = ({ id: _i, hasSecret: _h, source: _s, createdAt: _c, updatedAt: _u, ...fields }: CloudProfile) => fields;

describe('a stored secret stays with the Keystone it was entered for', () => {
  it('refuses to keep the password when only authUrl moves to another server, and the test never sends it there', async () => {
    const p = await demoProfile();
    const moved = await call('cloud.profiles.update', { id: p.id, fields: { ...fieldsOf(p), authUrl: `${listener.url}/v3` } });
    expect(moved).toMatchObject({ ok: false, error: { code: 'SECRET_NEEDED', message: expect.stringMatching(/enter its password again/) } });
    const report = await call<{ ok: boolean }>('cloud.profiles.test', { profileId: p.id });
    expect(report.ok).toBe(true); // still the real cloud: nothing was changed
    expect(received.join('\n')).not.toContain(cloud.users.demo.password);
    expect(received).toEqual([]);
  });

  it('refuses the same for a new Heat endpoint override, a CA bundle and insecure', async () => {
    const p = await demoProfile();
    for (const change of [{ endpointOverride: `${listener.url}/v1/%(tenant_id)s` }, { caBundlePath: '/tmp/other-ca.pem' }, { insecure: true }]) {
      const r = await call('cloud.profiles.update', { id: p.id, fields: { ...fieldsOf(p), ...change } });
      expect(r, JSON.stringify(change)).toMatchObject({ ok: false, error: { code: 'SECRET_NEEDED', details: { changed: [Object.keys(change)[0]] } } });
    }
    await call('cloud.profiles.test', { profileId: p.id });
    expect(received).toEqual([]);
  });

  it('accepts a move with the secret entered again, and a change that stays with the same server', async () => {
    const p = await demoProfile();
    const renamed = await call<CloudProfile>('cloud.profiles.update', {
      id: p.id,
      fields: { ...fieldsOf(p), name: 'renamed', authUrl: `${cloud.authUrl.replace(/\/v3\/?$/, '')}/v3/` },
    });
    expect(renamed).toMatchObject({ ok: true, value: { hasSecret: true, name: 'renamed' } });
    const moved = await call<CloudProfile>('cloud.profiles.update', {
      id: p.id,
      fields: { ...fieldsOf(p), authUrl: `${listener.url}/v3` },
      secret: 'typed-for-the-new-one',
    });
    expect(moved).toMatchObject({ ok: true, value: { hasSecret: true } });
    await call('cloud.profiles.test', { profileId: p.id });
    // Only what was typed for the new address went there, never the old password.
    expect(received.join('\n')).not.toContain(cloud.users.demo.password);
  });
});
