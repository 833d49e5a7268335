// Deploy and update flows on top of the cloud service: a library version (or
// picked YAML) becomes Heat's body (shared/deploy/stack-body), the cloud
// service adds the sandbox environment for sandbox profiles and starts the
// watcher, and the stack's library origin is remembered.
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import type { ResourceChanges, StackRef } from '../../shared/cloud/heat-types';
import type { DeployOptions, DeploySource, StackOrigin } from '../../shared/deploy/model';
import { stackBodyFor, type VersionFiles } from '../../shared/deploy/stack-body';
import type { CloudService, DeployResult } from '../cloud/cloud-service';
import type { StackBody } from '../cloud/heat-client';
import type { StackOriginRepo } from '../library/stack-origin-repo';
import type { LibraryService } from '../library/library-service';
import type { QuotaService, QuotaUpdate } from '../quota/quota-service';
import type { QuotaCheck } from '../../shared/quota/verdict';
import type { QuotaReport } from '../../shared/quota/model';
import type { InventoryService } from '../existing/inventory-service';
import { parse as parseYaml } from 'yaml';
import { deployedFiles } from './deployed-files';
import { environmentValues, revalidationMessage, revalidationReason, type MissingInCloud } from '../../shared/existing/revalidate';
import { explainChanges, parametersFor, type TypeSchema } from '../../shared/deploy/change-explain';
import type { ExplainedChanges } from '../../shared/cloud/heat-types';
import type { ResourceTypeCache } from '../cloud/resource-type-cache';
import { SANDBOX_ENVIRONMENT_NAME } from '../../shared/cloud/sandbox-environment';
import { needsEditingMessage, versionStatus, type VersionVerdict } from '../../shared/library/version-status';
import { englishText } from '../../shared/messages/message';
import { recordRule7Refusal } from '../template-status/rule7-refusal';

interface Resolved {
  files: VersionFiles;
  library: { templateId: string; templateName: string; version: number } | null;
  /** SPEC 1.4: a version that "needs editing" can only be edited, whichever path asks to deploy it. */
  verdict: VersionVerdict;
}

