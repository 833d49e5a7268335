// Small key/value preferences (locale, last active cloud...) in the library file,
// so they move with the library to a new machine.
import type { Db } from './database';

export class PreferencesRepo {
  constructor(private readonly db: Db) {}

  get(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM preferences WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  set(key: string, value: string | null): void {
    if (value === null) {
      this.db.prepare('DELETE FROM preferences WHERE key = ?').run(key);
      return;
    }
    this.db.prepare('INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
