// The library <-> cloud sync of the seed's "sync by downloading": which
// stacks came from a template (from the local record and the offline cache,
// so it works with no network), and bringing a deployed stack's template,
// environment and files back into the library.
import { AppError } from '../../shared/ipc/errors';
import { templateStatus } from '../../shared/library/template-status';
import { stackBodyFor } from '../../shared/deploy/stack-body';
import type { Deployment } from '../../shared/ipc/sync.contract';
import type { StackRef } from '../../shared/cloud/heat-types';
import type { StackFiles } from '../../shared/library/stack-to-files';
import { deployedFiles } from '../deploy/deployed-files';
import type { TemplateSummary } from '../../shared/library/model';
import type { CloudService } from '../cloud/cloud-service';
import type { StackBody } from '../cloud/heat-client';
import type { ProfileService } from '../cloud/profile-service';
import type { CloudCacheRepo } from '../library/cloud-cache-repo';
import type { LibraryService } from '../library/library-service';
import type { StackOriginRepo } from '../library/stack-origin-repo';
import type { InventoryService } from '../existing/inventory-service';
import { revalidationReason } from '../../shared/existing/revalidate';
import { overQuotaMessage } from '../../shared/quota/verdict';
import { englishText, type Message } from '../../shared/messages/message';
import type { QuotaService } from '../quota/quota-service';
import { probeResourceValidate, type ResourceValidateSupport } from '../cloud/resource-validate-probe';

export class StackSyncService {
  /** Per profile, whether its Heat honours resource_validate (probed once: a cloud's Heat does not change under a running app). */
  private readonly resourceValidate = new Map<string, ResourceValidateSupport>();

  constructor(
    private readonly library: LibraryService,
    private readonly cloud: CloudService,
    private readonly profiles: ProfileService,
    private readonly origins: StackOriginRepo,
    private readonly cache: CloudCacheRepo,
    /** Rule 7's re-validation against the cloud's inventory (absent in tests that only need Heat). */
    private readonly inventory?: Pick<InventoryService, 'revalidate'>,
    /** The quota part of "usable" (SPEC 1.4), read now: how a status follows a quota raised or lowered since the save. */
    private readonly quota?: Pick<QuotaService, 'check'>,
  ) {}

  deployments(templateId: string): Deployment[] {
    return this.origins.listForTemplate(templateId).map((o) => {
      const seen = this.cache.stackStatus(o.profileId, o.stackId);
      let profileName = o.profileId;
      try {
        profileName = this.profiles.get(o.profileId).name;
      } catch {
        // The profile was removed since; the record stays meaningful with its id.
      }
      return { ...o, profileName, status: seen?.status ?? null, seenAt: seen?.fetchedAt ?? null };
    });
  }

  async stackFiles(profileId: string, stack: StackRef): Promise<StackFiles> {
    const origin = this.origins.get(profileId, stack.id);
    let entryPath = 'template.yaml';
    if (origin) {
      try {
        entryPath = this.library.getVersion(origin.templateId, origin.templateVersion).entryPath;
      } catch {
        // The origin template was deleted: keep the default entry name.
      }
    }
    return deployedFiles(this.cloud, profileId, stack, entryPath);
  }

  async download(
    profileId: string,
    stack: StackRef,
    target: { kind: 'new'; name: string } | { kind: 'version'; templateId?: string | undefined },
  ): Promise<{ template: TemplateSummary; version: number }> {
    const files = await this.stackFiles(profileId, stack);
    const note = `Downloaded from stack ${stack.name} (${stack.id})`;
    if (target.kind === 'new') {
      const [created] = this.library.createMany([
        { name: target.name, description: '', tags: [], from: { kind: 'files', entryPath: files.entryPath, yaml: files.yaml, files: files.files, environment: files.environment, note } },
      ]);
      return { template: created!, version: created!.latest.number };
    }
    const templateId = target.templateId ?? this.origins.get(profileId, stack.id)?.templateId;
    if (!templateId) {
      throw new AppError('BAD_REQUEST', `Stack ${stack.name} was not deployed from a library template; download it as a new template instead.`, { stack: stack.id });
    }
    const saved = this.library.saveVersion({ id: templateId, entryPath: files.entryPath, yaml: files.yaml, layout: this.library.get(templateId).latest.layout, files: files.files, environment: files.environment, note });
    return { template: saved, version: saved.latest.number };
  }

