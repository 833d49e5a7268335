import type { Migration } from './types';

// The last known inventory of each profile's project in each region (the
// palette's existing networks and routers, flavors, images, key pairs,
// security groups, zones), so the "Existing" tab still lists something
// offline, marked stale with the time it was read. One row per (profile,
// project, region), like the quota cache; the JSON is
// shared/existing/inventory.ts Inventory.
export const migration008: Migration = {
  version: 8,
  name: 'inventory-cache',
  sql: `
CREATE TABLE cloud_inventory (
  profile_id  TEXT NOT NULL REFERENCES cloud_profiles(id) ON DELETE CASCADE,
  project     TEXT NOT NULL,
  region      TEXT NOT NULL,
  inventory   TEXT NOT NULL CHECK (json_valid(inventory)),
  fetched_at  TEXT NOT NULL,
  PRIMARY KEY (profile_id, project, region)
);
`,
};
