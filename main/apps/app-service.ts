// App packages over the library: check a version, export it as a new app or
// as the next version of the app it came from, import a package back as a
// template ("create from app"), and say which app a template came from.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/ipc/errors';
import { msg, type Message } from '../../shared/messages/message';
import {
  appInfoSchema,
  describeIssues,
  translationsSchema,
  versionInfoSchema,
  type AppInfo,
  type Translations,
  type VersionInfo,
} from '../../shared/apps/manifest';
import { checkAccessPorts, checkNewVersion, checkVersionTaken, parameterLabels, templateChecks } from '../../shared/apps/checks';
import { ingressRanges } from '../../shared/apps/security-groups';
import type { AppLink, ExportCheckResult, ExportMode, QuotaVerdict } from '../../shared/apps/model';
import type { AppCheckProblem } from '../../shared/apps/problems';
import type { TemplateDetails, TemplateVersion } from '../../shared/library/model';
import { parseTemplate } from '../../shared/hot/template';
import type { LibraryService } from '../library/library-service';
import type { AppLinkRepo, StoredApp } from '../library/app-link-repo';
import { buildPackage, checkLogo, logoTypeOf, readPackage, type PackageLogo } from './package';
import { fileNamePart } from '../files/file-name';
import { needsEditingMessage, versionStatus } from '../../shared/library/version-status';

export interface ExportRequest {
  id: string;
  number?: number | undefined;
  mode: ExportMode;
  app: AppInfo;
  /** A picked logo; in new-version mode, omitted keeps the app's logo. */
  logo?: { fileName: string; base64: string } | null | undefined;
  version: VersionInfo;
  translations: Translations;
  quota?: QuotaVerdict | null | undefined;
}

export interface ImportedApp {
  template: TemplateDetails;
  link: AppLink;
}

export class AppService {
  constructor(
    private readonly library: LibraryService,
    private readonly links: AppLinkRepo,
    private readonly now: () => Date = () => new Date(),
  ) {}

  link(templateId: string): AppLink | null {
    return this.links.get(templateId)?.link ?? null;
  }

  checkExport(id: string, number: number | undefined, mode: ExportMode, quota?: QuotaVerdict | null): ExportCheckResult {
    const { template, version } = this.load(id, number);
    const stored = this.links.get(id);
    const versionRefusal = checkNewVersion(stored?.link ?? null, version.number, template.latestVersion);
    // The latest version's recorded status; an older version is judged offline (it has no status of its own).
    const verdict = versionStatus(template, version);
    const problems = templateChecks(version, verdict.status, verdict.reason, quota);
    if (mode === 'new-version' && versionRefusal) problems.unshift(versionRefusal);
    return {
      problems,
      parameters: parameterLabels(version.yaml),
      ranges: ingressRanges(version),
      link: stored?.link ?? null,
      app: stored?.stored.app ?? null,
      versionRefusal,
    };
  }

  exportPackage(req: ExportRequest): { fileName: string; base64: string } {
    const checked = this.checkExport(req.id, req.number, req.mode, req.quota);
    const needsEditing = checked.problems.find((p) => p.code === 'APP_NEEDS_EDITING');
    if (needsEditing) {
      // SPEC 1.4: a version that needs editing can only be edited, whatever the form holds; its own code, so no caller mistakes it for a form error.
      throw new AppError('NEEDS_EDITING', needsEditingMessage('app', String(needsEditing.params.reason ?? '')), {
        reason: needsEditing.params.reason,
        problems: checked.problems,
      });
    }
    const app = parseOrRefuse(appInfoSchema, req.app, 'app');
    const version = parseOrRefuse(versionInfoSchema, req.version, 'version');
    const translations = parseOrRefuse(translationsSchema, req.translations, 'translations');
    const { version: tv } = this.load(req.id, req.number);
    const stored = this.links.get(req.id);
    const problems: AppCheckProblem[] = [
      ...checked.problems,
      ...checkAccessPorts(checked.ranges, version),
      ...(req.mode === 'new-version' ? checkVersionTaken(stored?.link ?? null, version.version) : []),
    ];
    assertTranslationKeys(translations, new Set(checked.parameters.map((p) => p.name)), msg('apps.where.template'), 'BAD_REQUEST');
    if (problems.length > 0) {
      // The export dialog words each of `problems` from its own tables; the joined English is for logs and other readers.
      throw new AppError('TEMPLATE_INVALID', msg('apps.cannotExport', { problems: problems.map((p) => p.message).join(' ') }), { problems });
    }
    const logo = this.logo(req, stored?.stored ?? null);
    const appId = req.mode === 'new-version' ? stored!.link.appId : randomUUID();
    const zip = buildPackage(
      { format: 'heat-studio-app', formatVersion: 1, appId, app, version: { ...version, createdAt: this.now().toISOString() }, translations },
      { entryPath: tv.entryPath, yaml: tv.yaml, files: tv.files, environment: tv.environment, layout: tv.layout },
      logo,
    );
    // The version number is now the app's: exporting it again needs another.
    if (req.mode === 'new-version')
      this.links.setVersion(req.id, version.version, { app, logo: logo ? { type: logo.type, base64: Buffer.from(logo.bytes).toString('base64') } : null });
    return { fileName: `${safeName(app.name)}-${safeName(version.version)}.zip`, base64: Buffer.from(zip).toString('base64') };
  }

