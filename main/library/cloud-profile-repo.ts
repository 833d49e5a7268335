// Cloud profiles and their encrypted secrets. The secret column only ever
// receives ciphertext produced by a SecretStore; this repo never sees clear text.
import type { CloudProfile, ProfileFields } from '../../shared/cloud/profile';
import type { Db } from './database';

interface ProfileRow {
  id: string;
  name: string;
  fields: string;
  source: string;
  created_at: string;
  updated_at: string;
  has_secret: number;
}

export class CloudProfileRepo {
  constructor(private readonly db: Db) {}

  list(): CloudProfile[] {
    const rows = this.db
      .prepare(
        `SELECT p.*, (s.profile_id IS NOT NULL) AS has_secret FROM cloud_profiles p
         LEFT JOIN cloud_secrets s ON s.profile_id = p.id ORDER BY p.name COLLATE NOCASE`,
      )
      .all() as ProfileRow[];
    return rows.map(toProfile);
  }

  get(id: string): CloudProfile | null {
    const row = this.db
      .prepare(
        `SELECT p.*, (s.profile_id IS NOT NULL) AS has_secret FROM cloud_profiles p
         LEFT JOIN cloud_secrets s ON s.profile_id = p.id WHERE p.id = ?`,
      )
      .get(id) as ProfileRow | undefined;
    return row ? toProfile(row) : null;
  }

  nameTaken(name: string, exceptId: string | null): boolean {
    return !!this.db.prepare('SELECT 1 FROM cloud_profiles WHERE name = ? AND id IS NOT ?').get(name, exceptId);
  }

  insert(id: string, fields: ProfileFields, source: string, now: string): void {
    this.db
      .prepare('INSERT INTO cloud_profiles (id, name, fields, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, fields.name, JSON.stringify(fields), source, now, now);
  }

  update(id: string, fields: ProfileFields, now: string): void {
    this.db.prepare('UPDATE cloud_profiles SET name = ?, fields = ?, updated_at = ? WHERE id = ?').run(fields.name, JSON.stringify(fields), now, id);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM cloud_profiles WHERE id = ?').run(id).changes > 0;
  }

  setSecret(id: string, storeKind: string, ciphertext: string, now: string): void {
    this.db
      .prepare(
        `INSERT INTO cloud_secrets (profile_id, store_kind, ciphertext, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(profile_id) DO UPDATE SET store_kind = excluded.store_kind, ciphertext = excluded.ciphertext, updated_at = excluded.updated_at`,
      )
      .run(id, storeKind, ciphertext, now);
  }

  clearSecret(id: string): void {
    this.db.prepare('DELETE FROM cloud_secrets WHERE profile_id = ?').run(id);
  }

  getSecret(id: string): { storeKind: string; ciphertext: string } | null {
    const row = this.db.prepare('SELECT store_kind, ciphertext FROM cloud_secrets WHERE profile_id = ?').get(id) as
      { store_kind: string; ciphertext: string } | undefined;
    return row ? { storeKind: row.store_kind, ciphertext: row.ciphertext } : null;
  }
}

function toProfile(row: ProfileRow): CloudProfile {
  const fields = JSON.parse(row.fields) as ProfileFields;
  return {
    ...fields,
    name: row.name,
    id: row.id,
    hasSecret: row.has_secret === 1,
    source: row.source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
