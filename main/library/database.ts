// Opens the one library database file: WAL, foreign keys, numbered and
// checksummed migrations each in its own transaction, a backup of the file
// before any migration runs. A corrupt file is moved aside and reported,
// never silently replaced; a file from a newer app version is refused
// untouched: its schema is read before anything (WAL mode included) is
// written. Write transactions start IMMEDIATE so that a second process
// holding the write lock (the desktop app and the browser host share one
// file) makes them wait busy_timeout instead of failing at once.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { keepPrivate, privateDir, privateFile } from './private-files';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/types';
import { writeTransaction } from './write-transaction';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of better_sqlite3.node when it differs from the default (the Electron build). */
  nativeBinding?: string | undefined;
  migrations?: readonly Migration[];
  /** How many pre-migration backups to keep beside the file. */
  keepBackups?: number;
  now?: () => Date;
  /** How long a write waits for another process's write lock (default 5 s). */
  busyTimeoutMs?: number;
  /**
   * The file's folder is the studio's own (the data folder): made 0700. A
   * library the user put elsewhere (~/Documents, a team share) leaves its
   * folder's mode alone; the file and its backups/ stay private.
   */
  ownFolder?: boolean;
}

export interface OpenedDatabase {
  db: Db;
  /** Set when the file at `path` was corrupt: where it was moved. */
  recoveredFrom: string | null;
  /** Set when migrations ran: the backup made first. */
  backupPath: string | null;
  appliedMigrations: number[];
}

export function checksum(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

export function openDatabase(path: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  assertSequential(migrations);
  // 0700 folder, 0600 file (and so WAL and shm): private-files.ts says why.
  if (options.ownFolder !== false) privateDir(dirname(path));
  privateFile(path);
  for (const suffix of ['-wal', '-shm']) keepPrivate(path + suffix);

  let recoveredFrom: string | null = null;
  let db: Db;
  try {
    db = connect(path, options);
    checkIntegrity(db);
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (!isCorruption(err)) throw err;
    // Keep the damaged file (and its WAL) for the user; start a fresh library.
    recoveredFrom = moveAside(path, now());
    privateFile(path);
    db = connect(path, options);
  }

  try {
    const applied = readApplied(db);
    const known = new Map(migrations.map((m) => [m.version, m]));
    const newest = migrations.at(-1)?.version ?? 0;
    for (const row of applied) {
      if (row.version > newest) {
        throw new AppError('DB_TOO_NEW', msg('library.tooNew', { path, schema: String(row.version), known: String(newest) }), {
          path,
          schemaVersion: row.version,
          supported: newest,
        });
      }
      const m = known.get(row.version);
      if (m && checksum(m.sql) !== row.checksum) {
        throw new AppError('DB_CORRUPT', msg('library.migrationDiffers', { version: String(row.version), name: m.name, path }), { path, version: row.version });
      }
    }
    // Only now, with the file known to be ours, change it.
    setUp(db);
    const current = applied.at(-1)?.version ?? 0;
    const pending = migrations.filter((m) => m.version > current);
    let backupPath: string | null = null;
    if (pending.length > 0 && current > 0) {
      backupPath = backup(db, path, now(), options.keepBackups ?? 5);
    }
    for (const m of pending) {
      writeTransaction(db, () => {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
          m.version,
          m.name,
          checksum(m.sql),
          now().toISOString(),
        );
      });
    }
    return { db, recoveredFrom, backupPath, appliedMigrations: pending.map((m) => m.version) };
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Opens a connection; sets only per-connection state, nothing that is written to the file. */
function connect(path: string, options: OpenOptions): Db {
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    db.pragma('foreign_keys = ON');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** What changes the file: WAL mode (written into its header) and the migrations table. */
function setUp(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
}

function checkIntegrity(db: Db): void {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') {
    db.close();
    throw Object.assign(new Error(`integrity check failed: ${rows.map((r) => r.quick_check).join('; ')}`), {
      code: 'SQLITE_CORRUPT',
    });
  }
}

function isCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT_INDEX';
}

/** The recorded migrations; none in a new file (read without creating the table). */
function readApplied(db: Db): Array<{ version: number; checksum: string }> {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()) return [];
  return db.prepare('SELECT version, checksum FROM schema_migrations ORDER BY version').all() as Array<{
    version: number;
    checksum: string;
  }>;
}

function assertSequential(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 1..N; found ${m.version} at ${i + 1}`);
  });
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function moveAside(path: string, when: Date): string {
  const target = `${path}.corrupt-${stamp(when)}`;
  renameSync(path, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}

/**
 * A consistent copy (VACUUM INTO sees a snapshot even with a WAL) before
 * migrating, and on the backup schedule; keeps the newest few. The copy is
 * written under a temporary name and renamed only when complete, so a crash
 * (kill -9, power) mid-copy never leaves a file that is listed or counted as
 * a backup; such leftovers are removed by the next backup.
 */
export function backup(db: Db, path: string, when: Date, keep: number): string {
  const dir = join(dirname(path), 'backups');
  privateDir(dir);
  removeIncompleteBackups(dir);
  const target = join(dir, `${basename(path)}.${stamp(when)}.bak`);
  const part = `${target}.part-${process.pid}`;
  try {
    rmSync(part, { force: true }); // VACUUM INTO refuses a non-empty file
    privateFile(part); // empty and 0600: VACUUM INTO writes into it and keeps the mode
    db.exec(`VACUUM INTO '${part.replace(/'/g, "''")}'`);
    syncFile(part);
    renameSync(part, target);
  } catch (err) {
    for (const f of [part, `${part}-journal`]) rmSync(f, { force: true });
    throw err;
  }
  for (const f of completeBackups(dir, basename(path)).slice(keep)) rmSync(join(dir, f));
  return target;
}

/** The finished backups of the library file named `base` in `dir`, newest first. */
export function completeBackups(dir: string, base: string): string[] {
  const names = readdirSync(dir);
  const present = new Set(names);
  return names
    .filter((f) => f.startsWith(`${base}.`) && f.endsWith('.bak') && !present.has(`${f}-journal`))
    .sort()
    .reverse();
}

/**
 * Leftovers of interrupted backups: our temporary `.bak.part-<pid>` files
 * (and their journals) whose process is gone, and a `.bak` beside its own
 * `-journal`, as a backup killed mid-copy before this scheme left it.
 */
function removeIncompleteBackups(dir: string): void {
  const names = readdirSync(dir);
  for (const f of names) {
    const part = /\.bak\.part-(\d+)(?:-journal)?$/.exec(f);
    const legacy = f.endsWith('.bak-journal') ? [f, f.slice(0, -'-journal'.length)] : [];
    const stale = part ? (Number(part[1]) === process.pid || !isRunning(Number(part[1])) ? [f] : []) : legacy;
    for (const g of stale) rmSync(join(dir, g), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: unknown }).code === 'EPERM'; // alive, someone else's
  }
}

/** The copy's bytes on disk before the rename makes it a backup. */
function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
