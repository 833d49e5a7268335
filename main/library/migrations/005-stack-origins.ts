import type { Migration } from './types';

// Which library template version a stack was deployed from, so the stack's
// "deployment template" tab and its diagnosis can open that exact version.
// Keyed by profile + Heat stack id (names are reused after a delete). Not a
// foreign key to templates: deleting a template never touches deployments
// (SPEC 1.4), the origin then just names what it was.
export const migration005: Migration = {
  version: 5,
  name: 'stack-origins',
  sql: `
CREATE TABLE stack_origins (
  profile_id       TEXT NOT NULL,
  stack_id         TEXT NOT NULL,
  stack_name       TEXT NOT NULL,
  template_id      TEXT NOT NULL,
  template_name    TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  deployed_at      TEXT NOT NULL,
  PRIMARY KEY (profile_id, stack_id)
);
CREATE INDEX stack_origins_template ON stack_origins(template_id);
`,
};
