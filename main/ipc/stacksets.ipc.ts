import type { StackSetService } from '../stacksets/stackset-service';
import type { DomainHandlers } from './dispatcher';

export function stacksetHandlers(stacksets: StackSetService): DomainHandlers<'stacksets'> {
  return {
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
