// What a path must be before the studio opens or creates a library there.
// openDatabase moves a damaged library aside and starts a fresh one, which is
// right for a library file that broke, and wrong for a file that never was a
// library (a photo, another app's database): that one is refused here,
// byte for byte untouched, before openDatabase sees it.
import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { AppError } from '../../shared/ipc/errors';
import { msg, type Message } from '../../shared/messages/message';

const SQLITE_HEADER = 'SQLite format 3\0';

function unavailable(path: string, why: Message, reason: string): AppError {
  return new AppError('LIBRARY_UNAVAILABLE', msg('library.file.unavailable', { path, why }), { path, reason });
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function assertAbsolute(path: string): void {
  if (!isAbsolute(path)) throw unavailable(path, msg('library.file.relative'), 'relative');
}

/** An existing file that is a Heat Studio library the studio may write to. */
export function assertOpenableLibrary(path: string, nativeBinding?: string): void {
  assertAbsolute(path);
  if (!existsSync(path)) throw unavailable(path, msg('library.file.missing'), 'missing');
  if (!statSync(path).isFile()) throw unavailable(path, msg('library.file.notFile'), 'not-file');
  if (!writable(path) || !writable(dirname(path))) {
    throw unavailable(path, msg('library.file.readOnly'), 'read-only');
  }
  if (!startsWithSqliteHeader(path)) throw unavailable(path, msg('library.file.notSqlite'), 'not-library');
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 2000, ...(nativeBinding ? { nativeBinding } : {}) });
    const has = (name: string) => !!db!.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
    if (!has('schema_migrations') || !has('templates')) {
      throw unavailable(path, msg('library.file.notLibrary'), 'not-library');
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = String((err as { code?: unknown }).code ?? '');
    // A damaged library is openDatabase's to move aside, as for the personal library.
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return;
    if (code.startsWith('SQLITE_BUSY')) throw lockedError(path);
    throw unavailable(path, msg('library.file.unreadable', { cause: (err as Error).message }), 'unreadable');
  } finally {
    db?.close();
  }
}

/** A path where a new library file can be made: nothing there yet, in a folder that exists and can be written. */
export function assertCreatableLibrary(path: string): void {
  assertAbsolute(path);
  if (existsSync(path)) {
    throw new AppError('CONFLICT', msg('library.file.exists', { path }), { path, reason: 'exists' });
  }
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw unavailable(path, msg('library.file.folderMissing', { folder }), 'missing');
  if (!writable(folder)) throw unavailable(path, msg('library.file.folderReadOnly', { folder }), 'read-only');
}

export function lockedError(path: string): AppError {
  return unavailable(path, msg('library.file.locked'), 'locked');
}

function startsWithSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}
