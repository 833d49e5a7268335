// Backs the library file up on a schedule (daily by default, and at start
// when the newest backup is older than that), keeping the newest few, next to
// the pre-migration backups database.ts makes. A setTimeout chain with a stop
// flag, as every poller here.
import { statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backup, completeBackups, type Db } from './database';

export interface BackupOptions {
  intervalMs?: number;
  keep?: number;
  now?: () => Date;
}

export class BackupScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly intervalMs: number;
  private readonly keep: number;
  private readonly now: () => Date;

  constructor(
    private readonly db: Db,
    private readonly path: string,
    options: BackupOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 24 * 60 * 60 * 1000;
    this.keep = options.keep ?? 5;
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    const newest = this.newestBackupTime();
    const due = newest === null ? 0 : Math.max(0, newest + this.intervalMs - this.now().getTime());
    this.schedule(due === 0 ? 60_000 : due); // never at the very start: let the app open first
  }

  /** Makes a backup now; returns its path. */
  backupNow(): string {
    return backup(this.db, this.path, this.now(), this.keep);
  }

  list(): Array<{ file: string; bytes: number; at: string }> {
    const dir = join(dirname(this.path), 'backups');
    try {
      // Only finished backups: an interrupted one is never offered for restore.
      return completeBackups(dir, basename(this.path))
        .map((f) => {
          const s = statSync(join(dir, f));
          return { file: join(dir, f), bytes: s.size, at: s.mtime.toISOString() };
        })
        .sort((a, b) => b.at.localeCompare(a.at));
    } catch {
      return [];
    }
  }

  dispose(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      if (this.stopped) return;
      try {
        this.backupNow();
      } catch {
        // A failed backup (disk full) must not take the app down; the next one tries again.
      }
      this.schedule(this.intervalMs);
    }, ms);
    this.timer.unref?.();
  }

  private newestBackupTime(): number | null {
    const newest = this.list()[0];
    return newest ? Date.parse(newest.at) : null;
  }
}
