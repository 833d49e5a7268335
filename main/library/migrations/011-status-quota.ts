import type { Migration } from './types';

// Which cloud's quota a template's status was judged against (JSON of
// shared/library/model StatusQuotaSource: profile id and name, region, when
// the quota was read), so the library details can say it. NULL when quota
// played no part (none read yet, or an earlier check failed first), and for
// statuses written before this migration.
export const migration011: Migration = {
  version: 11,
  name: 'status-quota',
  sql: `
ALTER TABLE templates ADD COLUMN status_quota TEXT CHECK (status_quota IS NULL OR json_valid(status_quota));
`,
};
