// Issue 22, item 3: `cloud.import.cloudsYaml` / `cloud.import.openrc` read any
// path a caller named, a YAML error echoed the file (`db_password: hunter2`)
// and ENOENT told which files exist. Now a path is read only when main's own
// file dialog chose it (isChosenPath); the browser host takes contents only,
// and a YAML error quotes no more than the offending line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composeServices, type Services } from '../../../../main/compose';
import { openDatabase } from '../../../../main/library/database';
import { CloudProfileRepo } from '../../../../main/library/cloud-profile-repo';
import { NodeSecretStore } from '../../../../main/platform/secret-store';
import { ProfileService } from '../../../../main/cloud/profile-service';
import type { Result } from '../../../../shared/ipc/result';

const dir = mkdtempSync(join(tmpdir(), 'hs-import-paths-'));
const secretFile = join(dir, 'private.conf');
writeFileSync(secretFile, 'db_password: hunter2\nclouds:\n  x: {auth: {auth_url: "http://k/v3"}}\n');
let services: Services | null = null;
afterEach(() => {
  services?.dispose();
  services = null;
});

async function call(channel: string, request: unknown): Promise<Result<unknown>> {
  services ??= composeServices({ dataDir: mkdtempSync(join(tmpdir(), 'hs-import-data-')), host: 'web', version: 'test' });
  return services.dispatcher.dispatch(channel, request);
}

describe('imports read no path a caller names', () => {
  it('refuses a path in browser mode without reading it, the same way for a file that exists and one that does not', async () => {
    const answers: string[] = [];
    for (const [channel, path] of [
      ['cloud.import.cloudsYaml', secretFile],
      ['cloud.import.cloudsYaml', join(dir, 'missing.yaml')],
      ['cloud.import.openrc', secretFile],
      ['cloud.import.openrc', '/etc/shadow'],
    ] as const) {
      const r = await call(channel, { path });
      expect(r, `${channel} ${path}`).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/contents, not a path/) } });
      answers.push(JSON.stringify(r));
    }
    expect(answers.join()).not.toContain('hunter2');
    expect(answers.join()).not.toMatch(/ENOENT|EACCES|no such file/i);
    expect(new Set(answers).size).toBe(1); // nothing tells the existing file from the missing one
  });

  it('still imports pasted contents', async () => {
    const r = await call('cloud.import.cloudsYaml', {
      cloudsYaml: 'clouds:\n  lab:\n    auth: {auth_url: "http://k/v3", username: u, password: p, project_name: x}\n',
    });
    expect(r).toMatchObject({ ok: true, value: [{ fields: { name: 'lab' } }] });
    const o = await call('cloud.import.openrc', { text: 'export OS_AUTH_URL=http://k/v3\nexport OS_USERNAME=u\n' });
    expect(o).toMatchObject({ ok: true, value: [{ fields: { username: 'u' } }] });
  });

  it('reads a path that main’s own file dialog chose (Electron)', () => {
    const d = mkdtempSync(join(tmpdir(), 'hs-chosen-'));
    const { db } = openDatabase(join(d, 'library.sqlite'));
    const chosen = join(d, 'clouds.yaml');
    writeFileSync(chosen, 'clouds:\n  lab:\n    auth: {auth_url: "http://k/v3"}\n');
    const svc = new ProfileService(new CloudProfileRepo(db), NodeSecretStore.inDataDir(d), { isChosenPath: (p) => p === chosen });
    try {
      expect(svc.importCloudsYaml({ path: chosen })[0]?.fields.name).toBe('lab');
      expect(() => svc.importCloudsYaml({ path: secretFile })).toThrow(/contents, not a path/);
    } finally {
      svc.dispose();
      db.close();
    }
  });
});

describe('a YAML error quotes at most the offending line', () => {
  it('names the line and column, and leaves the other lines (passwords) out', async () => {
    // The YAML library's own excerpt of this error shows the line before it too: the password.
    const text = 'clouds:\n  lab:\n    auth:\n      password: hunter2\n\t  username: [: :\n';
    const r = (await call('cloud.import.cloudsYaml', { cloudsYaml: text })) as { ok: false; error: { code: string; message: string } };
    expect(r.error.code).toBe('IMPORT_FAILED');
    expect(r.error.message).toMatch(/line 5, column \d+/);
    expect(r.error.message).toContain('username: [: :');
    expect(r.error.message).not.toContain('hunter2');
    expect(r.error.message).not.toContain('auth:');
  });

  it('says the same for secure.yaml', async () => {
    const r = (await call('cloud.import.cloudsYaml', { cloudsYaml: 'clouds: {}\n', secureYaml: 'clouds:\n  lab:\n    password: s3cret\n\t- x\n' })) as {
      ok: false;
      error: { message: string };
    };
    expect(r.error.message).toMatch(/secure\.yaml is not valid YAML at line 4/);
    expect(r.error.message).not.toContain('s3cret');
  });
});
