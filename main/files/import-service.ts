// Imports into the library: several files with one chosen entry (the others
// become its nested files), a whole folder (every template nothing else
// references becomes a template, with the files it reaches), a bundle zip
// made by our export, a plain zip of templates, or a URL (with the nested
// files it references, fetched relative to it). All or nothing: every
// template of one import is created in one transaction, and any bad file
// fails the whole import with the file named.
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import { LIMITS, type TemplateDetails } from '../../shared/library/model';
import { nameProblem } from '../../shared/library/names';
import { looksLikeTemplate, referencedFiles } from '../../shared/library/file-set';
import type { CreateInput, LibraryService } from '../library/library-service';
import { readBundle, stripCommonFolder } from './bundle';
import { assertSafePath, readZip } from './zip';
import { decodeUtf8 } from './text';
import { fetchLimited, type Fetcher, type FetchLimits } from './fetch-limited';
import { guardedFetch } from './guarded-fetch';
import { assertAllowedHost, inScope, resolveNested, scopeOf, type ImportScope } from './url-scope';

export interface ImportLimits {
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxFiles: 2_000, maxFileBytes: 8 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

export interface IncomingFile {
  path: string;
  bytes: Uint8Array;
}

export interface ImportResult {
  templates: TemplateDetails[];
  /** Files that were read but are not part of any template (e.g. stray environment files). */
  skipped: string[];
}

/** What to do with a bundle whose template name the library has: a new version of that template, or a copy under a free name. */
export type BundleChoice = 'version' | 'copy';

export class ImportService {
  constructor(
    private readonly library: LibraryService,
    private readonly limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
    private readonly fetcher: Fetcher = guardedFetch,
    /** One deadline for each fetched file: headers and the whole body. */
    private readonly fetchTimeoutMs = 30_000,
  ) {}

  /** Files from a picker or a drop. With `entry`, one template; without, folder mode. */
  importFiles(
    incoming: IncomingFile[],
    options: { entry?: string | undefined; environment?: string | undefined; name?: string | undefined } = {},
  ): ImportResult {
    const texts = this.decodeAll(incoming);
    if (options.entry !== undefined)
      return { templates: [this.library.createMany([this.single(texts, options.entry, options.environment, options.name)])[0]!], skipped: [] };
    return this.folder(texts);
  }

  /** A bundle made by our export (sidecar checked), or a plain zip of templates (folder mode). */
  importZip(bytes: Uint8Array, fileName: string, onExisting?: BundleChoice): ImportResult {
    const bundle = readBundle(bytes, fileName);
    if (bundle) {
      const name = bundle.sidecar.template.name;
      // A name the library would refuse is refused before it is compared with the library's names.
      const problem = nameProblem(name, 'template', LIMITS.nameMax);
      if (problem) throw new AppError('BAD_REQUEST', problem, { name });
      const same = this.library.findByName(name);
      // Re-importing a bundle never silently makes a second template of the same name: it asks.
      const from = same.find((t) => t.id === bundle.sidecar.template.id) ?? null;
      if (same.length > 0 && onExisting === undefined) {
        throw new AppError('CONFLICT', msg('files.import.nameTaken', { name }), {
          reason: 'bundle-name-taken',
          name,
          existingId: (from ?? same[0]!).id,
          /** The bundle was exported from that very template: it can become its next version. */
          sameTemplate: from !== null,
          copyName: this.library.freeName(name),
        });
      }
      if (onExisting === 'version') {
        if (!from) throw new AppError('CONFLICT', msg('files.import.notFromTemplate', { name }), { reason: 'bundle-not-from-template', name });
        const saved = this.library.saveVersion({
          id: from.id,
          yaml: bundle.yaml,
          layout: bundle.sidecar.layout,
          files: bundle.files,
          environment: bundle.environment,
          entryPath: bundle.sidecar.entry,
          note: bundle.sidecar.version.note || `Imported from ${fileName}`,
        });
        return { templates: [saved], skipped: [] };
      }
      const input: CreateInput = {
        name: same.length > 0 ? this.library.freeName(name) : name,
        description: bundle.sidecar.template.description,
        tags: bundle.sidecar.template.tags,
        from: {
          kind: 'files',
          entryPath: bundle.sidecar.entry,
          yaml: bundle.yaml,
          files: bundle.files,
          environment: bundle.environment,
          layout: bundle.sidecar.layout,
          note: bundle.sidecar.version.note,
        },
      };
      return { templates: this.library.createMany([input]), skipped: [] };
    }
    const entries = stripCommonFolder(readZip(bytes, fileName));
    return this.importFiles([...entries].map(([path, data]) => ({ path, bytes: data })));
  }

