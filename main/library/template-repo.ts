// SQL for templates, versions and tags. Nothing outside main/library writes
// SQL; services call these methods. Rows are mapped to the shared model here.
import type { Db } from './database';
import { writeTransaction } from './write-transaction';
import type { CanvasLayout, StatusQuotaSource, TemplateOrigin, TemplateStatus, TemplateSummary, TemplateVersion } from '../../shared/library/model';
import { isMessage, type Message } from '../../shared/messages/message';

interface TemplateRow {
  id: string;
  name: string;
  description: string;
  status: TemplateStatus;
  status_reason: string;
  status_msg: string | null;
  status_quota: string | null;
  origin: TemplateOrigin;
  system_key: string | null;
  created_at: string;
  updated_at: string;
  latest_version: number;
  tags: string | null;
}

interface VersionRow {
  id: string;
  template_id: string;
  number: number;
  entry_path: string;
  yaml: string;
  layout: string;
  files: string;
  environment: string | null;
  note: string;
  created_at: string;
}

export interface NewTemplate {
  id: string;
  name: string;
  description: string;
  tags: string[];
  status: TemplateStatus;
  statusReason: string;
  statusMsg?: Message | null;
  statusQuota?: StatusQuotaSource | null;
  origin: TemplateOrigin;
  systemKey: string | null;
  at: string;
}

export interface NewVersion {
  id: string;
  templateId: string;
  /** The entry file's path from the import root; nested files are keyed from the same root. */
  entryPath?: string | undefined;
  yaml: string;
  layout: CanvasLayout;
  files: Record<string, string>;
  environment: string | null;
  note: string;
  at: string;
}

export interface ListFilter {
  search?: string | undefined;
  tag?: string | undefined;
  status?: 'usable' | 'needs_editing' | undefined;
  resourceType?: string | undefined;
  sort?: 'updated' | 'name' | undefined;
  /** Page size and start: a library of thousands is shown a page at a time. */
  limit?: number | undefined;
  offset?: number | undefined;
}

const SUMMARY_SELECT = `
SELECT t.*,
  (SELECT MAX(number) FROM template_versions v WHERE v.template_id = t.id) AS latest_version,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM template_tags g WHERE g.template_id = t.id ORDER BY tag)) AS tags
FROM templates t`;

export class TemplateRepo {
  constructor(private readonly db: Db) {}

  list(filter: ListFilter): TemplateSummary[] {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    const search = filter.search?.trim() ?? '';
    if ([...search].length >= 3) {
      // FTS5 trigram index: substring match over name, description, tags,
      // resource types and YAML; the query is one quoted phrase, so the
      // user's text is never read as FTS syntax.
      params.fts = `"${search.replace(/"/g, '""')}"`;
      // By the index's rowid (kept on the template, migration 11): reading its
      // UNINDEXED template_id instead costs a content lookup per match.
      where.push('t.search_rowid IN (SELECT rowid FROM templates_fts WHERE templates_fts MATCH @fts)');
    } else if (search) {
      // Trigrams need 3 characters; shorter text: LIKE with the user's % and _ literal.
      params.search = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(t.name LIKE @search ESCAPE '\\' OR t.description LIKE @search ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM template_tags g WHERE g.template_id = t.id AND g.tag LIKE @search ESCAPE '\\'))`);
    }
    if (filter.status) {
      params.status = filter.status;
      where.push('t.status = @status');
    }
    if (filter.resourceType) {
      params.resourceType = filter.resourceType;
      // IN over the type's index: one list SQLite probes with a Bloom filter, not a lookup per template.
      where.push('t.id IN (SELECT r.template_id FROM template_resource_types r WHERE r.type = @resourceType)');
    }
    if (filter.tag) {
      params.tag = filter.tag;
      where.push('t.id IN (SELECT g.template_id FROM template_tags g WHERE g.tag = @tag)');
    }
    const order = `t.origin = 'system', ${filter.sort === 'name' ? 't.name COLLATE NOCASE, t.updated_at DESC' : 't.updated_at DESC, t.name'}`;
    // Pick the page's ids first, then compute tags and the latest version for
    // those rows only: SQLite would otherwise build them for every match
    // before sorting.
    const sql = `${SUMMARY_SELECT}
      JOIN (SELECT t.id AS page_id, row_number() OVER (ORDER BY ${order}) AS page_pos FROM templates t
            ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
            ORDER BY ${order} LIMIT @limit OFFSET @offset) page ON page.page_id = t.id
      ORDER BY page.page_pos`;
    params.limit = filter.limit ?? -1; // -1: no limit
    params.offset = filter.offset ?? 0;
    return (this.db.prepare(sql).all(params) as TemplateRow[]).map(toSummary);
  }

  find(id: string): TemplateSummary | null {
    const row = this.db.prepare(`${SUMMARY_SELECT} WHERE t.id = ?`).get(id) as TemplateRow | undefined;
    return row ? toSummary(row) : null;
  }

  /** The user templates with exactly this name (the library allows the same name twice; an import asks first). */
  findByName(name: string): TemplateSummary[] {
    const rows = this.db.prepare(`${SUMMARY_SELECT} WHERE t.name = ? AND t.origin = 'user'`).all(name) as TemplateRow[];
    return rows.map(toSummary);
  }

  findBySystemKey(key: string): TemplateSummary | null {
    const row = this.db.prepare(`${SUMMARY_SELECT} WHERE t.system_key = ?`).get(key) as TemplateRow | undefined;
    return row ? toSummary(row) : null;
  }

  insertTemplate(t: NewTemplate): void {
    this.db
      .prepare(
        `INSERT INTO templates (id, name, description, status, status_reason, status_msg, status_quota, origin, system_key, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        t.id,
        t.name,
        t.description,
        t.status,
        t.statusReason,
        t.statusMsg ? JSON.stringify(t.statusMsg) : null,
        quotaJson(t.statusQuota),
        t.origin,
        t.systemKey,
        t.at,
        t.at,
      );
    this.replaceTags(t.id, t.tags);
  }