export class DeployService {
  constructor(
    private readonly library: Pick<LibraryService, 'get' | 'getVersion' | 'recordStatus'>,
    private readonly cloud: Pick<CloudService, 'create' | 'update' | 'previewCreate' | 'previewUpdate' | 'template' | 'environment' | 'files' | 'showLive'>,
    private readonly origins: StackOriginRepo,
    /** Over quota blocks a create, and an update that adds past the limit (SPEC 1.2): required, so no create or update of a stack goes without it. */
    private readonly quota: Pick<QuotaService, 'check' | 'checkUpdate' | 'assertWithinQuota' | 'assertUpdateWithinQuota'>,
    /** Rule 7: a template naming what the cloud no longer holds is refused before Heat sees it. */
    private readonly inventory: Pick<InventoryService, 'revalidate'> | null = null,
    /** Resource type schemas (update_allowed / immutable) that explain the update preview; absent: the preview is Heat's lists only. */
    private readonly types: Pick<ResourceTypeCache, 'schema'> | null = null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async preview(
    profileId: string,
    stackName: string,
    source: DeploySource,
    options: DeployOptions,
  ): Promise<{ stack: Record<string, unknown>; sandbox: boolean }> {
    const resolved = this.resolve(source);
    const body = this.body(resolved, options, stackName);
    await this.refuseMissing(profileId, resolved, options);
    return this.cloud.previewCreate(profileId, body);
  }

  async create(profileId: string, stackName: string, source: DeploySource, options: DeployOptions): Promise<DeployResult & { origin: StackOrigin | null }> {
    const resolved = this.resolve(source);
    refuseNeedsEditing(resolved);
    const body = this.body(resolved, options, stackName);
    await this.refuseMissing(profileId, resolved, options);
    await this.quota.assertWithinQuota(profileId, resolved.files, options.parameters, options.environment);
    const result = await this.cloud.create(profileId, body);
    return { ...result, origin: this.remember(profileId, result.stack, resolved) };
  }

  async previewUpdate(profileId: string, stack: StackRef, source: DeploySource | null, options: DeployOptions): Promise<ExplainedChanges> {
    let changes: ResourceChanges;
    let body: StackBody | null = null;
    let sandbox: ExplainedChanges['sandbox'];
    if (!source) {
      ({ changes } = await this.cloud.previewUpdate(profileId, stack, patchBody(options), true));
      sandbox = (await this.keepsSandbox(profileId, stack)) ? 'kept' : null;
    } else {
      body = this.body(this.resolve(source), options);
      const preview = await this.cloud.previewUpdate(profileId, stack, body, false);
      changes = preview.changes;
      sandbox = preview.sandbox ? 'added' : null;
    }
    // The explanation never hides Heat's answer: when the stack's template or a schema cannot be read, the lists stand alone.
    const explained = await this.explain(profileId, stack, changes, body, options).catch(() => null);
    return { ...changes, explained, sandbox };
  }

  /** A PATCH keeps the stack's environment: did its create carry the sandbox environment? (Unknown counts as no: the note is only said when true.) */
  private async keepsSandbox(profileId: string, stack: StackRef): Promise<boolean> {
    const files = await this.cloud.files(profileId, stack).catch(() => ({}));
    return SANDBOX_ENVIRONMENT_NAME in files;
  }

  /** Which properties differ for each updated / replaced resource, and which of them force a replacement. */
  private async explain(profileId: string, stack: StackRef, changes: ResourceChanges, body: StackBody | null, options: DeployOptions) {
    if (!changes.updated.length && !changes.replaced.length) return [];
    const [template, details] = await Promise.all([this.cloud.template(profileId, stack), this.cloud.showLive(profileId, stack)]);
    const current = details.parameters ?? {};
    // Heat's own parameters (OS::stack_name, OS::stack_id, OS::project_id) stay what they are.
    const pseudo = Object.fromEntries(Object.entries(current).filter(([k]) => k.startsWith('OS::')));
    const after = body
      ? { template: body.template, parameters: { ...pseudo, ...parametersFor(body.template, body.parameters ?? {}, mergedEnvironment(body)) } }
      : { template, parameters: { ...current, ...options.parameters } };
    const types = new Set<string>();
    for (const r of [...changes.updated, ...changes.replaced]) {
      const t = (r as { resource_type?: unknown }).resource_type;
      if (typeof t === 'string') types.add(t);
    }
    const schemas = new Map<string, TypeSchema | null>();
    await Promise.all([...types].map(async (t) => schemas.set(t, this.types ? await this.types.schema(profileId, t).catch(() => null) : null)));
    return explainChanges(changes, { template, parameters: current }, after, (t) => schemas.get(t) ?? null);
  }

  async update(
    profileId: string,
    stack: StackRef,
    source: DeploySource | null,
    options: DeployOptions,
  ): Promise<DeployResult & { origin: StackOrigin | null }> {
    if (!source) {
      const q = await this.quotaUpdate(profileId, stack, null, options);
      if (q) await this.quota.assertUpdateWithinQuota(profileId, q);
      const result = await this.cloud.update(profileId, stack, patchBody(options), true);
      return { ...result, origin: this.origins.get(profileId, stack.id) };
    }
    const resolved = this.resolve(source);
    refuseNeedsEditing(resolved);
    const body = this.body(resolved, options);
    await this.refuseMissing(profileId, resolved, options);
    const q = await this.quotaUpdate(profileId, stack, resolved, options);
    if (q) await this.quota.assertUpdateWithinQuota(profileId, q);
    const result = await this.cloud.update(profileId, stack, body, false);
    return { ...result, origin: this.remember(profileId, stack, resolved) ?? this.origins.get(profileId, stack.id) };
  }

  /** The update dialog's quota verdict for what the update adds; null when there is nothing to judge (see QuotaService.checkUpdate). */
  async checkUpdateQuota(
    profileId: string,
    stack: StackRef,
    source: DeploySource | null,
    options: DeployOptions,
  ): Promise<{ check: QuotaCheck; report: QuotaReport } | null> {
    const q = await this.quotaUpdate(profileId, stack, source ? this.resolve(source) : null, options);
    return q ? this.quota.checkUpdate(profileId, q) : null;
  }

  /** The deploy dialog's quota verdict: the same files, parameters and environment a create would send. */
  async checkQuota(profileId: string, source: DeploySource, options: DeployOptions): Promise<{ check: QuotaCheck; report: QuotaReport }> {
    return this.quota.check(profileId, this.resolve(source).files, options.parameters, options.environment);
  }

  /**
   * What an update is judged on: the new files and the stack's files now
   * (read back from Heat). A parameters-only update (no source) runs the
   * stack's own files with new parameters, so both sides are what Heat holds;
   * when Heat cannot show them now there is nothing to judge (null): unknown
   * never blocks, Heat decides.
   */
  private async quotaUpdate(profileId: string, stack: StackRef, resolved: Resolved | null, options: DeployOptions): Promise<QuotaUpdate | null> {
    const update = { parameters: options.parameters, extraEnvironment: options.environment };
    const current = () => deployedFiles(this.cloud, profileId, stack);
    if (resolved) return { ...update, next: resolved.files, current };
    const now = await current().catch(() => null);
    return now ? { ...update, next: now, current: async () => now } : null;
  }

  origin(profileId: string, stackId: string): StackOrigin | null {
    return this.origins.get(profileId, stackId);
  }

  originsOf(profileId: string): StackOrigin[] {
    return this.origins.listForProfile(profileId);
  }

  /**
   * Rule 7 (SPEC 1.2): the existing resources, images, flavors, key pairs and
   * zones the template names (with the values given for this deploy) must
   * still exist in the cloud. Refused with the reason the library then shows
   * as the status of the latest version. When the inventory cannot be read,
   * Heat's own answer to the request decides.
   */
  private async refuseMissing(profileId: string, resolved: Resolved, options: DeployOptions): Promise<void> {
    if (!this.inventory) return;
    let missing: MissingInCloud[];
    try {
      missing = await this.inventory.revalidate(profileId, {
        ...resolved.files,
        parameters: { ...environmentValues(options.environment), ...options.parameters },
      });
    } catch {
      return;
    }
    if (!missing.length) return;
    // Only what the template itself names makes it "needs editing"; a value
    // typed for this deploy is the deploy's mistake, and the saved template
    // keeps its status and times.
    const reason = revalidationMessage(missing.filter((m) => !m.given));
    if (!reason) {
      const given = revalidationReason(missing);
      throw new AppError('VALUE_NOT_IN_CLOUD', `Refused: ${given}`, { reason: given, missing: missing.slice(0, 20) });
    }
    const lib = resolved.library;
    recordRule7Refusal(this.library, lib, reason);
    throw new AppError('NEEDS_EDITING', needsEditingMessage('deploy', reason), {
      reason: englishText(reason),
      missing: missing.slice(0, 20),
      ...(lib ? { templateId: lib.templateId, version: lib.version } : {}),
    });
  }

  private resolve(source: DeploySource): Resolved {
    if (source.kind === 'yaml') {
      const files = { entryPath: source.entryPath, yaml: source.yaml, files: source.files, environment: null };
      return { files, library: null, verdict: versionStatus(null, files) };
    }
    const template = this.library.get(source.templateId);
    const v = this.library.getVersion(source.templateId, source.version);
    return {
      files: { entryPath: v.entryPath, yaml: v.yaml, files: v.files, environment: v.environment },
      library: { templateId: template.id, templateName: template.name, version: v.number },
      verdict: versionStatus(template, v),
    };
  }

  private body(resolved: Resolved, options: DeployOptions, stackName?: string): StackBody {
    const { body, diagnostics } = stackBodyFor(resolved.files, options);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (!body || errors.length) {
      const first = errors[0];
      throw new AppError(
        'TEMPLATE_INVALID',
        first ? msg('deploy.bundleDiagnostic', { file: first.file, line: String(first.line), text: first.msg ?? first.message }) : msg('deploy.cannotBundle'),
        {
          diagnostics: errors.slice(0, 20),
        },
      );
    }
    return { ...(stackName ? { stack_name: stackName } : {}), ...(body as StackBody) };
  }

  private remember(profileId: string, stack: StackRef, resolved: Resolved): StackOrigin | null {
    if (!resolved.library) return null;
    const origin: StackOrigin = {
      profileId,
      stackId: stack.id,
      stackName: stack.name,
      templateId: resolved.library.templateId,
      templateName: resolved.library.templateName,
      templateVersion: resolved.library.version,
      deployedAt: this.now().toISOString(),
    };
    this.origins.save(origin);
    return origin;
  }
}

/** The body's environment with its environment files applied in order (later ones win, as in Heat), for reading parameter values. */
function mergedEnvironment(body: StackBody): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  const defaults: Record<string, unknown> = {};
  const envs: unknown[] = [];
  for (const path of body.environment_files ?? []) {
    try {
      envs.push(parseYaml(body.files?.[path] ?? ''));
    } catch {
      // Heat reports a broken environment file itself.
    }
  }
  envs.push(typeof body.environment === 'string' ? safeParse(body.environment) : body.environment);
  for (const e of envs) {
    if (!e || typeof e !== 'object') continue;
    const x = e as { parameters?: unknown; parameter_defaults?: unknown };
    if (x.parameters && typeof x.parameters === 'object') Object.assign(parameters, x.parameters);
    if (x.parameter_defaults && typeof x.parameter_defaults === 'object') Object.assign(defaults, x.parameter_defaults);
  }
  return { parameters, parameter_defaults: defaults };
}