  /** A template at a URL, with the nested files it references fetched relative to it. */
  async importUrl(url: string, name?: string): Promise<TemplateDetails> {
    let base: URL;
    try {
      base = new URL(url);
    } catch {
      throw new AppError('BAD_REQUEST', msg('files.url.notUrl', { url }), { url });
    }
    if (base.protocol !== 'http:' && base.protocol !== 'https:')
      throw new AppError('BAD_REQUEST', msg('files.url.httpOnly', { protocol: base.protocol }), { url });
    assertAllowedHost(base);
    const entry = base.pathname.split('/').pop() || 'template.yaml';
    const scope = scopeOf(base);
    // One budget for every file of this import, so many files just under the per-file limit cannot add up without bound.
    const budget = { remaining: this.limits.maxTotalBytes, total: this.limits.maxTotalBytes };
    // The entry's redirects may move within its origin; a nested file's must stay in the entry's folder too.
    const fetched = new Map<string, string>([[entry, await this.fetchText(base, budget, scope, false)]]);
    // Follow references breadth-first, relative to the entry's folder, as Heat's client does.
    for (let round = 0; round < 10; round++) {
      const refs = referencedFiles(entry, (p) => fetched.get(p), null);
      const outside = refs.problems.find((p) => p.reason === 'outside-root');
      if (outside) throw outsideError(outside.from, outside.ref);
      const missing = refs.problems.filter((p) => p.reason === 'missing' && !fetched.has(p.path));
      if (missing.length === 0) break;
      if (fetched.size + missing.length > this.limits.maxFiles)
        throw new AppError('IMPORT_FAILED', msg('files.url.tooManyFiles', { url, max: this.limits.maxFiles }), { url });
      // Each reference is judged by the URL it really resolves to (the path Heat's client would fetch), never by its text.
      for (const m of missing) fetched.set(m.path, await this.fetchText(resolveNested(m.path, scope, m.from), budget, scope, true));
    }
    const texts = new Map(fetched);
    return this.library.createMany([this.single(texts, entry, undefined, name)])[0]!;
  }

  private async fetchText(url: URL, budget: FetchLimits['budget'], scope: ImportScope, folderToo: boolean): Promise<string> {
    const allowHop = (next: URL) => {
      if (!inScope(next, scope, folderToo)) {
        const where = folderToo ? `${scope.origin}${scope.folder}` : scope.origin;
        throw new AppError('PATH_ESCAPE', msg('files.url.redirectOutside', { url: url.href, location: next.href, scope: where }), {
          url: url.href,
          location: next.href,
        });
      }
      assertAllowedHost(next);
    };
    const limits: FetchLimits = { maxBytes: this.limits.maxFileBytes, timeoutMs: this.fetchTimeoutMs, allowHop, ...(budget ? { budget } : {}) };
    return decodeUtf8(await fetchLimited(this.fetcher, url, limits), url.toString());
  }

