// The library holds templates, cloud caches and (encrypted) secrets: other
// users of the machine must not read it. Folders 0700, files 0600, set when
// they are made and repaired when an older version left them 755/644.
// SQLite creates the -wal and -shm files with the database file's own mode,
// so making the database file 0600 before SQLite first opens it covers them.
// Windows has no such modes (its ACLs come from the user's profile folder).
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

const POSIX = process.platform !== 'win32';

/** Creates `dir` (and parents) if needed and makes it 0700. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (POSIX && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

/** Creates `file` empty with 0600 if missing (SQLite treats an empty file as a new database), else makes it 0600. */
export function privateFile(file: string): void {
  if (!existsSync(file)) {
    try {
      closeSync(openSync(file, 'wx', 0o600));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  // The mode given to open is masked by the umask, which only ever removes bits: chmod says it exactly.
  if (POSIX && (statSync(file).mode & 0o777) !== 0o600) chmodSync(file, 0o600);
}

/** Makes an existing file 0600 (a WAL, a backup SQLite wrote); nothing when it is missing. */
export function keepPrivate(file: string): void {
  if (POSIX && existsSync(file) && (statSync(file).mode & 0o777) !== 0o600) chmodSync(file, 0o600);
}
