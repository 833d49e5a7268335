// What a refused input must leave alone: every row of every table of the
// library file, and SQLite's own integrity check. Tests take a snapshot
// before the bad input and compare after.
import type { Db } from '../../main/library/database';

/** All rows of all tables (search index included), in a stable order. */
export function librarySnapshot(db: Db): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}" ORDER BY 1`).all()]));
}

export function integrityCheck(db: Db): string {
  return String(db.pragma('integrity_check', { simple: true }));
}