  private decodeAll(incoming: IncomingFile[]): Map<string, string> {
    if (incoming.length === 0) throw new AppError('IMPORT_FAILED', msg('files.import.noFiles'));
    if (incoming.length > this.limits.maxFiles) {
      throw new AppError('IMPORT_FAILED', msg('files.import.tooManyFiles', { n: incoming.length, max: this.limits.maxFiles }), { count: incoming.length });
    }
    let total = 0;
    const texts = new Map<string, string>();
    for (const f of incoming) {
      const path = f.path.replace(/\\/g, '/').replace(/^\.\//, '');
      assertSafePath(path, path);
      if (f.bytes.length > this.limits.maxFileBytes) {
        throw new AppError('FILE_TOO_LARGE', msg('files.import.fileTooLarge', { file: path, size: f.bytes.length, max: this.limits.maxFileBytes }), {
          file: path,
        });
      }
      total += f.bytes.length;
      if (total > this.limits.maxTotalBytes) throw new AppError('FILE_TOO_LARGE', msg('files.import.totalTooLarge', { max: this.limits.maxTotalBytes }), {});
      texts.set(path, decodeUtf8(f.bytes, path));
    }
    return texts;
  }

  private single(texts: Map<string, string>, entry: string, environmentPath: string | undefined, name: string | undefined): CreateInput {
    const yaml = texts.get(entry);
    if (yaml === undefined) throw new AppError('IMPORT_FAILED', msg('files.import.entryMissing', { file: entry }), { file: entry });
    const environment = environmentPath === undefined ? null : (texts.get(environmentPath) ?? null);
    if (environmentPath !== undefined && environment === null)
      throw new AppError('IMPORT_FAILED', msg('files.import.environmentMissing', { file: environmentPath }), { file: environmentPath });
    this.assertNoEscapes(entry, texts, environment);
    const files: Record<string, string> = {};
    for (const [path, text] of texts) if (path !== entry && path !== environmentPath) files[path] = text;
    return { name: name ?? baseName(entry), description: '', tags: [], from: { kind: 'files', entryPath: entry, yaml, files, environment } };
  }

  private folder(texts: Map<string, string>): ImportResult {
    const templates = [...texts.keys()].filter((p) => /\.(ya?ml|json|template)$/i.test(p) && looksLikeTemplate(texts.get(p)!));
    const reach = new Map(templates.map((t) => [t, referencedFiles(t, (p) => texts.get(p), null)]));
    const nested = new Set([...reach.values()].flatMap((r) => r.files));
    const entries = templates.filter((t) => !nested.has(t));
    if (entries.length === 0) throw new AppError('IMPORT_FAILED', msg('files.import.noTemplates'), { files: texts.size });
    const inputs: CreateInput[] = entries.map((entry) => {
      const r = reach.get(entry)!;
      const outside = r.problems.find((p) => p.reason === 'outside-root');
      if (outside) throw outsideError(outside.from, outside.ref);
      const files = Object.fromEntries(r.files.map((p) => [p, texts.get(p)!]));
      return { name: baseName(entry), description: '', tags: [], from: { kind: 'files', entryPath: entry, yaml: texts.get(entry)!, files, environment: null } };
    });
    const used = new Set([...entries, ...nested]);
    // Files no template reaches (environment files among them) are reported, never guessed onto a template.
    const skipped = [...texts.keys()].filter((p) => !used.has(p));
    return { templates: this.library.createMany(inputs), skipped };
  }

  private assertNoEscapes(entry: string, texts: Map<string, string>, environment: string | null): void {
    const outside = referencedFiles(entry, (p) => texts.get(p), environment).problems.find((p) => p.reason === 'outside-root');
    if (outside) throw outsideError(outside.from, outside.ref);
  }
}

function outsideError(from: string, ref: string): AppError {
  return new AppError('PATH_ESCAPE', msg('files.import.refOutside', { file: from, ref }), { file: from, ref });
}

function baseName(path: string): string {
  const file = path.split('/').pop() ?? path;
  return file.replace(/\.(ya?ml|json|template)$/i, '') || file;
}
