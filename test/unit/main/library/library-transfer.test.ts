import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportDatabase, mergeLibrary } from '../../../../main/library/library-transfer';
import { BackupScheduler } from '../../../../main/library/backup-scheduler';
import { makeLibrary } from '../../../support/library';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const YAML = 'heat_template_version: 2018-08-31\nresources:\n  r: {type: OS::Heat::RandomString}\n';

describe('moving a library to a new machine', () => {
  it('exports the whole library and merges it into another, versions and tags included', () => {
    const old = makeLibrary(tempDir());
    const t = old.library.create({ name: 'kept', description: 'd', tags: ['prod'], from: { kind: 'yaml', yaml: YAML } });
    old.library.saveVersion({ id: t.id, yaml: YAML + '# v2\n', layout: { r: { x: 1, y: 2 } }, files: { 'a.sh': 'echo' }, environment: null, note: 'second' });
    old.db
      .prepare(
        "INSERT INTO app_links (template_id, app_id, app_name, app_version, base_version, app_json, linked_at) VALUES (?, 'app-1', 'Kept app', '1.0', 1, '{}', 'x')",
      )
      .run(t.id);
    const bytes = exportDatabase(old.db);

    const fresh = makeLibrary(tempDir());
    const result = mergeLibrary(fresh.db, bytes, 'old.sqlite', (id) => fresh.library.reindex(id));
    expect(result.imported.map((x) => x.name)).toEqual(['kept']);
    const moved = fresh.library.get(t.id);
    expect(moved.tags).toEqual(['prod']);
    expect(moved.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(moved.latest).toMatchObject({ yaml: YAML + '# v2\n', files: { 'a.sh': 'echo' }, layout: { r: { x: 1, y: 2 } }, note: 'second' });
    expect(fresh.library.list({ search: 'RandomString' }).map((x) => x.name)).toEqual(['kept']);
    expect(fresh.db.prepare('SELECT app_name FROM app_links WHERE template_id = ?').get(t.id)).toEqual({ app_name: 'Kept app' });
  });

  it('carries a status with the quota it was judged against', () => {
    const old = makeLibrary(tempDir());
    const t = old.library.create({ name: 'judged', description: '', tags: [], from: { kind: 'yaml', yaml: YAML } });
    const source = { profileId: 'p-1', profileName: 'prod', region: 'RegionOne', readAt: '2026-12-07T10:00:00.000Z' };
    old.db.prepare('UPDATE templates SET status_quota = ? WHERE id = ?').run(JSON.stringify(source), t.id);
    const fresh = makeLibrary(tempDir());
    mergeLibrary(fresh.db, exportDatabase(old.db), 'old.sqlite', (id) => fresh.library.reindex(id));
    expect(fresh.library.get(t.id).statusQuota).toEqual(source);
  });

  it('never overwrites: a template already here is skipped and reported', () => {
    const a = makeLibrary(tempDir());
    const t = a.library.create({ name: 'same', description: '', tags: [], from: { kind: 'yaml', yaml: YAML } });
    const bytes = exportDatabase(a.db);
    a.library.update(t.id, { name: 'renamed here' });
    const result = mergeLibrary(a.db, bytes, 'copy.sqlite', (id) => a.library.reindex(id));
    expect(result.imported).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toContain('exists');
    expect(a.library.get(t.id).name).toBe('renamed here');
  });

  it.each([
    ['files', '\'{"a.sh": \'', /version 2 has an invalid files column/],
    ['layout', "'[1, 2]'", /version 2 has an invalid layout column \(not a JSON object\)/],
  ])('refuses invalid JSON in a version (%s) by template and version, importing nothing', (column, bad, message) => {
    const old = makeLibrary(tempDir());
    const t = old.library.create({ name: 'hand-edited', description: '', tags: [], from: { kind: 'yaml', yaml: YAML } });
    const other = old.library.create({ name: 'fine', description: '', tags: [], from: { kind: 'yaml', yaml: YAML } });
    old.db.prepare(`INSERT INTO template_versions (id, template_id, number, yaml, ${column}, created_at) VALUES ('bad', ?, 2, ?, ${bad}, 'x')`).run(t.id, YAML);
    const bytes = exportDatabase(old.db);
    const fresh = makeLibrary(tempDir());
    const before = fresh.library.list({});
    let error: unknown;
    try {
      mergeLibrary(fresh.db, bytes, 'old.sqlite', (id) => fresh.library.reindex(id));
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringMatching(message), details: { templateId: t.id, version: 2, column } });
    expect((error as Error).message).toContain('"hand-edited"');
    expect(fresh.library.list({})).toEqual(before);
    expect(() => fresh.library.get(other.id)).toThrow();
    expect(fresh.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses a file that is not a library, importing nothing', () => {
    const a = makeLibrary(tempDir());
    expect(() => mergeLibrary(a.db, new TextEncoder().encode('SQLite format 3\0garbage'), 'broken.sqlite', () => undefined)).toThrow(
      /not a readable SQLite database/,
    );
  });
});

describe('scheduled backups', () => {
  it('backs up now, lists newest first and keeps only the newest few', () => {
    const dir = tempDir();
    const { db } = makeLibrary(dir);
    let t = Date.parse('2026-01-01T00:00:00Z');
    const backups = new BackupScheduler(db, join(dir, 'library.sqlite'), { keep: 2, now: () => new Date((t += 60_000)) });
    const files = [backups.backupNow(), backups.backupNow(), backups.backupNow()];
    expect(existsSync(files[0]!)).toBe(false);
    expect(backups.list().map((b) => b.file)).toHaveLength(2);
    writeFileSync(join(dir, 'unrelated.bak'), 'x');
    expect(backups.list().every((b) => b.file.includes('library.sqlite.'))).toBe(true);
    backups.dispose();
  });
});
