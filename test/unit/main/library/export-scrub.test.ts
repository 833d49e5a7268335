// Issue 22, item 7: the whole-library export (backup.exportLibrary, the file
// that moves a library to another machine) carried cloud_profiles, the
// cloud_secrets ciphertext and every cloud cache. It carries the templates
// (with versions, tags, app links and the search index) and nothing else.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composeServices, type Services } from '../../../../main/compose';
import { CloudCacheRepo } from '../../../../main/library/cloud-cache-repo';
import { emptyProfileFields } from '../../../../shared/cloud/profile';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
let services: Services | null = null;
afterEach(() => {
  services?.dispose();
  services = null;
});

const YAML = 'heat_template_version: 2018-08-31\nresources:\n  r: {type: OS::Heat::RandomString}\n';

describe('the whole-library export', () => {
  it('contains no cloud_* rows, no secret ciphertext, no stack sets or preferences: only the templates', async () => {
    services = composeServices({ dataDir: tempDir(), host: 'web', version: 'test' });
    const s = services;
    const profile = s.profiles.create({ ...emptyProfileFields('prod-cloud-7731', 'https://keystone.prod.example/v3'), username: 'ops' }, 'the-secret-pw');
    new CloudCacheRepo(s.db).saveStackList(
      profile.id,
      [{ id: 'stack-1', stack_name: 'payroll-db-stack', stack_status: 'CREATE_COMPLETE' } as never],
      new Date().toISOString(),
      true,
    );
    s.db.prepare("INSERT INTO preferences (key, value) VALUES ('active-cloud-profile', ?)").run(profile.id);
    const t = s.library.create({ name: 'kept-template', description: '', tags: ['travel'], from: { kind: 'yaml', yaml: YAML } });
    const secretRow = s.db.prepare('SELECT ciphertext FROM cloud_secrets').get() as { ciphertext: string };
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM cloud_stacks').get()).toEqual({ n: 1 });

    const r = (await s.dispatcher.dispatch('backup.exportLibrary', {})) as { ok: true; value: { base64: string } };
    expect(r.ok).toBe(true);
    const bytes = Buffer.from(r.value.base64, 'base64');
    for (const leak of ['prod-cloud-7731', 'keystone.prod.example', secretRow.ciphertext.split(':')[3]!, 'payroll-db-stack']) {
      expect(bytes.includes(leak), leak).toBe(false);
    }
    const file = join(tempDir(), 'export.sqlite');
    writeFileSync(file, bytes);
    const copy = new Database(file, { readonly: true });
    try {
      const tables = (copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
        (x) => x.name,
      );
      expect(tables).toContain('cloud_profiles'); // the schema is whole, so a newer app can still import it
      const count = (name: string) => (copy.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
      for (const name of tables.filter((n) => n.startsWith('cloud_') || n.startsWith('stack_') || n === 'preferences')) expect(count(name), name).toBe(0);
      expect(copy.prepare('SELECT name FROM templates WHERE id = ?').get(t.id)).toEqual({ name: 'kept-template' });
      expect(copy.prepare('SELECT tag FROM template_tags WHERE template_id = ?').all(t.id)).toEqual([{ tag: 'travel' }]);
    } finally {
      copy.close();
    }
    // The running library lost nothing.
    expect(s.profiles.get(profile.id).hasSecret).toBe(true);
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM cloud_stacks').get()).toEqual({ n: 1 });
  });
});
