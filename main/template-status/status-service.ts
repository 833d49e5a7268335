// "Check again" (SPEC 1.4): a template's status recomputed now by every step
// of the pipeline (shared/library/status-steps.ts) — the save's offline HOT
// check, then, for the profile the user chose, rule 7, Heat's validate and
// the quota read now — and recorded with the quota reading it used.
import { hotStep } from '../../shared/library/offline-status';
import { runStatusStepsAsync, type AsyncStatusStep, type PipelineOutcome } from '../../shared/library/status-steps';
import type { StatusQuotaSource } from '../../shared/library/model';
import type { Message } from '../../shared/messages/message';
import type { CloudService } from '../cloud/cloud-service';
import type { ProfileService } from '../cloud/profile-service';
import type { ResourceValidateSupport } from '../cloud/resource-validate-probe';
import type { InventoryService } from '../existing/inventory-service';
import type { LibraryService } from '../library/library-service';
import type { QuotaService } from '../quota/quota-service';
import { heatValidateStep, inventoryStep, liveQuotaStep, type CloudStep, type CloudStepInput } from './cloud-steps';

export interface RecheckResult {
  status: 'usable' | 'needs_editing';
  reason: string;
  msg?: Message;
  checkedWithCloud: boolean;
  cloudError: string | null;
  /** 'ignored' or 'refused' when this cloud's Heat does not run its extra resource checks; null when Heat was not asked. */
  resourceChecks: ResourceValidateSupport | null;
  /** Whose quota the status was judged against; null when quota played no part. */
  quota: StatusQuotaSource | null;
}

export class TemplateStatusService {
  /** Per profile, whether its Heat honours resource_validate (probed once: a cloud's Heat does not change under a running app). */
  private readonly resourceValidate = new Map<string, ResourceValidateSupport>();
  private readonly cloudSteps: CloudStep[];

  constructor(
    private readonly library: Pick<LibraryService, 'get' | 'recordStatus'>,
    private readonly cloud: Pick<CloudService, 'validate' | 'probeResourceValidate'>,
    private readonly profiles: Pick<ProfileService, 'get'>,
    /** Rule 7's re-validation against the cloud's inventory (absent: the step is left out). */
    inventory?: Pick<InventoryService, 'revalidate'>,
    /** The quota part of "usable" (absent: the step is left out). */
    quota?: Pick<QuotaService, 'check'>,
  ) {
    this.cloudSteps = [
      ...(inventory ? [inventoryStep(inventory)] : []),
      heatValidateStep(cloud, (id) => this.resourceValidateSupport(id)),
      ...(quota ? [liveQuotaStep(quota)] : []),
    ];
  }

  /**
   * Every step for the template's latest version: offline only without a
   * profile; an unreachable cloud keeps the offline verdict and says so
   * (cloudError). The verdict, its reason and the quota source are recorded.
   */
  async recheck(templateId: string, profileId?: string): Promise<RecheckResult> {
    const version = this.library.get(templateId).latest;
    const input: CloudStepInput = { profileId: profileId ?? '', profileName: profileId ? this.profileName(profileId) : null, version };
    const offline: AsyncStatusStep<CloudStepInput> = { name: hotStep.name, run: ({ version: v }) => hotStep.run(v) };
    const outcome: PipelineOutcome = await runStatusStepsAsync([offline, ...(profileId ? this.cloudSteps : [])], input);
    this.library.recordStatus(templateId, outcome.status, outcome.msg ?? '', outcome.quota);
    const { status, reason, msg, checkedWithCloud, cloudError, resourceChecks, quota } = outcome;
    return { status, reason, ...(msg ? { msg } : {}), checkedWithCloud, cloudError, resourceChecks, quota };
  }

  private profileName(profileId: string): string | null {
    try {
      return this.profiles.get(profileId).name;
    } catch {
      return null; // an unknown profile: the cloud steps say so themselves
    }
  }

  private async resourceValidateSupport(profileId: string): Promise<ResourceValidateSupport> {
    const known = this.resourceValidate.get(profileId);
    if (known) return known;
    const found = await this.cloud.probeResourceValidate(profileId);
    this.resourceValidate.set(profileId, found);
    return found;
  }
}
