// Stack origins: the library template + version each deployed stack came
// from. An update from a newer version moves the origin forward.
import type { StackOrigin } from '../../shared/deploy/model';
import type { Db } from './database';

interface Row {
  profile_id: string;
  stack_id: string;
  stack_name: string;
  template_id: string;
  template_name: string;
  template_version: number;
  deployed_at: string;
}

const toOrigin = (r: Row): StackOrigin => ({
  profileId: r.profile_id,
  stackId: r.stack_id,
  stackName: r.stack_name,
  templateId: r.template_id,
  templateName: r.template_name,
  templateVersion: r.template_version,
  deployedAt: r.deployed_at,
});

export class StackOriginRepo {
  constructor(private readonly db: Db) {}

  save(origin: StackOrigin): void {
    this.db
      .prepare(
        `INSERT INTO stack_origins (profile_id, stack_id, stack_name, template_id, template_name, template_version, deployed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(profile_id, stack_id) DO UPDATE SET stack_name = excluded.stack_name, template_id = excluded.template_id,
           template_name = excluded.template_name, template_version = excluded.template_version, deployed_at = excluded.deployed_at`,
      )
      .run(origin.profileId, origin.stackId, origin.stackName, origin.templateId, origin.templateName, origin.templateVersion, origin.deployedAt);
  }

  get(profileId: string, stackId: string): StackOrigin | null {
    const row = this.db.prepare('SELECT * FROM stack_origins WHERE profile_id = ? AND stack_id = ?').get(profileId, stackId) as Row | undefined;
    return row ? toOrigin(row) : null;
  }

  listForProfile(profileId: string): StackOrigin[] {
    return (this.db.prepare('SELECT * FROM stack_origins WHERE profile_id = ? ORDER BY deployed_at DESC').all(profileId) as Row[]).map(toOrigin);
  }

  listForTemplate(templateId: string): StackOrigin[] {
    return (this.db.prepare('SELECT * FROM stack_origins WHERE template_id = ? ORDER BY deployed_at DESC').all(templateId) as Row[]).map(toOrigin);
  }

  /** A template took a new id and name (a git library's rename): the stacks deployed from it keep pointing at it. */
  repoint(fromId: string, toId: string, toName: string): number {
    return this.db.prepare('UPDATE stack_origins SET template_id = ?, template_name = ? WHERE template_id = ?').run(toId, toName, fromId).changes;
  }
}
