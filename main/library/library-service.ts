// The template library: create (blank, from another template, from YAML),
// rename/tag, save immutable versions with a computed status, delete.
// Recommended system templates are seeded on first run and are read-only:
// "editing" one always makes a copy (SPEC 1.1 #2, #3).
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/ipc/errors';
import { BLANK_TEMPLATE, RECOMMENDED_TEMPLATES } from '../../shared/library/recommended';
import {
  LIMITS,
  type CanvasLayout,
  type StatusQuotaSource,
  type TemplateDetails,
  type TemplateSummary,
  type TemplateVersion,
} from '../../shared/library/model';
import type { EventBus } from '../events/event-bus';
import type { TemplateChecker } from '../../shared/library/offline-status';
import type { ListFilter, TemplateRepo } from './template-repo';
import { parseTemplate, resources } from '../../shared/hot/template';
import { nameProblem } from '../../shared/library/names';
import { templateDescription } from '../../shared/library/template-description';
import { englishText, isMessage, msg, type Message } from '../../shared/messages/message';

export type CreateSource =
  | { kind: 'blank' }
  | { kind: 'template'; templateId: string; version?: number | undefined }
  | { kind: 'yaml'; yaml: string; layout?: CanvasLayout | undefined }
  | {
      kind: 'files';
      entryPath: string;
      yaml: string;
      files: Record<string, string>;
      environment: string | null;
      layout?: CanvasLayout | undefined;
      note?: string | undefined;
    };

export interface CreateInput {
  name: string;
  description: string;
  tags: string[];
  from: CreateSource;
}

export interface SaveVersionInput {
  id: string;
  /** Defaults to the previous version's entry path. */
  entryPath?: string | undefined;
  yaml: string;
  layout: CanvasLayout;
  files: Record<string, string>;
  environment: string | null;
  note: string;
}

