// Backups interrupted by a crash: a real child process killed (-9) while
// VACUUM INTO is writing, and the leftovers an older version left behind.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../../../main/library/database';
import { BackupScheduler } from '../../../../main/library/backup-scheduler';
import { writeTransaction } from '../../../../main/library/write-transaction';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const DATABASE_TS = resolve('main/library/database.ts');

// Another process running the app's own backup() on the same file.
const BACKER_UP = `
import Database from 'better-sqlite3';
import { backup } from ${JSON.stringify(DATABASE_TS)};
const db = new Database(process.argv[1]);
backup(db, process.argv[1], new Date('2030-01-01T00:00:00Z'), 5);
process.stdout.write('done\\n');
`;

/** A library with five finished backups (Jan 1st..5th), then ~120 MB of ballast so a copy takes a while. */
function libraryWithBackups() {
  const dir = tempDir();
  const path = join(dir, 'library.sqlite');
  const { db } = openDatabase(path);
  let day = 1;
  const scheduler = new BackupScheduler(db, path, { now: () => new Date(Date.UTC(2025, 0, day)) });
  for (; day <= 5; day++) scheduler.backupNow();
  return { dir, path, db, scheduler, backups: join(dir, 'backups'), setDay: (d: number) => (day = d) };
}

describe('backups', () => {
  it('a backup killed (kill -9) while it is written is neither listed nor counted, and the next backup removes it', async () => {
    const { path, db, scheduler, backups, setDay } = libraryWithBackups();
    const finished = readdirSync(backups).sort();
    expect(scheduler.list()).toHaveLength(5);
    db.exec('CREATE TABLE ballast (b BLOB)');
    const ins = db.prepare('INSERT INTO ballast VALUES (randomblob(1048576))');
    writeTransaction(db, () => {
      for (let i = 0; i < 120; i++) ins.run();
    });
    db.pragma('wal_checkpoint(TRUNCATE)');

    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', BACKER_UP, path], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let done = false;
    child.stdout.on('data', (d: Buffer) => (done ||= d.toString().includes('done')));
    const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, signal) => r(signal)));
    // Kill it as soon as its copy has some megabytes on disk, whatever the copy is called.
    for (;;) {
      const growing = readdirSync(backups).filter((f) => !finished.includes(f) && statSync(join(backups, f)).size > 4 * 1048576);
      if (growing.length > 0 || child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(child.exitCode, 'the backup finished before it could be killed').toBeNull();
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(done).toBe(false);
    expect(readdirSync(backups).length).toBeGreaterThan(5); // something was left behind

    expect(scheduler.list().map((b) => b.file)).toEqual(finished.map((f) => join(backups, f)).reverse());
    setDay(6);
    const next = scheduler.backupNow();
    // Five kept: the new one and four finished ones; the leftover is gone, not one of the five.
    expect(scheduler.list().map((b) => b.file)).toEqual([
      next,
      ...finished
        .slice(1)
        .reverse()
        .map((f) => join(backups, f)),
    ]);
    expect(readdirSync(backups).sort()).toEqual([...finished.slice(1), next.slice(backups.length + 1)].sort());
    const copy = new Database(next, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT COUNT(*) AS n FROM ballast').get()).toEqual({ n: 120 });
    copy.close();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('ignores and removes a partial .bak with its journal, as a backup killed before temporary names left it', () => {
    const { db, scheduler, backups, setDay } = libraryWithBackups();
    const finished = scheduler.list().map((b) => b.file);
    const partial = join(backups, 'library.sqlite.2029-01-01T00-00-00-000Z.bak');
    writeFileSync(partial, Buffer.alloc(4096));
    writeFileSync(`${partial}-journal`, Buffer.alloc(512));
    expect(scheduler.list().map((b) => b.file)).toEqual(finished);
    setDay(6);
    const next = scheduler.backupNow();
    expect(scheduler.list().map((b) => b.file)).toEqual([next, ...finished.slice(0, 4)]);
    expect(readdirSync(backups).filter((f) => f.startsWith('library.sqlite.2029'))).toEqual([]);
    db.close();
  });
});