  /**
   * "Create from app": the package becomes a new library template (never an
   * overwrite) linked to its app version. Importing a version the library
   * already holds asks first: the caller passes allowDuplicate once the user agreed.
   */
  importPackage(bytes: Uint8Array, fileName: string, allowDuplicate = false): ImportedApp {
    const pkg = readPackage(bytes, fileName);
    const { manifest, template } = pkg;
    if (parseTemplate(template.yaml, template.entryPath).kind !== 'hot') {
      throw new AppError('IMPORT_FAILED', msg('apps.entryNotHot', { file: fileName, entry: template.entryPath }), { file: fileName });
    }
    assertTranslationKeys(
      manifest.translations,
      new Set(parameterLabels(template.yaml).map((p) => p.name)),
      msg('apps.where.packageTemplate', { file: fileName }),
      'IMPORT_FAILED',
    );
    const existing = this.links.findByAppVersion(manifest.appId, manifest.version.version);
    if (existing.length > 0 && !allowDuplicate) {
      throw new AppError('CONFLICT', msg('apps.alreadyImported', { app: manifest.app.name, version: manifest.version.version }), {
        templateIds: existing.map((l) => l.templateId),
        app: manifest.app.name,
        version: manifest.version.version,
      });
    }
    const stored: StoredApp = { app: manifest.app, logo: pkg.logo ? { type: pkg.logo.type, base64: Buffer.from(pkg.logo.bytes).toString('base64') } : null };
    // One transaction: the template and its link, or neither.
    return this.links.transaction(() => {
      const [created] = this.library.createMany([
        {
          name: `${manifest.app.name} ${manifest.version.version}`.slice(0, 255),
          description: manifest.app.description,
          tags: manifest.app.tags,
          from: {
            kind: 'files',
            ...template,
            note: `From app ${manifest.app.name} ${manifest.version.version}: ${manifest.version.description}`.slice(0, 1000),
          },
        },
      ]);
      const link: AppLink = {
        templateId: created!.id,
        appId: manifest.appId,
        appName: manifest.app.name,
        appVersion: manifest.version.version,
        baseVersion: created!.latestVersion,
        linkedAt: this.now().toISOString(),
      };
      this.links.insert(link, stored);
      return { template: created!, link };
    });
  }

  private logo(req: ExportRequest, stored: StoredApp | null): PackageLogo | null {
    if (req.logo) {
      const type = logoTypeOf(req.logo.fileName);
      if (!type) throw new AppError('BAD_REQUEST', msg('apps.logoType', { file: req.logo.fileName }), { file: req.logo.fileName });
      return { type, bytes: checkLogo(new Uint8Array(Buffer.from(req.logo.base64, 'base64')), type, req.logo.fileName) };
    }
    if (req.logo === undefined && req.mode === 'new-version' && stored?.logo)
      return { type: stored.logo.type, bytes: new Uint8Array(Buffer.from(stored.logo.base64, 'base64')) };
    return null;
  }

  private load(id: string, number?: number): { template: TemplateDetails; version: TemplateVersion } {
    const template = this.library.get(id);
    return { template, version: number === undefined ? template.latest : this.library.getVersion(id, number) };
  }
}

function parseOrRefuse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } },
  value: unknown,
  what: string,
): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = describeIssues(r.error).map((i) => `${what}.${i}`);
  throw new AppError('BAD_REQUEST', msg('apps.formIncomplete', { issues: issues.join('; ') }), { issues });
}

function assertTranslationKeys(translations: Translations, names: Set<string>, where: Message, code: 'BAD_REQUEST' | 'IMPORT_FAILED'): void {
  for (const [locale, map] of Object.entries(translations)) {
    for (const key of Object.keys(map ?? {})) {
      if (!names.has(key)) throw new AppError(code, msg('apps.translationField', { locale, field: key, where }), { locale, field: key });
    }
  }
}

function safeName(name: string): string {
  return fileNamePart(name, { max: 80, fallback: 'app', spacesToo: true });
}
