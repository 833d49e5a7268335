// What a path must be before the studio opens or creates a library there.
// openDatabase moves a damaged library aside and starts a fresh one, which is
// right for a library file that broke, and wrong for a file that never was a
// library (a photo, another app's database): that one is refused here,
// byte for byte untouched, before openDatabase sees it.
import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { AppError } from '../../shared/ipc/errors';

const SQLITE_HEADER = 'SQLite format 3\0';

function unavailable(path: string, why: string, reason: string): AppError {
  return new AppError('LIBRARY_UNAVAILABLE', `${path}: ${why}`, { path, reason });
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
  if (!isAbsolute(path)) throw unavailable(path, 'give the full path of the library file (from the root folder).', 'relative');
}

/** An existing file that is a Heat Studio library the studio may write to. */
export function assertOpenableLibrary(path: string, nativeBinding?: string): void {
  assertAbsolute(path);
  if (!existsSync(path)) throw unavailable(path, 'there is no file at this path; nothing was opened.', 'missing');
  if (!statSync(path).isFile()) throw unavailable(path, 'this is a folder, not a library file; nothing was opened.', 'not-file');
  if (!writable(path) || !writable(dirname(path))) {
    throw unavailable(path, 'the file (or its folder) is read-only for you; a library needs to be written (versions, backups), so it was not opened and was left untouched.', 'read-only');
  }
  if (!startsWithSqliteHeader(path)) throw unavailable(path, 'this file is not a Heat Studio library (not an SQLite database); it was left untouched.', 'not-library');
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 2000, ...(nativeBinding ? { nativeBinding } : {}) });
    const has = (name: string) => !!db!.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
    if (!has('schema_migrations') || !has('templates')) {
      throw unavailable(path, 'this is an SQLite database, but not a Heat Studio library (no template tables); it was left untouched.', 'not-library');
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = String((err as { code?: unknown }).code ?? '');
    // A damaged library is openDatabase's to move aside, as for the personal library.
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return;
    if (code.startsWith('SQLITE_BUSY')) throw lockedError(path);
    throw unavailable(path, `the file could not be read (${(err as Error).message}); it was left untouched.`, 'unreadable');
  } finally {
    db?.close();
  }
}

/** A path where a new library file can be made: nothing there yet, in a folder that exists and can be written. */
export function assertCreatableLibrary(path: string): void {
  assertAbsolute(path);
  if (existsSync(path)) {
    throw new AppError('CONFLICT', `${path}: a file already exists there; open it, or choose another name. Nothing was changed.`, { path, reason: 'exists' });
  }
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw unavailable(path, `the folder ${folder} does not exist; nothing was created.`, 'missing');
  if (!writable(folder)) throw unavailable(path, `the folder ${folder} is read-only for you; nothing was created.`, 'read-only');
}

export function lockedError(path: string): AppError {
  return unavailable(path, 'another program holds this library file locked; close it there and try again. The file was left untouched.', 'locked');
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
