import type { Migration } from './types';

// Cloud profiles (never a secret in clear: secrets are a separate table of
// ciphertext), and the offline cache of what the cloud last said about
// stacks, events and resources, each row with the time it was fetched so
// the UI can mark it stale when the cloud cannot be reached.
export const migration002: Migration = {
  version: 2,
  name: 'cloud',
  sql: `
CREATE TABLE cloud_profiles (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  fields      TEXT NOT NULL CHECK (json_valid(fields)),
  source      TEXT NOT NULL DEFAULT 'manual',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE cloud_secrets (
  profile_id  TEXT PRIMARY KEY REFERENCES cloud_profiles(id) ON DELETE CASCADE,
  store_kind  TEXT NOT NULL,
  ciphertext  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE cloud_stacks (
  profile_id  TEXT NOT NULL REFERENCES cloud_profiles(id) ON DELETE CASCADE,
  stack_id    TEXT NOT NULL,
  stack_name  TEXT NOT NULL,
  status      TEXT NOT NULL,
  summary     TEXT NOT NULL CHECK (json_valid(summary)),
  details     TEXT CHECK (details IS NULL OR json_valid(details)),
  listed      INTEGER NOT NULL DEFAULT 1,
  fetched_at  TEXT NOT NULL,
  PRIMARY KEY (profile_id, stack_id)
);
CREATE INDEX cloud_stacks_name ON cloud_stacks(profile_id, stack_name);

CREATE TABLE cloud_stack_lists (
  profile_id  TEXT PRIMARY KEY REFERENCES cloud_profiles(id) ON DELETE CASCADE,
  fetched_at  TEXT NOT NULL
);

CREATE TABLE cloud_events (
  profile_id  TEXT NOT NULL,
  stack_id    TEXT NOT NULL,
  event_id    TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  event_time  TEXT NOT NULL,
  data        TEXT NOT NULL CHECK (json_valid(data)),
  fetched_at  TEXT NOT NULL,
  PRIMARY KEY (profile_id, stack_id, event_id),
  FOREIGN KEY (profile_id, stack_id) REFERENCES cloud_stacks(profile_id, stack_id) ON DELETE CASCADE
);
CREATE INDEX cloud_events_order ON cloud_events(profile_id, stack_id, seq);

CREATE TABLE cloud_resources (
  profile_id  TEXT NOT NULL,
  stack_id    TEXT NOT NULL,
  resource_key TEXT NOT NULL,
  data        TEXT NOT NULL CHECK (json_valid(data)),
  fetched_at  TEXT NOT NULL,
  PRIMARY KEY (profile_id, stack_id, resource_key),
  FOREIGN KEY (profile_id, stack_id) REFERENCES cloud_stacks(profile_id, stack_id) ON DELETE CASCADE
);
`,
};
