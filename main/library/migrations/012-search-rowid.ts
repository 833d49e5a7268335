import type { Migration } from './types';

// The search index's row of each template, kept on the template. Migration 4
// found a template's index row by its UNINDEXED template_id, which SQLite can
// only read row by row from the index's content: a search word present in
// every template paid ~16 ms for that alone at 10,000 templates, and every
// save scanned the whole index to delete the old row. The templates table has
// no INTEGER PRIMARY KEY, so its own rowid may change on VACUUM; this column
// is an ordinary value and survives VACUUM, backups and exports (as do the
// index's rowids). Existing index rows keep their rowids; a template without
// one (never indexed) stays NULL until its next reindex.
export const migration012: Migration = {
  version: 12,
  name: 'search-rowid',
  sql: `
ALTER TABLE templates ADD COLUMN search_rowid INTEGER;
UPDATE templates SET search_rowid = f.rowid
  FROM (SELECT rowid, template_id FROM templates_fts) f
  WHERE f.template_id = templates.id;
CREATE UNIQUE INDEX templates_search_rowid ON templates(search_rowid);

DROP TRIGGER templates_fts_delete;
CREATE TRIGGER templates_fts_delete AFTER DELETE ON templates
BEGIN
  DELETE FROM templates_fts WHERE rowid = old.search_rowid;
END;
`,
};
