// The last known quota per profile, project and region (migration 7). A
// save replaces the row with the merged report the quota service built
// (fresh services replaced, failed ones kept as they were), so a failed read
// never loses what an earlier one learned.
import type { QuotaReport } from '../../shared/quota/model';
import type { Db } from './database';

export interface QuotaKey {
  profileId: string;
  /** The project as the profile names it (id, else name): known offline, unlike the token's id. */
  project: string;
  region: string;
}

export class QuotaCacheRepo {
  constructor(private readonly db: Db) {}

  save(key: QuotaKey, report: QuotaReport, fetchedAt: string): void {
    this.db
      .prepare(
        `INSERT INTO cloud_quotas (profile_id, project, region, report, fetched_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(profile_id, project, region) DO UPDATE SET report = excluded.report, fetched_at = excluded.fetched_at`,
      )
      .run(key.profileId, key.project, key.region, JSON.stringify(report), fetchedAt);
  }

  get(key: QuotaKey): QuotaReport | null {
    const row = this.db
      .prepare('SELECT report FROM cloud_quotas WHERE profile_id = ? AND project = ? AND region = ?')
      .get(key.profileId, key.project, key.region) as { report: string } | undefined;
    return row ? (JSON.parse(row.report) as QuotaReport) : null;
  }

  /** The most recently read quota of any profile: what the library status checks against. */
  newest(): QuotaReport | null {
    const row = this.db.prepare('SELECT report FROM cloud_quotas ORDER BY fetched_at DESC LIMIT 1').get() as { report: string } | undefined;
    return row ? (JSON.parse(row.report) as QuotaReport) : null;
  }
}
