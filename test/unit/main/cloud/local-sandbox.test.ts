// The "Local sandbox" profile without a cloud: a closed port is refused with
// the command that starts the local cloud, and nothing is saved. The real
// cloud half (created once, refreshed not duplicated, sandbox flag from the
// catalog) is test/integration/cloud/local-sandbox.test.ts.
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/library/database';
import { CloudProfileRepo } from '../../../../main/library/cloud-profile-repo';
import { NodeSecretStore } from '../../../../main/platform/secret-store';
import { ProfileService } from '../../../../main/cloud/profile-service';
import { addLocalSandbox } from '../../../../main/cloud/local-sandbox';
import { AppError } from '../../../../shared/ipc/errors';
import { LOCAL_SANDBOX, isLocalSandbox, localSandboxFields } from '../../../../shared/cloud/local-sandbox';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function service(): ProfileService {
  const dir = mkdtempSync(join(tmpdir(), 'local-sandbox-'));
  const { db } = openDatabase(join(dir, 'library.sqlite'));
  const svc = new ProfileService(new CloudProfileRepo(db), NodeSecretStore.inDataDir(dir));
  cleanups.push(() => (svc.dispose(), db.close()));
  return svc;
}

/** A loopback port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('local sandbox profile', () => {
  it('is the demo user of the local cloud in RegionOne', () => {
    const f = localSandboxFields(LOCAL_SANDBOX.authUrl, false);
    expect(f).toMatchObject({
      name: 'Local sandbox',
      authUrl: 'http://127.0.0.1:5000/v3',
      username: 'demo',
      projectName: 'demo',
      region: 'RegionOne',
      userDomainName: 'Default',
      projectDomainName: 'Default',
      authKind: 'password',
      sandbox: false,
    });
  });

  it('recognises an existing profile by cloud, user, project and region, not by name', () => {
    const f = { ...localSandboxFields('http://127.0.0.1:5000/v3/', true), name: 'renamed by the user' };
    expect(isLocalSandbox(f, LOCAL_SANDBOX.authUrl)).toBe(true);
    expect(isLocalSandbox({ ...f, projectName: 'admin' }, LOCAL_SANDBOX.authUrl)).toBe(false);
    expect(isLocalSandbox({ ...f, region: 'RegionTwo' }, LOCAL_SANDBOX.authUrl)).toBe(false);
    expect(isLocalSandbox(f, 'http://127.0.0.1:5001/v3')).toBe(false);
  });

  it('refuses when the local cloud does not answer, naming the command that starts it, and saves nothing', async () => {
    const svc = service();
    const authUrl = `http://127.0.0.1:${await closedPort()}/v3`;
    const err = await addLocalSandbox(svc, { authUrl, timeoutMs: 3000 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CLOUD_UNREACHABLE');
    expect((err as AppError).message).toContain(authUrl);
    expect((err as AppError).message).toContain('npm run cloud:up -- --full');
    expect((err as AppError).message).toMatch(/Debian or Ubuntu/);
    expect((err as AppError).details).toMatchObject({ command: 'npm run cloud:up -- --full', cause: 'CLOUD_UNREACHABLE' });
    expect(svc.list()).toEqual([]);
  });
});