  updateMetadata(id: string, fields: { name?: string; description?: string }, at: string): void {
    const t = this.find(id);
    if (!t) return;
    this.db
      .prepare('UPDATE templates SET name = ?, description = ?, updated_at = ? WHERE id = ?')
      .run(fields.name ?? t.name, fields.description ?? t.description, at, id);
  }

  setStatus(id: string, status: TemplateStatus, reason: string, at: string, msg: Message | null = null, quota: StatusQuotaSource | null = null): void {
    this.db
      .prepare('UPDATE templates SET status = ?, status_reason = ?, status_msg = ?, status_quota = ?, updated_at = ? WHERE id = ?')
      .run(status, reason, msg ? JSON.stringify(msg) : null, quotaJson(quota), at, id);
  }

  /** Gives an old reason its message without touching anything else (not even updated_at). */
  setStatusMessage(id: string, msg: Message): void {
    this.db.prepare('UPDATE templates SET status_msg = ? WHERE id = ?').run(JSON.stringify(msg), id);
  }

  /** Templates with a reason but no message yet (written before migration 009, or by an older studio). */
  unkeyedReasons(): Array<{ id: string; status: TemplateStatus; reason: string }> {
    return this.db.prepare("SELECT id, status, status_reason AS reason FROM templates WHERE status_reason != '' AND status_msg IS NULL").all() as Array<{
      id: string;
      status: TemplateStatus;
      reason: string;
    }>;
  }

  replaceTags(id: string, tags: string[]): void {
    this.db.prepare('DELETE FROM template_tags WHERE template_id = ?').run(id);
    const insert = this.db.prepare('INSERT OR IGNORE INTO template_tags (template_id, tag) VALUES (?, ?)');
    for (const tag of tags) insert.run(id, tag);
  }

  deleteTemplate(id: string): boolean {
    return this.db.prepare('DELETE FROM templates WHERE id = ?').run(id).changes > 0;
  }

