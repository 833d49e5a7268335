// Copying or moving templates from one library file to another: each
// template's row, tags, app link and every version row exactly as stored
// (YAML, nested files, environment, layout, note, dates: byte for byte), then
// the target's search index rebuilt from them. A move writes the target
// first (one transaction) and only then deletes from the source (another);
// if the delete fails, what was written to the target is removed again, so
// a move that fails halfway leaves both libraries as they were.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import type { Db } from './database';
import { writeTransaction } from './write-transaction';

export type TransferMode = 'copy' | 'move';

export interface TransferEnds {
  db: Db;
  /** The library's name, for messages. */
  name: string;
}

export interface TransferTarget extends TransferEnds {
  /** A name not yet used in the target (the library service's rule). */
  freeName(name: string): string;
  isNameTaken(name: string): boolean;
  /** Rebuilds one template's search index in the target. */
  reindex(id: string): void;
}

export interface TransferredTemplate {
  sourceId: string;
  id: string;
  name: string;
  versions: number;
}

type Row = Record<string, unknown>;

interface Snapshot {
  template: Row;
  tags: string[];
  versions: Row[];
  link: Row | null;
}

export function transferTemplates(source: TransferEnds, target: TransferTarget, ids: readonly string[], mode: TransferMode): TransferredTemplate[] {
  if (source.db === target.db) throw new AppError('BAD_REQUEST', msg('library.transfer.same'), {});
  const snapshots = ids.map((id) => read(source, id, mode));
  const done: TransferredTemplate[] = [];
  writeTransaction(target.db, () => {
    for (const s of snapshots) done.push(write(target, s, mode));
  });
  if (mode === 'copy') return done;
  try {
    writeTransaction(source.db, () => {
      const remove = source.db.prepare('DELETE FROM templates WHERE id = ?');
      for (const s of snapshots) remove.run(s.template.id);
    });
  } catch (err) {
    // The source keeps its templates: take the copies back out of the target.
    writeTransaction(target.db, () => {
      const remove = target.db.prepare('DELETE FROM templates WHERE id = ?');
      for (const d of done) remove.run(d.id);
    });
    throw err;
  }
  return done;
}

function read(source: TransferEnds, id: string, mode: TransferMode): Snapshot {
  const template = source.db.prepare('SELECT * FROM templates WHERE id = ?').get(id) as Row | undefined;
  if (!template) throw new AppError('NOT_FOUND', msg('library.transfer.gone', { id, library: source.name }), { id });
  if (mode === 'move' && template.origin === 'system') {
    throw new AppError('READ_ONLY', msg('library.transfer.recommended', { name: String(template.name), library: source.name }), { id });
  }
  const tags = (source.db.prepare('SELECT tag FROM template_tags WHERE template_id = ? ORDER BY tag').all(id) as Array<{ tag: string }>).map((r) => r.tag);
  const versions = source.db.prepare('SELECT * FROM template_versions WHERE template_id = ? ORDER BY number').all(id) as Row[];
  const link = (source.db.prepare('SELECT * FROM app_links WHERE template_id = ?').get(id) as Row | undefined) ?? null;
  return { template, tags, versions, link };
}

function write(target: TransferTarget, s: Snapshot, mode: TransferMode): TransferredTemplate {
  const sourceId = String(s.template.id);
  const exists = target.db.prepare('SELECT 1 FROM templates WHERE id = ?');
  // A move keeps the id (deployments made from the template still point at it); a copy is a new template.
  const id = mode === 'move' && !exists.get(sourceId) ? sourceId : randomUUID();
  const wanted = String(s.template.name);
  const name = target.isNameTaken(wanted) ? target.freeName(wanted) : wanted;
  // A recommended template copied elsewhere is the user's own there (the target seeds its own recommended ones).
  const system = s.template.origin === 'system';
  insertRow(target.db, 'templates', { ...s.template, id, name, ...(system ? { origin: 'user', system_key: null } : {}) });
  const tag = target.db.prepare('INSERT INTO template_tags (template_id, tag) VALUES (?, ?)');
  for (const t of s.tags) tag.run(id, t);
  const versionTaken = target.db.prepare('SELECT 1 FROM template_versions WHERE id = ?');
  for (const v of s.versions) {
    const versionId = id === sourceId && !versionTaken.get(v.id) ? v.id : randomUUID();
    insertRow(target.db, 'template_versions', { ...v, id: versionId, template_id: id });
  }
  if (s.link) insertRow(target.db, 'app_links', { ...s.link, template_id: id });
  target.reindex(id);
  return { sourceId, id, name, versions: s.versions.length };
}

/** Inserts `row` into `table`, by the columns both files have (both are migrated to this app's schema). */
function insertRow(db: Db, table: string, row: Row): void {
  const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name).filter((c) => c in row);
  db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(
    Object.fromEntries(columns.map((c) => [c, row[c]])),
  );
}
