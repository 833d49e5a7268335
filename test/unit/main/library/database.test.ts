import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checksum, openDatabase } from '../../../../main/library/database';
import { MIGRATIONS } from '../../../../main/library/migrations/index';
import type { Migration } from '../../../../main/library/migrations/types';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

describe('openDatabase', () => {
  it('creates a new library with every migration applied, WAL and foreign keys on', () => {
    const path = join(tempDir(), 'library.sqlite');
    const { db, appliedMigrations, backupPath } = openDatabase(path);
    expect(appliedMigrations).toEqual(MIGRATIONS.map((m) => m.version));
    expect(backupPath).toBeNull(); // nothing to back up in a new file
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const rows = db.prepare('SELECT version, checksum FROM schema_migrations').all() as Array<{ version: number; checksum: string }>;
    expect(rows.map((r) => r.checksum)).toEqual(MIGRATIONS.map((m) => checksum(m.sql)));
    db.close();
  });

  it('upgrades a database made by an older version, backing the file up first', () => {
    const dir = tempDir();
    const path = join(dir, 'library.sqlite');
    const [first] = MIGRATIONS;
    const older = openDatabase(path, { migrations: [first!] });
    older.db.prepare("INSERT INTO templates (id, name, status, origin, created_at, updated_at) VALUES ('t1', 'kept', 'usable', 'user', 'x', 'x')").run();
    older.db.close();

    const extra: Migration = { version: 2, name: 'extra-column', sql: 'ALTER TABLE templates ADD COLUMN color TEXT;' };
    const upgraded = openDatabase(path, { migrations: [first!, extra] });
    expect(upgraded.appliedMigrations).toEqual([2]);
    expect(upgraded.backupPath).not.toBeNull();
    expect(existsSync(upgraded.backupPath!)).toBe(true);
    expect(upgraded.db.prepare("SELECT name, color FROM templates WHERE id = 't1'").get()).toEqual({ name: 'kept', color: null });
    upgraded.db.close();

    // The backup is the pre-migration file: it has no color column.
    const backup = new Database(upgraded.backupPath!, { readonly: true });
    const columns = (backup.prepare('PRAGMA table_info(templates)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).not.toContain('color');
    backup.close();
  });

  it('upgrades the real shipped migrations from version 1 to the newest', () => {
    const path = join(tempDir(), 'library.sqlite');
    openDatabase(path, { migrations: MIGRATIONS.slice(0, 1) }).db.close();
    const { db, appliedMigrations } = openDatabase(path);
    expect(appliedMigrations).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    db.close();
  });

  it('rolls a failing migration back and leaves the file at the previous version', () => {
    const path = join(tempDir(), 'library.sqlite');
    const [first] = MIGRATIONS;
    openDatabase(path, { migrations: [first!] }).db.close();
    const broken: Migration = { version: 2, name: 'broken', sql: 'CREATE TABLE half (x INT); SELECT * FROM no_such_table;' };
    expect(() => openDatabase(path, { migrations: [first!, broken] })).toThrow(/no_such_table/);
    const db = new Database(path);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: 1 });
    db.close();
  });

  it('refuses, untouched, a database written by a newer version of the app', () => {
    const path = join(tempDir(), 'library.sqlite');
    const future: Migration = { version: MIGRATIONS.length + 1, name: 'future', sql: 'CREATE TABLE future (x INT);' };
    openDatabase(path, { migrations: [...MIGRATIONS, future] }).db.close();
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW' }));
    const db = new Database(path);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'future'").get()).toEqual({ name: 'future' });
    db.close();
  });

  it('refuses a database whose recorded migration checksum differs from the shipped one, without changing it', () => {
    const dir = tempDir();
    const path = join(dir, 'library.sqlite');
    openDatabase(path).db.close();
    const db = new Database(path);
    db.prepare("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1").run();
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = snapshot(dir, path);
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }));
    expect(snapshot(dir, path)).toEqual(before);
    expectIntact(path);
  });

  it('leaves a newer-schema file in rollback-journal mode byte for byte as it was (no WAL switch, no journal left)', () => {
    const dir = tempDir();
    const path = join(dir, 'library.sqlite');
    const future: Migration = { version: MIGRATIONS.length + 1, name: 'future', sql: 'CREATE TABLE future (x INT);' };
    openDatabase(path, { migrations: [...MIGRATIONS, future] }).db.close();
    const raw = new Database(path);
    raw.pragma('journal_mode = DELETE'); // as a newer app (or a tool) may leave it
    raw.close();
    const before = snapshot(dir, path);
    expect(before.files).toEqual(['library.sqlite']);
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW' }));
    expect(snapshot(dir, path)).toEqual(before);
    expectIntact(path);
  });

  it('moves a corrupt file aside, reports where, and starts a fresh library', () => {
    const dir = tempDir();
    const path = join(dir, 'library.sqlite');
    writeFileSync(path, Buffer.alloc(8192, 0x41)); // not a SQLite file
    const { db, recoveredFrom } = openDatabase(path);
    expect(recoveredFrom).toMatch(/library\.sqlite\.corrupt-/);
    expect(existsSync(recoveredFrom!)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toHaveLength(1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM templates').get()).toEqual({ n: 0 });
    db.close();
  });

  it('keeps versions immutable at the database level', () => {
    const { db } = openDatabase(join(tempDir(), 'library.sqlite'));
    db.prepare("INSERT INTO templates (id, name, status, origin, created_at, updated_at) VALUES ('t', 'n', 'usable', 'user', 'x', 'x')").run();
    db.prepare("INSERT INTO template_versions (id, template_id, number, yaml, created_at) VALUES ('v', 't', 1, 'a: 1', 'x')").run();
    expect(() => db.prepare("UPDATE template_versions SET yaml = 'b: 2' WHERE id = 'v'").run()).toThrow(/immutable/);
    db.close();
  });
});

/** The file's bytes (hashed) and what lies beside it (a -wal or -journal would show). */
function snapshot(dir: string, path: string): { sha256: string; files: string[] } {
  return { sha256: createHash('sha256').update(readFileSync(path)).digest('hex'), files: readdirSync(dir).sort() };
}

function expectIntact(path: string): void {
  const db = new Database(path, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
}
