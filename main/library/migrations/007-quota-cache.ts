import type { Migration } from './types';

// The last known quota of each profile's project in each region (limits,
// usage, the flavor list), so the editor's quota panel still has something to
// show offline, marked stale with the time it was read. One row per
// (profile, project, region); the JSON is shared/quota/model.ts QuotaReport.
// A separate table, not the stack cache's: quotas hang off a project and
// region, not off a stack.
export const migration007: Migration = {
  version: 7,
  name: 'quota-cache',
  sql: `
CREATE TABLE cloud_quotas (
  profile_id  TEXT NOT NULL REFERENCES cloud_profiles(id) ON DELETE CASCADE,
  project     TEXT NOT NULL,
  region      TEXT NOT NULL,
  report      TEXT NOT NULL CHECK (json_valid(report)),
  fetched_at  TEXT NOT NULL,
  PRIMARY KEY (profile_id, project, region)
);
CREATE INDEX cloud_quotas_recent ON cloud_quotas(fetched_at);
`,
};