function safeParse(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return null;
  }
}

/**
 * Before anything else reaches the cloud: a library version whose status is
 * "needs editing" (or an older version, or a YAML file from outside the
 * library, that the HOT engine finds errors in offline) is refused with
 * NEEDS_EDITING and the reason, so the deploy dialog, "save and deploy", the
 * versions tab and any other caller all meet the same rule.
 */
function refuseNeedsEditing(resolved: Resolved): void {
  const { verdict, library } = resolved;
  if (verdict.status !== 'needs_editing') return;
  throw new AppError('NEEDS_EDITING', needsEditingMessage('deploy', verdict.msg ?? verdict.reason), {
    reason: verdict.reason,
    basis: verdict.basis,
    ...(library ? { templateId: library.templateId, version: library.version } : { file: resolved.files.entryPath }),
  });
}

/**
 * A parameters-only update: PATCH keeps the template and environment Heat
 * holds, and the tags too unless some are given. No tags are sent for an
 * empty list: Heat reads "" as one empty tag (seen on the test cloud), and a
 * PATCH cannot clear them (the update dialog says so).
 */
function patchBody(options: DeployOptions): StackBody {
  const body: StackBody = { parameters: options.parameters };
  if (options.timeoutMins !== null) body.timeout_mins = options.timeoutMins;
  if (options.tags.length) body.tags = options.tags;
  body.disable_rollback = options.disableRollback;
  return body;
}
