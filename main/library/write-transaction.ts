// Write transactions that wait for another process's write lock, and that
// lock, when held past busy_timeout, as DB_BUSY in words instead of SQLite's
// "database is locked" answered as INTERNAL. No better-sqlite3 import, so the
// dispatcher can map a stray SQLITE_BUSY too.
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import type { Db } from './database';

/**
 * Runs `fn` in a write transaction that takes the write lock at BEGIN
 * (IMMEDIATE). A deferred one reads first and, finding another writer when it
 * upgrades, fails with SQLITE_BUSY at once: SQLite cannot wait there without
 * risking a deadlock. A lock held past busy_timeout becomes DB_BUSY, in words.
 * Nested calls become savepoints (better-sqlite3), so repos may nest them.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (err) {
    throw busyError(db, err) ?? err;
  }
}

/** DB_BUSY for SQLite's "database is locked" (SQLITE_BUSY and its extended codes), else null. */
export function busyError(db: Db | null, err: unknown): AppError | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY')) return null;
  const waitedMs = db?.open ? Number(db.pragma('busy_timeout', { simple: true })) || 0 : null;
  const file = db ? msg('library.busy.named', { path: db.name }) : msg('library.busy.unnamed');
  const waited = waitedMs === null ? '' : msg('library.busy.waited', { seconds: waitedMs / 1000 });
  return new AppError('DB_BUSY', msg('library.busy', { file, waited }), { ...(db ? { path: db.name } : {}), ...(waitedMs === null ? {} : { waitedMs }) });
}
