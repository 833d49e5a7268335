import type { ProfileService } from '../cloud/profile-service';
import type { StackSetService } from '../stacksets/stackset-service';
import type { DomainHandlers } from './dispatcher';

export function stacksetHandlers(stacksets: StackSetService, profiles: ProfileService): DomainHandlers<'stacksets'> {
  return {
    'stacksets.profiles': () => profiles.list().map((p) => ({ id: p.id, name: p.name, projectName: p.projectName, authUrl: p.authUrl })),
    'stacksets.list': () => stacksets.listSets(),
    'stacksets.get': (req) => stacksets.getSet(req),
    'stacksets.accounts': (req) => stacksets.listAccounts(req.profile_ids),
    'stacksets.create': (req) => stacksets.createSet(req),
    'stacksets.delete': (req) => stacksets.deleteSet(req),
    'stacksets.operate': (req) => stacksets.createOperation(req),
    'stacksets.operation': (req) => stacksets.getOperation(req.stack_set_operation_id),
    'stacksets.stop': (req) => stacksets.stopOperation(req.stack_set_operation_id),
  };
}
