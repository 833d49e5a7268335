// Bad input through the real browser host (HTTP, dispatcher, services, SQLite),
// as the renderer sends it. After every refusal the library file passes
// SQLite's integrity check and holds exactly what it held before.
import { afterEach, describe, expect, it } from 'vitest';
import { badServer, type BadServer } from '../../../support/bad-http';
import { librarySnapshot, integrityCheck } from '../../../support/library-state';
import { useWebHost, type RunningHost } from '../../../support/web-host';
import { forgeZip } from '../../../support/zip-forge';

const start = useWebHost();
let server: BadServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});
const enc = (s: string) => new TextEncoder().encode(s);
const TEMPLATE = 'heat_template_version: 2018-08-31\nresources: {}\n';

/** Runs `bad`, expects the error code, and checks the library was left as it was. */
async function refusedUnchanged(h: RunningHost, bad: () => Promise<unknown>, code: string): Promise<{ message: string }> {
  const before = librarySnapshot(h.services.db);
  const r = (await bad()) as { ok: boolean; error?: { code: string; message: string } };
  expect(r).toMatchObject({ ok: false, error: { code } });
  expect(integrityCheck(h.services.db)).toBe('ok');
  expect(librarySnapshot(h.services.db)).toEqual(before);
  return r.error!;
}

const zipBody = (zip: Uint8Array) => ({ fileName: 'in.zip', base64: Buffer.from(zip).toString('base64') });

describe('the browser host refuses lying zips and leaves the library as it was', () => {
  it('a zip whose sizes are forged small over a long stream of zeros', async () => {
    const h = await start();
    const data = new Uint8Array(64 * 1024 * 1024);
    data.set(enc(TEMPLATE));
    const zip = forgeZip([{ name: 'main.yaml', data, size: 1000 }]);
    await refusedUnchanged(h, () => h.invoke('files.importZip', zipBody(zip)), 'FILE_TOO_LARGE');
  });

  it.each([8, 0] as const)('a zip with a wrong CRC-32 (method %i), even when the other entries are fine', async (method) => {
    const h = await start();
    const zip = forgeZip([
      { name: 'a.yaml', data: enc(TEMPLATE) },
      { name: 'b.yaml', data: enc(TEMPLATE), method, crc: 1 },
    ]);
    const error = await refusedUnchanged(h, () => h.invoke('files.importZip', zipBody(zip)), 'IMPORT_FAILED');
    expect(error.message).toContain('CRC-32');
  });

  it('still imports an honest zip', async () => {
    const h = await start();
    const r = await h.invoke<{ templates: unknown[] }>(
      'files.importZip',
      zipBody(
        forgeZip([
          { name: 'a.yaml', data: enc(TEMPLATE) },
          { name: 'b.yaml', data: enc(TEMPLATE), method: 0 },
        ]),
      ),
    );
    expect(r).toMatchObject({ ok: true });
    expect(r.ok && r.value.templates).toHaveLength(2);
  });
});

describe('the browser host and URL replies that misbehave', () => {
  it('stops a reply without Content-Length at the 8 MiB file limit', async () => {
    const h = await start();
    server = await badServer('endless');
    await refusedUnchanged(h, () => h.invoke('files.importUrl', { url: server!.url }), 'FILE_TOO_LARGE');
    expect(server.sent()).toBeLessThan(32 * 1024 * 1024); // of the 64 MiB it would send
  });

  it('ends a reply that stalls after its headers with TIMEOUT, not INTERNAL', async () => {
    const h = await start({ importTimeoutMs: 500 });
    server = await badServer('stall');
    const error = await refusedUnchanged(h, () => h.invoke('files.importUrl', { url: server!.url }), 'TIMEOUT');
    expect(error.message).toContain('did not send its whole reply');
  });
});

describe('the browser host refuses names with control characters', () => {
  it('a template name or tag with NUL, at create, rename and URL import', async () => {
    const h = await start();
    const blank = { description: '', from: { kind: 'blank' } };
    await refusedUnchanged(h, () => h.invoke('library.create', { ...blank, name: 'a\u0000b' }), 'BAD_REQUEST');
    await refusedUnchanged(h, () => h.invoke('library.create', { ...blank, name: 'ok', tags: ['t\u0000'] }), 'BAD_REQUEST');
    const made = await h.invoke<{ id: string }>('library.create', { ...blank, name: 'ok' });
    const id = made.ok ? made.value.id : '';
    await refusedUnchanged(h, () => h.invoke('library.update', { id, name: 'x\u0007y' }), 'BAD_REQUEST');
    await refusedUnchanged(h, () => h.invoke('files.importUrl', { url: 'http://127.0.0.1:9/t.yaml', name: 'a\u0000b' }), 'BAD_REQUEST');
  });

  it('a cloud profile name with NUL, typed or from a clouds.yaml', async () => {
    const h = await start();
    const fields = { name: 'a\u0000b', authUrl: 'http://127.0.0.1:5000/v3' };
    await refusedUnchanged(h, () => h.invoke('cloud.profiles.create', { fields }), 'BAD_REQUEST');
    // A clouds.yaml cloud named with an escaped NUL reaches the service past the schema.
    const candidates = await h.invoke<Array<{ candidateId: string }>>('cloud.import.cloudsYaml', {
      cloudsYaml: 'clouds:\n  "a\\0b":\n    auth: {auth_url: "http://127.0.0.1:5000/v3", username: u, project_name: p}\n',
    });
    expect(candidates).toMatchObject({ ok: true });
    const candidateId = candidates.ok ? candidates.value[0]!.candidateId : '';
    const error = await refusedUnchanged(h, () => h.invoke('cloud.import.save', { choices: [{ candidateId }] }), 'PROFILE_INVALID');
    expect(error.message).toContain('control characters');
  });

  it('a merged library file with a 1 MB template name', async () => {
    const other = await start();
    const made = await other.invoke<{ id: string }>('library.create', { name: 'long', description: '', from: { kind: 'blank' } });
    other.services.db.prepare('UPDATE templates SET name = ? WHERE id = ?').run('x'.repeat(1_000_000), made.ok ? made.value.id : '');
    const file = await other.invoke<{ base64: string }>('backup.exportLibrary', {});
    const h = await start();
    const error = await refusedUnchanged(
      h,
      () => h.invoke('backup.importLibrary', { fileName: 'other.sqlite', base64: file.ok ? file.value.base64 : '' }),
      'IMPORT_FAILED',
    );
    expect(error.message).toContain('at most 255');
  });
});

describe('the browser host and exported file names', () => {
  it('drops a right-to-left override from the exported file name', async () => {
    const h = await start();
    const made = await h.invoke<{ id: string }>('library.create', { name: 'web\u202Elmay.exe', description: '', from: { kind: 'blank' } });
    const file = await h.invoke<{ fileName: string }>('files.exportYaml', { id: made.ok ? made.value.id : '' });
    expect(file).toMatchObject({ ok: true, value: { fileName: 'weblmay.exe.yaml' } });
  });
});
