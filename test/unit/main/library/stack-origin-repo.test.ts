import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../../main/library/database';
import { MIGRATIONS } from '../../../../main/library/migrations/index';
import { StackOriginRepo } from '../../../../main/library/stack-origin-repo';
import type { StackOrigin } from '../../../../shared/deploy/model';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const origin = (over: Partial<StackOrigin> = {}): StackOrigin => ({
  profileId: 'p1',
  stackId: 's1',
  stackName: 'web',
  templateId: 't1',
  templateName: 'Web tier',
  templateVersion: 1,
  deployedAt: '2025-01-01T00:00:00.000Z',
  ...over,
});

describe('stack origins', () => {
  it('upgrades a version-4 library to keep origins, and the templates already there survive', () => {
    const path = join(tempDir(), 'library.sqlite');
    const v4 = openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version <= 4) });
    v4.db.prepare("INSERT INTO preferences (key, value) VALUES ('x', '1')").run();
    v4.db.close();
    const { db, appliedMigrations } = openDatabase(path);
    expect(appliedMigrations).toContain(5);
    expect(db.prepare("SELECT value FROM preferences WHERE key = 'x'").get()).toEqual({ value: '1' });
    const repo = new StackOriginRepo(db);
    repo.save(origin());
    expect(repo.get('p1', 's1')).toEqual(origin());
    db.close();
  });

  it('moves an origin forward when the same stack is updated from a newer version, and keeps profiles apart', () => {
    const { db } = openDatabase(join(tempDir(), 'library.sqlite'));
    const repo = new StackOriginRepo(db);
    repo.save(origin());
    repo.save(origin({ templateVersion: 3, deployedAt: '2025-02-01T00:00:00.000Z' }));
    repo.save(origin({ profileId: 'p2', stackName: 'other' }));
    expect(repo.get('p1', 's1')?.templateVersion).toBe(3);
    expect(repo.listForProfile('p1')).toHaveLength(1);
    expect(
      repo
        .listForTemplate('t1')
        .map((o) => o.profileId)
        .sort(),
    ).toEqual(['p1', 'p2']);
    expect(repo.get('p1', 'nope')).toBeNull();
    db.close();
  });
});
