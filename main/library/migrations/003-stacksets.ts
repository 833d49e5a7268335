import type { Migration } from './types';

// Stack sets (seed 002): the set, its instances (region x project) and its
// operations. An operation row keeps the scheduler's whole JSON state
// (shared/stacksets) plus the runner's Heat bookkeeping, written after every
// transition, so an operation interrupted by a restart resumes from here.
// A deleted set keeps its row (deleted_at set) so its operations stay
// readable and its old id can be told apart from an id that never existed;
// the name is unique (case sensitive, SQLite's BINARY collation) among live
// sets only, so a re-created set with the same name gets a new id.
export const migration003: Migration = {
  version: 3,
  name: 'stacksets',
  sql: `
CREATE TABLE stack_sets (
  id                  TEXT PRIMARY KEY,
  name                TEXT NOT NULL,
  description         TEXT NOT NULL DEFAULT '',
  permission_model    TEXT NOT NULL CHECK (permission_model IN ('SELF_MANAGED', 'SERVICE_MANAGED')),
  agencies            TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(agencies)),
  template_version_id TEXT NOT NULL,
  parameters          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(parameters)),
  profile_ids         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(profile_ids)),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  deleted_at          TEXT
);
CREATE UNIQUE INDEX stack_sets_live_name ON stack_sets(name) WHERE deleted_at IS NULL;

CREATE TABLE stack_instances (
  stack_set_id        TEXT NOT NULL REFERENCES stack_sets(id) ON DELETE CASCADE,
  region              TEXT NOT NULL,
  domain_id           TEXT NOT NULL,
  status              TEXT NOT NULL,
  status_message      TEXT NOT NULL DEFAULT '',
  stack_id            TEXT,
  parameter_overrides TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(parameter_overrides)),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  PRIMARY KEY (stack_set_id, region, domain_id)
);

CREATE TABLE stack_set_operations (
  id                  TEXT PRIMARY KEY,
  stack_set_id        TEXT NOT NULL REFERENCES stack_sets(id) ON DELETE CASCADE,
  status              TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  state               TEXT NOT NULL CHECK (json_valid(state)),
  runner              TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(runner)),
  template_version_id TEXT NOT NULL,
  parameters          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(parameters)),
  parameter_overrides TEXT CHECK (parameter_overrides IS NULL OR json_valid(parameter_overrides))
);
CREATE INDEX stack_set_operations_set ON stack_set_operations(stack_set_id, created_at);
CREATE INDEX stack_set_operations_status ON stack_set_operations(status);
`,
};
