// Moving a library to a new machine: export a consistent copy of the
// database file (VACUUM INTO, safe while the app runs), and import one by
// merging its templates, versions and tags into this library. Nothing is
// overwritten: a template whose id is already here is skipped and reported.
// App links travel with their templates. Cloud profiles are not carried
// over: their secrets are encrypted with this machine's key and must be
// entered again on the new one.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../shared/ipc/errors';
import { msg, type Message } from '../../shared/messages/message';
import { LIMITS } from '../../shared/library/model';
import { nameProblem } from '../../shared/library/names';
import type { Db } from './database';
import { writeTransaction } from './write-transaction';
import { scrubForTransfer } from './export-scrub';
import { MIGRATIONS } from './migrations/index';

export interface LibraryImportResult {
  imported: Array<{ id: string; name: string }>;
  /** Why: 'exists' (same template id here) or 'recommended' (seeded here already). */
  skipped: Array<{ id: string; name: string; reason: 'exists' | 'recommended' }>;
}

interface TemplateRow {
  id: string;
  name: string;
  description: string;
  status: string;
  status_reason: string;
  status_msg?: string | null;
  /** Whose quota the status used (migration 011); absent in an older library. */
  status_quota?: string | null;
  origin: string;
  system_key: string | null;
  created_at: string;
  updated_at: string;
}

