// What a queued operation's selection becomes when its turn comes (pure, so it
// is unit-tested without a cloud). Its targets were checked when it was
// queued; an operation before it may since have created or deleted some of
// those instances: such an instance is cancelled, with the reason.
import type { OperationState } from '../../shared/stacksets/operation-state';

/** The key `existing` holds for an instance of the set: region and project. */
export function pairKey(region: string, domainId: string): string {
  return `${region}\u0000${domainId}`;
}

/**
 * A waiting instance of a create whose pair now exists, or of any other action
 * whose pair no longer exists, is cancelled; every other instance is kept as is.
 */
export function recheckQueued(next: OperationState, existing: ReadonlySet<string>, now: number): OperationState {
  const creating = next.operation.action === 'CREATE_STACK_INSTANCES';
  const time = new Date(now).toISOString();
  return {
    ...next,
    instances: next.instances.map((i) => {
      const exists = existing.has(pairKey(i.region, i.domain_id));
      if (i.status !== 'WAIT_IN_PROGRESS' || exists !== creating) return i;
      const why = creating ? 'cancelled: the stack instance was created by an earlier operation' : 'cancelled: the stack instance no longer exists';
      return { ...i, status: 'CANCEL_COMPLETE' as const, status_message: why, finished_at: time };
    }),
  };
}
