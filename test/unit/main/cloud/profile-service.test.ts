import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/library/database';
import { CloudProfileRepo } from '../../../../main/library/cloud-profile-repo';
import { NodeSecretStore } from '../../../../main/platform/secret-store';
import { ProfileService } from '../../../../main/cloud/profile-service';
import { emptyProfileFields } from '../../../../shared/cloud/profile';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function service() {
  const dir = mkdtempSync(join(tmpdir(), 'profiles-'));
  const { db } = openDatabase(join(dir, 'library.sqlite'));
  const svc = new ProfileService(new CloudProfileRepo(db), NodeSecretStore.inDataDir(dir));
  cleanups.push(() => (svc.dispose(), db.close()));
  return { svc, db, dir };
}

describe('profiles', () => {
  it('stores the secret encrypted: never in a profile value, never in clear in the database file', () => {
    const { svc, db, dir } = service();
    const p = svc.create({ ...emptyProfileFields('prod', 'http://k/v3'), username: 'alice', projectName: 'web' }, 'very-secret-pw');
    expect(p.hasSecret).toBe(true);
    expect(JSON.stringify(svc.list())).not.toContain('very-secret-pw');
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(join(dir, 'library.sqlite')).includes('very-secret-pw')).toBe(false);
  });

  it('keeps, replaces or removes the secret on update as asked', () => {
    const { svc } = service();
    const p = svc.create(emptyProfileFields('a', 'http://k/v3'), 'one');
    expect(svc.update(p.id, { ...p, region: 'RegionTwo' }, undefined).hasSecret).toBe(true);
    expect(svc.update(p.id, p, null).hasSecret).toBe(false);
  });

  it('refuses a duplicate name as CONFLICT', () => {
    const { svc } = service();
    svc.create(emptyProfileFields('same', 'http://k/v3'), null);
    expect(() => svc.create(emptyProfileFields('same', 'http://k/v3'), null)).toThrow(/exists already/);
  });

  it('saves imported candidates with their secrets, renaming a taken name', () => {
    const { svc } = service();
    svc.create(emptyProfileFields('lab', 'http://k/v3'), null);
    const [c] = svc.importCloudsYaml({ cloudsYaml: 'clouds:\n  lab:\n    auth: {auth_url: "http://k/v3", username: u, password: p, project_name: x}\n' });
    expect(c).toMatchObject({ hasSecret: true, fields: { name: 'lab', username: 'u' } });
    expect(JSON.stringify(c)).not.toContain('"p"');
    const [saved] = svc.saveCandidates([{ candidateId: c!.candidateId }]);
    expect(saved).toMatchObject({ name: 'lab (2)', hasSecret: true, source: 'clouds.yaml:lab' });
  });

  it('deletes a profile and its secret', () => {
    const { svc, db } = service();
    const p = svc.create(emptyProfileFields('gone', 'http://k/v3'), 'pw');
    svc.delete(p.id);
    expect(svc.list()).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM cloud_secrets').get()).toEqual({ n: 0 });
  });
});