/** A consistent snapshot of the open database as bytes, with only what travels (export-scrub.ts). */
export function exportDatabase(db: Db): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'hs-export-'));
  try {
    const file = join(dir, 'library.sqlite');
    db.exec(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
    scrubForTransfer(db, file);
    return new Uint8Array(readFileSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Merges another library file's templates into `db`. `reindex` refreshes the
 * search index of each imported template (the library service owns how).
 */
export function mergeLibrary(db: Db, bytes: Uint8Array, fileName: string, reindex: (id: string) => void, nativeBinding?: string): LibraryImportResult {
  const dir = mkdtempSync(join(tmpdir(), 'hs-import-'));
  const file = join(dir, 'import.sqlite');
  writeFileSync(file, bytes);
  let other: Database.Database;
  try {
    other = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const check = other.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new AppError('IMPORT_FAILED', msg('library.merge.notSqlite', { file: fileName, cause: (err as Error).message }), { file: fileName });
  }
  try {
    const hasTable = (name: string) => !!other.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
    if (!hasTable('schema_migrations') || !hasTable('templates') || !hasTable('template_versions')) {
      throw new AppError('IMPORT_FAILED', msg('library.merge.notLibrary', { file: fileName }), { file: fileName });
    }
    const newest = (other.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
    if (newest > MIGRATIONS.length) {
      throw new AppError('DB_TOO_NEW', msg('library.merge.tooNew', { file: fileName, schema: String(newest) }), { file: fileName });
    }
    const versionColumns = (other.prepare('PRAGMA table_info(template_versions)').all() as Array<{ name: string }>).map((c) => c.name);
    const entrySelect = versionColumns.includes('entry_path') ? 'entry_path' : "'template.yaml' AS entry_path";
    const templates = other.prepare('SELECT * FROM templates ORDER BY created_at').all() as TemplateRow[];
    const result: LibraryImportResult = { imported: [], skipped: [] };
    const exists = db.prepare('SELECT 1 FROM templates WHERE id = ?');
    const systemExists = db.prepare('SELECT 1 FROM templates WHERE system_key = ?');
    const insertTemplate = db.prepare(
      `INSERT INTO templates (id, name, description, status, status_reason, status_msg, status_quota, origin, system_key, created_at, updated_at)
       VALUES (@id, @name, @description, @status, @status_reason, @status_msg, @status_quota, @origin, @system_key, @created_at, @updated_at)`,
    );
    const insertVersion = db.prepare(
      `INSERT INTO template_versions (id, template_id, number, entry_path, yaml, layout, files, environment, note, created_at)
       VALUES (@id, @template_id, @number, @entry_path, @yaml, @layout, @files, @environment, @note, @created_at)`,
    );
    const insertTag = db.prepare('INSERT OR IGNORE INTO template_tags (template_id, tag) VALUES (?, ?)');
    const versionsOf = other.prepare(
      `SELECT id, template_id, number, ${entrySelect}, yaml, layout, files, environment, note, created_at FROM template_versions WHERE template_id = ? ORDER BY number`,
    );
    const tagsOf = other.prepare('SELECT tag FROM template_tags WHERE template_id = ?');
    // App links (which app package a template came from) travel with their template when both files have them.
    const linkOf = hasTable('app_links') ? other.prepare('SELECT * FROM app_links WHERE template_id = ?') : null;
    const insertLink = db.prepare(
      `INSERT OR IGNORE INTO app_links (template_id, app_id, app_name, app_version, base_version, app_json, linked_at)
       VALUES (@template_id, @app_id, @app_name, @app_version, @base_version, @app_json, @linked_at)`,
    );
    writeTransaction(db, () => {
      for (const t of templates) {
        if (exists.get(t.id)) {
          result.skipped.push({ id: t.id, name: t.name, reason: 'exists' });
          continue;
        }
        if (t.system_key && systemExists.get(t.system_key)) {
          result.skipped.push({ id: t.id, name: t.name, reason: 'recommended' });
          continue;
        }
        const tags = (tagsOf.all(t.id) as Array<{ tag: string }>).map((r) => r.tag);
        assertMergedNames(t, tags, fileName);
        // A library from before migration 009 has no messages (the next open re-derives them), one before 011 no quota source.
        // The status travels with the quota it was judged against: without it the details would say "not checked".
        insertTemplate.run({ ...t, status_msg: t.status_msg ?? null, status_quota: t.status_quota ?? null });
        for (const v of versionsOf.all(t.id) as VersionRow[]) {
          assertVersionJson(v, t, fileName);
          insertVersion.run(v);
        }
        for (const tag of tags) insertTag.run(t.id, tag);
        const link = linkOf?.get(t.id);
        if (link) insertLink.run(link);
        reindex(t.id);
        result.imported.push({ id: t.id, name: t.name });
      }
    });
    return result;
  } finally {
    other.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface VersionRow {
  number: number;
  layout: unknown;
  files: unknown;
}

/**
 * A version's layout and files are JSON objects (files: name -> text). A file
 * edited by hand or by a tool may hold anything there; refuse it by template
 * and version before it is merged (the transaction rolls back: nothing is
 * imported) instead of failing later, unlocated, when the version is read.
 */
function assertVersionJson(v: VersionRow, t: TemplateRow, fileName: string): void {
  for (const column of ['layout', 'files'] as const) {
    const text = v[column];
    // JSON.parse's own words stay as they are (the parser's text, cut short).
    let problem: Message | string | null = null;
    try {
      const value: unknown = JSON.parse(String(text));
      if (!value || typeof value !== 'object' || Array.isArray(value)) problem = msg('library.merge.notObject');
      else if (column === 'files' && Object.values(value).some((f) => typeof f !== 'string')) problem = msg('library.merge.fileNotText');
    } catch (err) {
      problem = (err as Error).message.slice(0, 200);
    }
    if (problem) {
      throw new AppError(
        'IMPORT_FAILED',
        msg('library.merge.badColumn', { file: fileName, name: t.name.slice(0, 255), version: String(v.number), column, problem }),
        { file: fileName, templateId: t.id, version: v.number, column },
      );
    }
  }
}

/**
 * The other file's names meet the rules of names made here (length,
 * no control characters); one that does not refuses the whole merge (we are
 * inside its transaction), naming the template.
 */
function assertMergedNames(t: TemplateRow, tags: string[], fileName: string): void {
  const name = typeof t.name === 'string' ? t.name : '';
  const problem = nameProblem(name, 'template', LIMITS.nameMax) ?? tags.map((tag) => nameProblem(String(tag), 'tag', LIMITS.tagMax)).find(Boolean);
  if (problem) {
    const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
    throw new AppError('IMPORT_FAILED', msg('library.merge.badName', { file: fileName, id: t.id, name: JSON.stringify(shown), problem }), {
      file: fileName,
      id: t.id,
    });
  }
}

export function isSqliteFile(bytes: Uint8Array): boolean {
  return new TextDecoder().decode(bytes.subarray(0, 15)) === 'SQLite format 3';
}
