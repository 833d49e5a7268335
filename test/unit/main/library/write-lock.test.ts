// A second process holding the library's write lock (the desktop app and the
// browser host share one file): saves wait for it, and a lock held past
// busy_timeout is refused in words, with the library intact and unchanged.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { openDatabase } from '../../../../main/library/database';
import { EventBus } from '../../../../main/events/event-bus';
import { LibraryService } from '../../../../main/library/library-service';
import { TemplateRepo } from '../../../../main/library/template-repo';
import { hotChecker } from '../../../../shared/library/offline-status';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

const VALID = 'heat_template_version: 2018-08-31\nresources:\n  r:\n    type: OS::Heat::None\n';

// Another process: plain node and better-sqlite3, BEGIN IMMEDIATE, hold, COMMIT.
const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));
`;

/** Resolves once the other process holds the write lock. */
function holdWriteLock(path: string, ms: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', HOLDER, path, String(ms)], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve(child));
    child.on('exit', (code) => reject(new Error(`lock holder exited (${code}) before locking`)));
  });
}

function library(busyTimeoutMs?: number) {
  const path = join(tempDir(), 'library.sqlite');
  const { db } = openDatabase(path, busyTimeoutMs === undefined ? {} : { busyTimeoutMs });
  const lib = new LibraryService(new TemplateRepo(db), hotChecker, new EventBus());
  const t = lib.create({ name: 'shared', description: '', tags: [], from: { kind: 'yaml', yaml: VALID } });
  return { path, db, lib, id: t.id };
}

const save = (lib: LibraryService, id: string) =>
  lib.saveVersion({ id, yaml: VALID + '# edited\n', layout: {}, files: {}, environment: null, note: 'while locked' });

describe('a second process holding the write lock', () => {
  it('makes saveVersion wait for a 300 ms lock, then save', async () => {
    const { db, lib, id } = library();
    await holdWriteLock(db.name, 300);
    const started = performance.now();
    const saved = save(lib, id);
    const waited = performance.now() - started;
    expect(saved.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(waited).toBeGreaterThan(100); // it waited for the lock (the holder had up to 300 ms left)
    expect(waited).toBeLessThan(5000);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('refuses with DB_BUSY, in words, when the lock is held past busy_timeout; nothing changes', async () => {
    const { db, lib, id } = library(400);
    const before = lib.get(id);
    const holder = await holdWriteLock(db.name, 20_000);
    const started = performance.now();
    let error: unknown;
    try {
      save(lib, id);
    } catch (err) {
      error = err;
    }
    const waited = performance.now() - started;
    expect(error).toMatchObject({ code: 'DB_BUSY', message: expect.stringMatching(/locked by another program.*0\.4 s.*nothing was saved/) });
    expect(waited).toBeGreaterThan(300);
    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('exit', r));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(lib.get(id)).toEqual(before);
    db.close();
  });
});