  /** Appends the next version number; the caller runs this inside a transaction. */
  insertVersion(v: NewVersion): number {
    const next =
      ((
        this.db.prepare('SELECT MAX(number) AS n FROM template_versions WHERE template_id = ?').get(v.templateId) as {
          n: number | null;
        }
      ).n ?? 0) + 1;
    this.db
      .prepare(
        `INSERT INTO template_versions (id, template_id, number, entry_path, yaml, layout, files, environment, note, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(v.id, v.templateId, next, v.entryPath ?? 'template.yaml', v.yaml, JSON.stringify(v.layout), JSON.stringify(v.files), v.environment, v.note, v.at);
    return next;
  }

  version(templateId: string, number?: number): TemplateVersion | null {
    const row = (
      number === undefined
        ? this.db.prepare('SELECT * FROM template_versions WHERE template_id = ? ORDER BY number DESC LIMIT 1').get(templateId)
        : this.db.prepare('SELECT * FROM template_versions WHERE template_id = ? AND number = ?').get(templateId, number)
    ) as VersionRow | undefined;
    return row ? toVersion(row) : null;
  }

  versionHeads(templateId: string): Array<Pick<TemplateVersion, 'id' | 'number' | 'note' | 'createdAt'>> {
    return (
      this.db.prepare('SELECT id, number, note, created_at FROM template_versions WHERE template_id = ? ORDER BY number DESC').all(templateId) as Array<
        Pick<VersionRow, 'id' | 'number' | 'note' | 'created_at'>
      >
    ).map((r) => ({ id: r.id, number: r.number, note: r.note, createdAt: r.created_at }));
  }

  /** Refreshes the search index and resource-type filter rows from the latest version. */
  reindex(templateId: string, resourceTypes: readonly string[]): void {
    const t = this.find(templateId);
    const v = this.version(templateId);
    const at = this.db.prepare('SELECT search_rowid AS rowid FROM templates WHERE id = ?').get(templateId) as { rowid: number | null } | undefined;
    // By rowid: a DELETE by the UNINDEXED template_id scans the whole index.
    if (at?.rowid != null) this.db.prepare('DELETE FROM templates_fts WHERE rowid = ?').run(at.rowid);
    this.db.prepare('DELETE FROM template_resource_types WHERE template_id = ?').run(templateId);
    if (!t || !v) return;
    const types = [...new Set(resourceTypes)];
    const inserted = this.db
      .prepare('INSERT INTO templates_fts (rowid, template_id, name, description, tags, resource_types, yaml) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(at?.rowid ?? null, templateId, t.name, t.description, t.tags.join(' '), types.join(' '), v.yaml);
    this.db.prepare('UPDATE templates SET search_rowid = ? WHERE id = ?').run(inserted.lastInsertRowid, templateId);
    const insert = this.db.prepare('INSERT INTO template_resource_types (template_id, type) VALUES (?, ?)');
    for (const type of types) insert.run(templateId, type);
  }

  /** Every resource type used by some template's latest version, for the filter. */
  resourceTypes(): string[] {
    return (this.db.prepare('SELECT DISTINCT type FROM template_resource_types ORDER BY type').all() as Array<{ type: string }>).map((r) => r.type);
  }

  transaction<T>(fn: () => T): T {
    return writeTransaction(this.db, fn);
  }
}

/** A stored status reason's message key, or null for an old English-only reason. */
export function parseMessage(json: string | null): Message | null {
  if (!json) return null;
  try {
    const m: unknown = JSON.parse(json);
    return isMessage(m) ? m : null;
  } catch {
    return null;
  }
}

function quotaJson(q: StatusQuotaSource | null | undefined): string | null {
  return q ? JSON.stringify(q) : null;
}

/** A stored quota source, or null for none (or a row an older studio garbled). */
function parseQuota(text: string | null): StatusQuotaSource | null {
  if (!text) return null;
  try {
    const q = JSON.parse(text) as Partial<StatusQuotaSource> | null;
    if (!q || typeof q.profileId !== 'string' || typeof q.readAt !== 'string') return null;
    return {
      profileId: q.profileId,
      profileName: typeof q.profileName === 'string' ? q.profileName : null,
      region: typeof q.region === 'string' ? q.region : null,
      readAt: q.readAt,
    };
  } catch {
    return null;
  }
}

function toSummary(r: TemplateRow): TemplateSummary {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
    status: r.status,
    statusReason: r.status_reason,
    statusMsg: parseMessage(r.status_msg),
    statusQuota: parseQuota(r.status_quota),
    origin: r.origin,
    systemKey: r.system_key,
    latestVersion: r.latest_version ?? 0,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toVersion(r: VersionRow): TemplateVersion {
  return {
    id: r.id,
    templateId: r.template_id,
    number: r.number,
    entryPath: r.entry_path,
    yaml: r.yaml,
    layout: JSON.parse(r.layout) as CanvasLayout,
    files: JSON.parse(r.files) as Record<string, string>,
    environment: r.environment,
    note: r.note,
    createdAt: r.created_at,
  };
}
