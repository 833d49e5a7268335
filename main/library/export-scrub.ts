// What a whole-library export carries to another machine: the templates,
// their versions, tags, resource-type index, search index and app links, and
// the schema version (README "Where data lives"). Not the cloud profiles, the
// encrypted secrets, the caches of what a cloud held, stack origins, stack
// sets or preferences: they name this machine's clouds and accounts and
// would leak them with a file handed to someone else.
import type { Db } from './database';

/** Tables whose rows travel; every other table of the copy is emptied. */
export const TRAVELLING_TABLES = new Set([
  'schema_migrations',
  'templates',
  'template_versions',
  'template_tags',
  'template_resource_types',
  'app_links',
  'templates_fts',
]);

/**
 * Empties every non-travelling table of the database file at `file` (a fresh
 * VACUUM INTO copy), then rebuilds that file so the deleted rows do not stay
 * behind in its free pages. Runs through `db`'s connection (ATTACH): the same
 * native build, so it works in Electron and in Node alike.
 */
export function scrubForTransfer(db: Db, file: string): void {
  db.prepare('ATTACH DATABASE ? AS export').run(file);
  try {
    const tables = db
      .prepare("SELECT name FROM export.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all()
      .map((r) => (r as { name: string }).name)
      // fts5 keeps its rows in shadow tables named after it: they travel with it.
      .filter((name) => !TRAVELLING_TABLES.has(name) && !/^templates_fts_/.test(name));
    db.transaction(() => {
      // Children and parents go together: check the foreign keys once, at commit.
      db.pragma('defer_foreign_keys = ON');
      for (const name of tables) db.exec(`DELETE FROM export."${name.replace(/"/g, '""')}"`);
    })();
    db.exec('VACUUM export');
  } finally {
    db.exec('DETACH DATABASE export');
  }
}
