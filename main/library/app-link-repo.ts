// App links: the app package (id, version) each library template was created
// from, with the app's info as its manifest had it (see migration 006).
import type { AppLink } from '../../shared/apps/model';
import type { AppInfo, LogoType } from '../../shared/apps/manifest';
import type { Db } from './database';
import { writeTransaction } from './write-transaction';

/** The app's info plus its logo, kept so a new version can carry them again. */
export interface StoredApp {
  app: AppInfo;
  logo: { type: LogoType; base64: string } | null;
}

interface Row {
  template_id: string;
  app_id: string;
  app_name: string;
  app_version: string;
  base_version: number;
  app_json: string;
  linked_at: string;
}

const toLink = (r: Row): AppLink => ({
  templateId: r.template_id,
  appId: r.app_id,
  appName: r.app_name,
  appVersion: r.app_version,
  baseVersion: r.base_version,
  linkedAt: r.linked_at,
});

export class AppLinkRepo {
  constructor(private readonly db: Db) {}

  insert(link: AppLink, stored: StoredApp): void {
    this.db
      .prepare('INSERT INTO app_links (template_id, app_id, app_name, app_version, base_version, app_json, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(link.templateId, link.appId, link.appName, link.appVersion, link.baseVersion, JSON.stringify(stored), link.linkedAt);
  }

  /** After a new version is exported, the link names that version (its number is then taken). */
  setVersion(templateId: string, appVersion: string, stored: StoredApp): void {
    this.db
      .prepare('UPDATE app_links SET app_version = ?, app_name = ?, app_json = ? WHERE template_id = ?')
      .run(appVersion, stored.app.name, JSON.stringify(stored), templateId);
  }

  get(templateId: string): { link: AppLink; stored: StoredApp } | null {
    const row = this.db.prepare('SELECT * FROM app_links WHERE template_id = ?').get(templateId) as Row | undefined;
    return row ? { link: toLink(row), stored: JSON.parse(row.app_json) as StoredApp } : null;
  }

  /** Templates already created from this app version (to ask before importing it again). */
  findByAppVersion(appId: string, appVersion: string): AppLink[] {
    return (this.db.prepare('SELECT * FROM app_links WHERE app_id = ? AND app_version = ? ORDER BY linked_at').all(appId, appVersion) as Row[]).map(toLink);
  }

  transaction<T>(fn: () => T): T {
    return writeTransaction(this.db, fn);
  }
}
