// URL import against servers that misbehave: no Content-Length and no end
// (read as a stream, stopped at the size limit), and a stall after the
// headers (a TIMEOUT that says so, not INTERNAL). Nothing reaches the library.
import { afterEach, describe, expect, it } from 'vitest';
import { ImportService } from '../../../../main/files/import-service';
import { badServer, type BadServer } from '../../../support/bad-http';
import { integrityCheck, librarySnapshot } from '../../../support/library-state';
import { makeLibrary } from '../../../support/library';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
let server: BadServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const LIMITS = { maxFiles: 10, maxFileBytes: 1_000_000, maxTotalBytes: 10_000_000 };

describe('URL import and servers that misbehave', () => {
  it('stops reading a reply without Content-Length at the size limit', async () => {
    const lib = makeLibrary(tempDir());
    const before = librarySnapshot(lib.db);
    server = await badServer('endless');
    const imports = new ImportService(lib.library, LIMITS);
    await expect(imports.importUrl(server.url)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    // The server had 64 MiB to send; reading whole first used to take all of it.
    expect(server.sent()).toBeLessThan(16 * 1024 * 1024);
    expect(integrityCheck(lib.db)).toBe('ok');
    expect(librarySnapshot(lib.db)).toEqual(before);
  });

  it('ends a reply that stalls after its headers with a clear TIMEOUT', async () => {
    const lib = makeLibrary(tempDir());
    const before = librarySnapshot(lib.db);
    server = await badServer('stall');
    const imports = new ImportService(lib.library, LIMITS, undefined, 300);
    const started = Date.now();
    await expect(imports.importUrl(server.url)).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: expect.stringContaining('did not send its whole reply within 0.3 s'),
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(integrityCheck(lib.db)).toBe('ok');
    expect(librarySnapshot(lib.db)).toEqual(before);
  });
});
