import type { StackSyncService } from '../files/stack-sync';
import type { TemplateStatusService } from '../template-status/status-service';
import type { DomainHandlers } from './dispatcher';

export function syncHandlers(sync: StackSyncService, status: Pick<TemplateStatusService, 'recheck'>): DomainHandlers<'sync'> {
  return {
    'sync.deployments': (req) => sync.deployments(req.templateId),
    'sync.downloadStack': async (req) => {
      const { template, version } = await sync.download(req.profileId, req.stack, req.target);
      const { versions: _v, latest: _l, ...summary } = template as typeof template & { versions?: unknown; latest?: unknown };
      return { template: summary, version };
    },
    'sync.recheck': (req) => status.recheck(req.templateId, req.profileId),
    'sync.stackTemplate': async (req) => {
      const f = await sync.stackFiles(req.profileId, req.stack);
      return { yaml: f.yaml, files: f.files, environment: f.environment };
    },
  };
}