  /**
   * Recomputes a template's status on demand (SPEC 1.4): the HOT engine
   * offline, then, when a cloud profile is given and answers, rule 7's
   * re-validation against the cloud's inventory (existing resources, images,
   * flavors, key pairs, zones that no longer exist, named) and Heat's own
   * POST /validate (custom constraints), then the project's quota read now
   * (over -> needs editing, naming kinds and numbers; this is how a status
   * saved over quota clears once the quota is raised). An unreachable cloud
   * keeps the offline verdict and says so. The verdict and its reason are recorded.
   * Heat is asked for its extra resource checks (resource_validate, seed 9.3)
   * when it honours them; resourceChecks says whether it did ('ignored' or
   * 'refused' when this cloud's Heat does not), null when Heat was not asked.
   */
  async recheck(
    templateId: string,
    profileId?: string,
  ): Promise<{ status: 'usable' | 'needs_editing'; reason: string; checkedWithCloud: boolean; cloudError: string | null; resourceChecks: ResourceValidateSupport | null }> {
    const latest = this.library.get(templateId).latest;
    const offline = templateStatus(latest.yaml, latest.files, latest.environment, latest.entryPath);
    let verdict: { status: 'usable' | 'needs_editing'; reason: string | Message } = { status: offline.status, reason: offline.msg ?? offline.reason };
    let checkedWithCloud = false;
    let cloudError: string | null = null;
    let resourceChecks: ResourceValidateSupport | null = null;
    if (offline.status === 'usable' && profileId && this.inventory) {
      // Rule 7 first: an image, flavor, zone or existing resource the cloud no longer holds, named.
      try {
        const missing = await this.inventory.revalidate(profileId, latest);
        checkedWithCloud = true;
        if (missing.length) verdict = { status: 'needs_editing', reason: revalidationReason(missing) };
      } catch (err) {
        cloudError = err instanceof Error ? err.message : String(err);
      }
    }
    if (verdict.status === 'usable' && profileId && cloudError === null) {
      const { body, diagnostics } = stackBodyFor(latest, { parameters: {}, environment: null, disableRollback: false, timeoutMins: null, tags: [] });
      if (!body) {
        verdict = { status: 'needs_editing', reason: diagnostics[0]?.message ?? 'The template cannot be bundled.' };
      } else {
        try {
          const prepared = this.cloud.prepare(profileId, body as StackBody).body;
          // Asked first and apart: the probe's own refusal is never this template's fault.
          resourceChecks = await this.resourceValidateSupport(profileId).catch(() => null);
          await this.cloud.call(profileId, (h) => h.validate(prepared, { resourceValidate: resourceChecks === 'applied' }));
          checkedWithCloud = true;
        } catch (err) {
          const e = err instanceof AppError ? err : new AppError('INTERNAL', String(err));
          if (e.code === 'TEMPLATE_INVALID' || e.code === 'BAD_REQUEST') {
            checkedWithCloud = true;
            verdict = { status: 'needs_editing', reason: `Heat: ${e.message}` };
          } else {
            cloudError = e.message; // unreachable, auth...: the offline verdict stands
          }
        }
      }
    }
    if (verdict.status === 'usable' && profileId && cloudError === null && this.quota) {
      // A quota that cannot be read now comes back stale or unknown, and unknown never makes "needs editing".
      const { check, report } = await this.quota.check(profileId, latest);
      if (check.state === 'over') verdict = { status: 'needs_editing', reason: overQuotaMessage(check, report) };
    }
    this.library.recordStatus(templateId, verdict.status, verdict.reason);
    const reason = typeof verdict.reason === 'string' ? verdict.reason : englishText(verdict.reason);
    return { status: verdict.status, reason, ...(typeof verdict.reason === 'string' ? {} : { msg: verdict.reason }), checkedWithCloud, cloudError, resourceChecks };
  }

  private async resourceValidateSupport(profileId: string): Promise<ResourceValidateSupport> {
    const known = this.resourceValidate.get(profileId);
    if (known) return known;
    const found = await this.cloud.call(profileId, (h) => probeResourceValidate(h));
    this.resourceValidate.set(profileId, found);
    return found;
  }
}