export class LibraryService {
  constructor(
    private readonly repo: TemplateRepo,
    private readonly check: TemplateChecker,
    private readonly events: EventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Idempotent: adds any recommended template the library does not have yet. */
  seedRecommended(): number {
    let added = 0;
    this.repo.transaction(() => {
      for (const rec of RECOMMENDED_TEMPLATES) {
        if (this.repo.findBySystemKey(rec.systemKey)) continue;
        this.insert(
          { name: rec.name, description: rec.description, tags: rec.tags },
          rec.yaml,
          {},
          {
            origin: 'system',
            systemKey: rec.systemKey,
          },
        );
        added++;
      }
    });
    return added;
  }

  list(filter: ListFilter): TemplateSummary[] {
    return this.repo.list(filter);
  }

  get(id: string): TemplateDetails {
    const summary = this.mustFind(id);
    const latest = this.repo.version(id);
    if (!latest) throw new AppError('INTERNAL', msg('library.noVersion', { name: summary.name }), { id });
    return { ...summary, versions: this.repo.versionHeads(id), latest };
  }

  /** User templates named exactly `name`. */
  findByName(name: string): TemplateSummary[] {
    return this.repo.findByName(name);
  }

  /** A name like `name` that no user template has yet: "web (2)", "web (3)"... */
  freeName(name: string): string {
    for (let i = 2; ; i++) {
      const candidate = `${name} (${i})`;
      if (this.repo.findByName(candidate).length === 0) return candidate;
    }
  }

  getVersion(id: string, number: number): TemplateVersion {
    const summary = this.mustFind(id);
    const version = this.repo.version(id, number);
    if (!version) throw new AppError('NOT_FOUND', msg('library.noSuchVersion', { name: summary.name, number: String(number) }), { id, number });
    return version;
  }

  create(input: CreateInput): TemplateDetails {
    return this.createMany([input])[0]!;
  }

  /** Creates several templates in one transaction: all of them, or none. */
  createMany(inputs: CreateInput[]): TemplateDetails[] {
    // Names also arrive from bundles and file names, past the IPC schema.
    for (const input of inputs) assertNames(input.name, input.tags);
    const prepared = inputs.map((input) => {
      const version = this.firstVersion(input.from);
      // An import with no description of its own takes the template's (a copy keeps the source's, given by the caller).
      const description = input.description.trim() !== '' || input.from.kind === 'template' ? input.description : templateDescription(version.yaml);
      return { input: { ...input, description }, ...version };
    });
    const ids = this.repo.transaction(() =>
      prepared.map((p) => this.insert(p.input, p.yaml, p.layout, { origin: 'user', systemKey: null }, p.files, p.environment, p.entryPath, p.note)),
    );
    for (const id of ids) this.events.emit('library.changed', { templateId: id });
    return ids.map((id) => this.get(id));
  }

  private firstVersion(from: CreateSource): {
    yaml: string;
    layout: CanvasLayout;
    files: Record<string, string>;
    environment: string | null;
    entryPath: string;
    note: string;
  } {
    let v = {
      yaml: BLANK_TEMPLATE,
      layout: {} as CanvasLayout,
      files: {} as Record<string, string>,
      environment: null as string | null,
      entryPath: 'template.yaml',
      note: '',
    };
    if (from.kind === 'template') {
      // A copy: the source (system or saved) is never touched.
      const source = from.version ? this.getVersion(from.templateId, from.version) : this.get(from.templateId).latest;
      v = { ...v, yaml: source.yaml, layout: source.layout, files: source.files, environment: source.environment, entryPath: source.entryPath };
    } else if (from.kind === 'yaml') {
      v = { ...v, yaml: from.yaml, layout: from.layout ?? {} };
    } else if (from.kind === 'files') {
      v = { yaml: from.yaml, files: from.files, environment: from.environment, entryPath: from.entryPath, layout: from.layout ?? {}, note: from.note ?? '' };
    }
    assertTemplateSize(v.yaml);
    return v;
  }

  update(id: string, fields: { name?: string | undefined; description?: string | undefined; tags?: string[] | undefined }): TemplateSummary {
    this.mustBeEditable(id);
    assertNames(fields.name, fields.tags ?? []);
    const at = this.now().toISOString();
    this.repo.transaction(() => {
      this.repo.updateMetadata(id, stripUndefined({ name: fields.name, description: fields.description }), at);
      if (fields.tags) this.repo.replaceTags(id, normalizeTags(fields.tags));
      this.reindex(id);
    });
    this.events.emit('library.changed', { templateId: id });
    return this.mustFind(id);
  }

  saveVersion(input: SaveVersionInput): TemplateDetails {
    this.mustBeEditable(input.id);
    assertTemplateSize(input.yaml);
    const entryPath = input.entryPath ?? this.repo.version(input.id)?.entryPath ?? 'template.yaml';
    const verdict = this.check(input.yaml, input.files, input.environment, entryPath);
    const at = this.now().toISOString();
    this.repo.transaction(() => {
      this.repo.insertVersion({
        id: randomUUID(),
        templateId: input.id,
        entryPath,
        yaml: input.yaml,
        layout: input.layout,
        files: input.files,
        environment: input.environment,
        note: input.note,
        at,
      });
      this.repo.setStatus(input.id, verdict.status, verdict.reason, at, verdict.msg, verdict.quota ?? null);
      this.reindex(input.id);
    });
    this.events.emit('library.changed', { templateId: input.id });
    return this.get(input.id);
  }

  delete(id: string): void {
    this.mustBeEditable(id);
    this.repo.deleteTemplate(id);
    this.events.emit('library.changed', { templateId: id });
  }

  private insert(
    meta: { name: string; description: string; tags: string[] },
    yaml: string,
    layout: CanvasLayout,
    origin: { origin: 'user' | 'system'; systemKey: string | null },
    files: Record<string, string> = {},
    environment: string | null = null,
    entryPath = 'template.yaml',
    note = '',
  ): string {
    const id = randomUUID();
    const at = this.now().toISOString();
    const verdict = this.check(yaml, files, environment, entryPath);
    this.repo.insertTemplate({
      id,
      name: meta.name,
      description: meta.description,
      tags: normalizeTags(meta.tags),
      status: verdict.status,
      statusReason: verdict.reason,
      statusMsg: verdict.msg,
      statusQuota: verdict.quota ?? null,
      origin: origin.origin,
      systemKey: origin.systemKey,
      at,
    });
    this.repo.insertVersion({ id: randomUUID(), templateId: id, entryPath, yaml, layout, files, environment, note, at });
    this.reindex(id);
    return id;
  }

  /**
   * Records a status computed elsewhere (main/template-status: "Check again",
   * a deploy's rule-7 refusal); a keyed reason is stored as its message too,
   * and the quota reading it used, if any.
   */
  recordStatus(id: string, status: 'usable' | 'needs_editing', reason: string | Message, quota: StatusQuotaSource | null = null): void {
    this.mustFind(id);
    const msg = isMessage(reason) ? reason : null;
    this.repo.setStatus(id, status, msg ? englishText(msg) : (reason as string), this.now().toISOString(), msg, quota);
    this.events.emit('library.changed', { templateId: id });
  }

  /**
   * Gives every reason written before status messages existed (migration
   * 009, or a library imported from an older studio) its message, so it is
   * worded in the reader's language: the latest version is checked again
   * and, when that gives the very reason stored, its message is kept. A
   * reason that came from elsewhere (Heat's validate, a deploy's rule-7
   * check) stays as its English text until the next check. Nothing else
   * changes: not the status, not the times.
   */
  rewordStatuses(): number {
    let reworded = 0;
    for (const row of this.repo.unkeyedReasons()) {
      const latest = this.repo.version(row.id);
      if (!latest) continue;
      const verdict = this.check(latest.yaml, latest.files, latest.environment, latest.entryPath);
      if (verdict.msg && verdict.status === row.status && verdict.reason === row.reason) {
        this.repo.setStatusMessage(row.id, verdict.msg);
        reworded++;
      }
    }
    return reworded;
  }

  /** Resource types every library template uses (for the filter). */
  resourceTypes(): string[] {
    return this.repo.resourceTypes();
  }

  /** Refreshes one template's search index from its latest version (used after a library merge). */
  reindex(id: string): void {
    const latest = this.repo.version(id);
    // The entry's resource types and those of its nested templates: searching
    // for OS::Nova::Server finds a template whose servers sit in a nested file.
    const texts = latest
      ? [
          latest.yaml,
          ...Object.entries(latest.files)
            .filter(([p]) => /\.(ya?ml|template|json)$/i.test(p))
            .map(([, t]) => t),
        ]
      : [];
    const types = texts.flatMap((text) => resources(parseTemplate(text)).flatMap((r) => (r.type ? [r.type] : [])));
    this.repo.reindex(id, types);
  }

  private mustFind(id: string): TemplateSummary {
    const t = this.repo.find(id);
    if (!t) throw new AppError('NOT_FOUND', msg('library.noSuchTemplate'), { id });
    return t;
  }

  private mustBeEditable(id: string): TemplateSummary {
    const t = this.mustFind(id);
    if (t.origin === 'system') {
      throw new AppError('READ_ONLY', msg('library.recommendedReadOnly', { name: t.name }), { id });
    }
    return t;
  }
}

function normalizeTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))].slice(0, LIMITS.tagsMax);
}

/** Template names and tags follow shared/library/names.ts wherever they come from. */
function assertNames(name: string | undefined, tags: string[]): void {
  const problem =
    (name === undefined ? undefined : nameProblem(name, 'template', LIMITS.nameMax)) ??
    tags
      .filter((t) => t.trim() !== '')
      .map((t) => nameProblem(t, 'tag', LIMITS.tagMax))
      .find(Boolean); // empty tags are dropped, as normalizeTags does
  if (problem) throw new AppError('BAD_REQUEST', problem, { name, tags });
}

function assertTemplateSize(yaml: string): void {
  const bytes = new TextEncoder().encode(yaml).length;
  if (bytes > LIMITS.templateBytesMax) {
    throw new AppError('FILE_TOO_LARGE', msg('library.templateTooLarge', { size: bytes, max: LIMITS.templateBytesMax }), {
      bytes,
      limit: LIMITS.templateBytesMax,
    });
  }
}

function stripUndefined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
