import type { Migration } from './types';

// The template library: templates with metadata and status, immutable
// versions (YAML bytes as written, layout beside it, never inside it), tags,
// and small app preferences.
export const migration001: Migration = {
  version: 1,
  name: 'library',
  sql: `
CREATE TABLE templates (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL CHECK (status IN ('usable', 'needs_editing')),
  status_reason TEXT NOT NULL DEFAULT '',
  origin        TEXT NOT NULL CHECK (origin IN ('user', 'system')),
  system_key    TEXT UNIQUE,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX templates_updated ON templates(updated_at);

CREATE TABLE template_tags (
  template_id TEXT NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
  tag         TEXT NOT NULL,
  PRIMARY KEY (template_id, tag)
);
CREATE INDEX template_tags_tag ON template_tags(tag);

CREATE TABLE template_versions (
  id          TEXT PRIMARY KEY,
  template_id TEXT NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
  number      INTEGER NOT NULL CHECK (number >= 1),
  yaml        TEXT NOT NULL,
  layout      TEXT NOT NULL DEFAULT '{}',
  files       TEXT NOT NULL DEFAULT '{}',
  environment TEXT,
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  UNIQUE (template_id, number)
);

-- Versions are immutable: a change is a new version.
CREATE TRIGGER template_versions_immutable
BEFORE UPDATE ON template_versions
BEGIN
  SELECT RAISE(ABORT, 'template versions are immutable');
END;

CREATE TABLE preferences (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
};
