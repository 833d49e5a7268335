import type { Migration } from './types';

// Which library template was created from which app package (and version),
// so the seed's rule holds: only the first edit of such a template may become
// a new version of that app. The app's info (name, tags, logo, ...) is kept
// as the manifest wrote it, to show it again when that version is exported.
// Deleting the template deletes its link.
export const migration006: Migration = {
  version: 6,
  name: 'apps',
  sql: `
CREATE TABLE app_links (
  template_id  TEXT PRIMARY KEY REFERENCES templates(id) ON DELETE CASCADE,
  app_id       TEXT NOT NULL,
  app_name     TEXT NOT NULL,
  app_version  TEXT NOT NULL,
  base_version INTEGER NOT NULL,
  app_json     TEXT NOT NULL,
  linked_at    TEXT NOT NULL
);
CREATE INDEX app_links_app ON app_links(app_id, app_version);
`,
};
