// The status steps that ask the cloud of the profile the user chose ("Check
// again", SPEC 1.4), in the order they run: rule 7's re-validation against
// the cloud's inventory, Heat's own POST /validate (with resource_validate
// when this Heat honours it), then the project's quota read now. Each is
// optional: a step whose service is not wired is left out.
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import { stackBodyFor } from '../../shared/deploy/stack-body';
import { revalidationMessage } from '../../shared/existing/revalidate';
import type { AsyncStatusStep, StepResult } from '../../shared/library/status-steps';
import { quotaResult } from '../../shared/library/offline-status';
import type { TemplateVersion } from '../../shared/library/model';
import type { CloudService } from '../cloud/cloud-service';
import type { StackBody } from '../cloud/heat-client';
import type { ResourceValidateSupport } from '../cloud/resource-validate-probe';
import type { InventoryService } from '../existing/inventory-service';
import type { QuotaService } from '../quota/quota-service';

export interface CloudStepInput {
  profileId: string;
  profileName: string | null;
  version: TemplateVersion;
}

export type CloudStep = AsyncStatusStep<CloudStepInput>;

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Rule 7 first: an image, flavor, zone or existing resource the cloud no longer holds, named. */
export function inventoryStep(inventory: Pick<InventoryService, 'revalidate'>): CloudStep {
  return {
    name: 'inventory',
    async run({ profileId, version }) {
      try {
        const reason = revalidationMessage(await inventory.revalidate(profileId, version));
        return reason ? { kind: 'fail', reason, checkedWithCloud: true } : { kind: 'pass', checkedWithCloud: true };
      } catch (err) {
        return { kind: 'unreachable', error: errorText(err) };
      }
    },
  };
}

/**
 * Heat's validate, on the body a deploy would send (with the sandbox
 * environment of a sandbox profile). Heat's refusal makes "needs editing";
 * any other failure (unreachable, auth...) leaves the verdict so far.
 */
export function heatValidateStep(
  cloud: Pick<CloudService, 'validate'>,
  resourceValidateSupport: (profileId: string) => Promise<ResourceValidateSupport>,
): CloudStep {
  return {
    name: 'heat',
    async run({ profileId, version }): Promise<StepResult> {
      const { body, diagnostics } = stackBodyFor(version, { parameters: {}, environment: null, disableRollback: false, timeoutMins: null, tags: [] });
      if (!body) {
        const first = diagnostics[0];
        return { kind: 'fail', reason: first ? (first.msg ?? msg('status.text', { text: first.message })) : msg('status.cannotBundle') };
      }
      let resourceChecks: ResourceValidateSupport | null = null;
      try {
        // Asked first and apart: the probe's own refusal is never this template's fault.
        resourceChecks = await resourceValidateSupport(profileId).catch(() => null);
        await cloud.validate(profileId, body as StackBody, { resourceValidate: resourceChecks === 'applied' });
        return { kind: 'pass', checkedWithCloud: true, resourceChecks };
      } catch (err) {
        const e = err instanceof AppError ? err : new AppError('INTERNAL', String(err));
        if (e.code === 'TEMPLATE_INVALID' || e.code === 'BAD_REQUEST') {
          return { kind: 'fail', reason: msg('status.heat', { text: e.msg ?? e.message }), checkedWithCloud: true, resourceChecks };
        }
        return { kind: 'unreachable', error: e.message, resourceChecks };
      }
    },
  };
}

/**
 * The project's quota read now: over -> needs editing, naming kinds and
 * numbers; this is how a status saved over quota clears once the quota is
 * raised. A quota that cannot be read now comes back stale or unknown, and
 * unknown never makes "needs editing".
 */
export function liveQuotaStep(quota: Pick<QuotaService, 'check'>): CloudStep {
  return {
    name: 'quota',
    async run({ profileId, profileName, version }) {
      const { check, report } = await quota.check(profileId, version);
      return quotaResult(check, report, profileName);
    },
  };
}
