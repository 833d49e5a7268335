// quota.* channels: validated by the dispatcher, handled by the quota service
// (the deploy service resolves a deploy source to its files).
import type { DeployService } from '../deploy/deploy-service';
import type { QuotaService } from '../quota/quota-service';
import type { DomainHandlers } from './dispatcher';

export function quotaHandlers(quota: QuotaService, deploy: Pick<DeployService, 'checkQuota' | 'checkUpdateQuota'>): DomainHandlers<'quota'> {
  return {
    'quota.read': ({ profileId }) => quota.read(profileId),
    'quota.lastKnown': ({ profileId }) => quota.lastKnown(profileId),
    'quota.checkDeploy': ({ profileId, source, options }) => deploy.checkQuota(profileId, source, options),
    'quota.checkUpdate': ({ profileId, stack, source, options }) => deploy.checkUpdateQuota(profileId, stack, source, options),
  };
}
