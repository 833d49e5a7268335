// Issue 22, item 8: the data folder was 755 and library.sqlite, its WAL and
// the backups 644, readable by every user of the machine. Folders are 0700
// and files 0600, whatever the umask, and an older library is repaired on open.
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composeServices, type Services } from '../../../../main/compose';
import { emptyProfileFields } from '../../../../shared/cloud/profile';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const mode = (p: string) => statSync(p).mode & 0o777;
let services: Services | null = null;
let umask: number | null = null;

beforeAll(() => {
  // The usual 022 umask, which is what left them world-readable (worker threads cannot set it: then it is whatever it is).
  try {
    umask = process.umask(0o022);
  } catch {
    umask = null;
  }
});
afterAll(() => {
  if (umask !== null) process.umask(umask);
});
afterEach(() => {
  services?.dispose();
  services = null;
});

describe.skipIf(process.platform === 'win32')('who can read the library on disk', () => {
  it('makes a new data folder 0700 and library.sqlite, its WAL and shm, the key file and backups 0600', () => {
    const dataDir = join(tempDir(), 'Heat Studio');
    services = composeServices({ dataDir, host: 'web', version: 'test' });
    services.profiles.create(emptyProfileFields('p', 'https://k.example/v3'), 'pw'); // a write (WAL) and the key file
    const file = services.info.databasePath;
    expect(mode(dataDir)).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`, join(dataDir, 'secrets.key')]) {
      expect(existsSync(f), f).toBe(true);
      expect(mode(f).toString(8), f).toBe('600');
    }
  });

  it('writes backups 0600 in a 0700 backups folder', async () => {
    const dataDir = tempDir();
    services = composeServices({ dataDir, host: 'web', version: 'test' });
    const r = (await services.dispatcher.dispatch('backup.now', {})) as { ok: true; value: { file: string } };
    expect(r.ok).toBe(true);
    expect(mode(join(dataDir, 'backups')).toString(8)).toBe('700');
    expect(mode(r.value.file).toString(8)).toBe('600');
  });

  it('repairs a data folder and files an older version left 755 / 644', () => {
    const dataDir = tempDir();
    services = composeServices({ dataDir, host: 'web', version: 'test' });
    services.dispose();
    services = null;
    const file = join(dataDir, 'library.sqlite');
    chmodSync(dataDir, 0o755);
    for (const f of readdirSync(dataDir)) if (f.startsWith('library.sqlite')) chmodSync(join(dataDir, f), 0o644);
    mkdirSync(join(dataDir, 'backups'), { recursive: true, mode: 0o755 });
    writeFileSync(join(dataDir, 'ignored.txt'), 'x');
    services = composeServices({ dataDir, host: 'web', version: 'test' });
    expect(mode(dataDir).toString(8)).toBe('700');
    expect(mode(file).toString(8)).toBe('600');
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) expect(mode(file + suffix).toString(8), suffix).toBe('600');
  });
});
