import type { Migration } from './types';

// Full-text search over the library (names, descriptions, tags, resource
// types and the YAML of the latest version), and each version's entry file
// path so a template imported from a folder keeps its nested files at the
// same relative places (files are keyed by path from the import root).
export const migration004: Migration = {
  version: 4,
  name: 'library-search',
  sql: `
ALTER TABLE template_versions ADD COLUMN entry_path TEXT NOT NULL DEFAULT 'template.yaml';

CREATE VIRTUAL TABLE templates_fts USING fts5(
  template_id UNINDEXED,
  name,
  description,
  tags,
  resource_types,
  yaml,
  tokenize = 'trigram'
);

-- Resource types of the latest version, kept for filtering without parsing YAML.
CREATE TABLE template_resource_types (
  template_id TEXT NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
  type        TEXT NOT NULL,
  PRIMARY KEY (template_id, type)
);
CREATE INDEX template_resource_types_type ON template_resource_types(type);

CREATE TRIGGER templates_fts_delete AFTER DELETE ON templates
BEGIN
  DELETE FROM templates_fts WHERE template_id = old.id;
END;
`,
};
