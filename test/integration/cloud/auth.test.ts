// Keystone auth against the real test cloud: every credential kind, the
// catalog and region choice, both projects and both regions, re-auth after a
// revoked token, and what a user sees when the input is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { openConnection, type Connection } from '../../../main/cloud/connection';
import { HttpClient } from '../../../main/cloud/http';
import { connect, loadTestCloud, passwordProfile, type TestCloud } from './test-cloud';
import { garbageServer, tlsFront, type Running, type TlsFront } from './loopback-servers';

let cloud: TestCloud;
const open: Connection[] = [];
const track = (c: Connection) => (open.push(c), c);

beforeAll(() => {
  cloud = loadTestCloud();
});
afterAll(() => {
  for (const c of open) c.dispose();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

/** Keystone admin calls the tests need (revoking tokens, application credentials). */
async function keystone(method: string, path: string, token: string, body?: unknown, extra: Record<string, string> = {}) {
  const http = new HttpClient();
  try {
    return await http.request({
      method,
      url: `${cloud.authUrl}${path}`,
      headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json', Accept: 'application/json', ...extra },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  } finally {
    http.dispose();
  }
}

describe('authentication with each credential kind', () => {
  it('gets a project-scoped token with a password and finds Heat in the catalog', async () => {
    const c = track(connect(cloud, 'demo'));
    const token = await c.session.token();
    expect(token.project?.name).toBe('demo');
    expect(token.project?.id).toBe(cloud.users.demo.projectId);
    expect(await c.heat.endpoint()).toBe(`http://127.0.0.1:8004/v1/${cloud.users.demo.projectId}`);
  });

  it('authenticates with an application credential (id + secret) scoped to its project', async () => {
    const c = track(connect(cloud, 'demo'));
    const token = await c.session.token();
    const res = await keystone('POST', `/users/${cloud.users.demo.userId}/application_credentials`, token.value, {
      application_credential: { name: `studio-test-${Date.now()}` },
    });
    expect(res.status).toBe(201);
    const cred = (JSON.parse(res.text) as { application_credential: { id: string; secret: string } }).application_credential;
    try {
      const ac = track(
        openConnection(
          passwordProfile(cloud, 'demo', { authKind: 'applicationCredential', applicationCredentialId: cred.id, username: null, projectName: null }),
          () => cred.secret,
        ),
      );
      const acToken = await ac.session.token();
      expect(acToken.project?.id).toBe(cloud.users.demo.projectId);
      expect(Array.isArray((await ac.heat.list()).stacks)).toBe(true);
    } finally {
      await keystone('DELETE', `/users/${cloud.users.demo.userId}/application_credentials/${cred.id}`, token.value);
    }
  });

  it('authenticates with an existing token, and names the token when it has been revoked', async () => {
    const seed = track(connect(cloud, 'demo'));
    const seedToken = (await seed.session.token()).value;
    const profile = passwordProfile(cloud, 'demo', { authKind: 'token', username: null });
    const byToken = track(openConnection(profile, () => seedToken));
    expect((await byToken.session.token()).project?.name).toBe('demo');

    await keystone('DELETE', '/auth/tokens', seedToken, undefined, { 'X-Subject-Token': seedToken });
    const again = track(openConnection(profile, () => seedToken));
    const err = await failure(again.session.token());
    expect(err.code).toBe('AUTH_FAILED');
    expect(err.message).toMatch(/token.*expired or revoked/);
  });
});

describe('the catalog, regions and projects', () => {
  it('reaches RegionTwo on its own Heat, and its stacks are not RegionOne stacks', async () => {
    const r2 = track(connect(cloud, 'demo', { region: 'RegionTwo' }));
    expect(await r2.heat.endpoint()).toBe(`http://127.0.0.1:8005/v1/${cloud.users.demo.projectId}`);
    expect(Array.isArray((await r2.heat.list()).stacks)).toBe(true);
  });

  it('uses the internal interface when the profile asks for it', async () => {
    const c = track(connect(cloud, 'admin', { interface: 'internal' }));
    expect(await c.heat.endpoint()).toContain(cloud.users.admin.projectId);
  });

  it('names the regions that exist when the profile names one that does not', async () => {
    const c = track(connect(cloud, 'demo', { region: 'RegionNine' }));
    const err = await failure(c.heat.list());
    expect(err.code).toBe('NO_ENDPOINT');
    expect(err.message).toContain('RegionNine');
    expect(err.message).toContain('RegionOne, RegionTwo');
  });

  it('asks for a region when several offer orchestration and the profile names none', async () => {
    const c = track(connect(cloud, 'demo', { region: null }));
    const err = await failure(c.heat.list());
    expect(err.code).toBe('NO_ENDPOINT');
    expect(err.message).toMatch(/choose one/);
  });

  it("refuses demo's token on the admin project's Heat URL (403), naming the reason", async () => {
    const c = track(connect(cloud, 'demo', { endpointOverride: `http://127.0.0.1:8004/v1/${cloud.users.admin.projectId}` }));
    const err = await failure(c.heat.list());
    expect(err.code).toBe('FORBIDDEN');
    expect(err.details?.requestId).toMatch(/^req-/);
  });
});

describe('re-authentication', () => {
  it('re-authenticates once after Heat answers 401 to a revoked token, and the call succeeds', async () => {
    const c = track(connect(cloud, 'demo'));
    await c.heat.list();
    const first = c.session.cached!;
    await keystone('DELETE', '/auth/tokens', first.value, undefined, { 'X-Subject-Token': first.value });
    await c.heat.list();
    expect(c.session.cached?.value).toBeDefined();
    expect(c.session.cached?.value).not.toBe(first.value);
  });

  it('keeps the cached token between calls instead of authenticating each time', async () => {
    const c = track(connect(cloud, 'demo'));
    await c.heat.list();
    const first = c.session.cached;
    await c.heat.list();
    expect(c.session.cached).toBe(first);
  });
});

describe('bad input gives a clear error naming what is wrong', () => {
  it('a wrong password names the user', async () => {
    const err = await failure(track(connect(cloud, 'demo', {}, 'not-the-password')).session.token());
    expect(err.code).toBe('AUTH_FAILED');
    expect(err.message).toContain('user "demo"');
  });

  it('an unknown project names the project', async () => {
    const err = await failure(track(connect(cloud, 'demo', { projectName: 'no-such-project' })).session.token());
    expect(err.code).toBe('AUTH_FAILED');
    expect(err.message).toContain('project "no-such-project"');
  });

  it('finds /v3 by discovery when the auth URL is the Keystone root', async () => {
    const c = track(connect(cloud, 'demo', { authUrl: cloud.authUrl.replace(/\/v3$/, '') }));
    expect((await c.session.token()).identityUrl).toBe(cloud.authUrl);
  });

  it('an auth URL that is Heat, not Keystone, says so', async () => {
    const err = await failure(track(connect(cloud, 'demo', { authUrl: 'http://127.0.0.1:8004' })).session.token());
    expect(err.code).toBe('NOT_KEYSTONE');
    expect(err.message).toMatch(/not a Keystone identity endpoint.*v1/);
  });

  it('an auth URL where nothing listens is unreachable, not an auth failure', async () => {
    const err = await failure(track(connect(cloud, 'demo', { authUrl: 'http://127.0.0.1:1/v3' })).session.token());
    expect(err.code).toBe('CLOUD_UNREACHABLE');
    expect(err.message).toMatch(/refused the connection/);
  });

  describe('TLS', () => {
    let front: TlsFront;
    beforeAll(async () => {
      front = await tlsFront(new URL(cloud.authUrl).port ? Number(new URL(cloud.authUrl).port) : 5000);
    });
    afterAll(() => front.close());

    it('refuses a self-signed certificate with a TLS error that says what to do', async () => {
      const err = await failure(track(connect(cloud, 'demo', { authUrl: `${front.url}/v3` })).session.token());
      expect(err.code).toBe('TLS_ERROR');
      expect(err.message).toMatch(/CA bundle/);
    });

    it('trusts the certificate when the profile gives its CA bundle', async () => {
      const c = track(connect(cloud, 'demo', { authUrl: `${front.url}/v3`, caBundlePath: front.caPath }));
      expect((await c.session.token()).project?.name).toBe('demo');
    });

    it('connects with TLS verification off, and warns', async () => {
      const c = track(connect(cloud, 'demo', { authUrl: `${front.url}/v3`, insecure: true }));
      expect(c.warnings.join()).toMatch(/TLS verification is off/);
      expect((await c.session.token()).project?.name).toBe('demo');
    });
  });

  describe('a Heat endpoint that answers HTML or garbage', () => {
    let server: Running;
    beforeAll(async () => {
      server = await garbageServer((req, res) => {
        if (req.url?.includes('/stacks') && req.method === 'GET') {
          res.writeHead(200, { 'Content-Type': 'text/html' });
          res.end('<!DOCTYPE html><html><body>Welcome to the portal</body></html>');
        } else if (req.url?.includes('/validate')) {
          res.writeHead(500, { 'Content-Type': 'text/html' });
          res.end(`<html>${'x'.repeat(2 * 1024 * 1024)}</html>`);
        } else {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{"stacks": [tru');
        }
      });
    });
    afterAll(() => server.close());

    it('an HTML page where JSON was expected is a BAD_RESPONSE naming the HTML', async () => {
      const c = track(connect(cloud, 'demo', { endpointOverride: `${server.url}/v1/%(tenant_id)s` }));
      const err = await failure(c.heat.list());
      expect(err.code).toBe('BAD_RESPONSE');
      expect(err.message).toMatch(/HTML page/);
    });

    it('a 2 MB HTML error body becomes a short CLOUD_ERROR message', async () => {
      const c = track(connect(cloud, 'demo', { endpointOverride: `${server.url}/v1/%(tenant_id)s` }));
      const err = await failure(c.heat.validate({ template: 'heat_template_version: 2018-08-31' }));
      expect(err.code).toBe('CLOUD_ERROR');
      expect(err.message).toMatch(/internal error \(500\).*not JSON \(an HTML page/);
      expect(err.message.length).toBeLessThan(400);
    });

    it('truncated JSON is a BAD_RESPONSE', async () => {
      const c = track(connect(cloud, 'demo', { endpointOverride: `${server.url}/v1/%(tenant_id)s` }));
      const err = await failure(c.heat.template({ name: 'x', id: 'y' }));
      expect(err.code).toBe('BAD_RESPONSE');
    });
  });
});
