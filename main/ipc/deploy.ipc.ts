// deploy.* channels: validated by the dispatcher, handled by the deploy service.
import type { DeployService } from '../deploy/deploy-service';
import type { DomainHandlers } from './dispatcher';

export function deployHandlers(deploy: DeployService): DomainHandlers<'deploy'> {
  return {
    'deploy.preview': ({ profileId, stackName, source, options }) => deploy.preview(profileId, stackName, source, options),
    'deploy.create': ({ profileId, stackName, source, options }) => deploy.create(profileId, stackName, source, options),
    'deploy.previewUpdate': ({ profileId, stack, source, options }) => deploy.previewUpdate(profileId, stack, source, options),
    'deploy.update': ({ profileId, stack, source, options }) => deploy.update(profileId, stack, source, options),
    'deploy.origin': ({ profileId, stackId }) => deploy.origin(profileId, stackId),
    'deploy.origins': ({ profileId }) => deploy.originsOf(profileId),
  };
}
