// What the stacks store needs to count a stack's progress between full
// resource reads: the watcher's event deltas applied to the last resource
// list, the action's start, and the resources Heat's change preview said an
// update from this studio will touch. Plain data and functions, so the
// stacks list's bar, the stack header and the tests all count the same way.
import { actionProgress, type ActionProgress } from '../../shared/cloud/resource-phase';
import { isInProgress, type HeatResource, type StackChange } from '../../shared/cloud/heat-types';
import { resourceStack } from '../stacks/live-topology';

export interface ProgressState {
  status: string | null;
  actionStartedAt: string | null;
  resources: readonly HeatResource[];
  /** Resource names the previewed update will change; dropped when the stack settles. */
  expected: ReadonlySet<string> | null;
}

export const emptyProgressState = (): ProgressState => ({ status: null, actionStartedAt: null, resources: [], expected: null });

/**
 * Applies event-derived status deltas to a resource list before it is re-read.
 * The event's time becomes the local copy's updated_time: Heat itself only
 * moves that time on updates, and the progress count needs to know that a
 * resource changed during the current action (a replacement's CREATE_COMPLETE).
 */
export function applyResourceChanges(list: readonly HeatResource[], c: Pick<StackChange, 'resourceChanges'>, topId: string): HeatResource[] {
  const byKey = new Map(c.resourceChanges.map((r) => [`${r.stack_id ?? topId}/${r.resource_name}`, r]));
  return list.map((r) => {
    const ch = byKey.get(`${resourceStack(r, topId)}/${r.resource_name}`);
    if (!ch) return r;
    const updated = r.updated_time && r.updated_time > ch.event_time ? r.updated_time : ch.event_time;
    return {
      ...r,
      resource_status: ch.resource_status,
      resource_status_reason: ch.resource_status_reason,
      physical_resource_id: ch.physical_resource_id ?? r.physical_resource_id,
      updated_time: updated,
    };
  });
}

export function nextProgressState(prev: ProgressState, c: StackChange): ProgressState {
  const resources = c.resources ?? (c.resourceChanges.length ? applyResourceChanges(prev.resources, c, c.stack.id) : prev.resources);
  const status = c.status ?? prev.status;
  return {
    status,
    actionStartedAt: c.actionStartedAt ?? prev.actionStartedAt,
    resources,
    // Kept from the moment the update is sent (the stack may still read as settled) until it ends.
    expected: isInProgress(prev.status) && !isInProgress(status) ? null : prev.expected,
  };
}

export function progressOfState(s: ProgressState): ActionProgress {
  return actionProgress({ stackStatus: s.status, actionStartedAt: s.actionStartedAt, resources: s.resources, expected: s.expected });
}

/** The resource names a Heat preview says an update changes (its lists hold resource dicts). */
export function previewedNames(changes: Partial<Record<'added' | 'deleted' | 'replaced' | 'updated', unknown[]>> | null): Set<string> | null {
  if (!changes) return null;
  const names = new Set<string>();
  for (const list of [changes.added, changes.deleted, changes.replaced, changes.updated])
    for (const item of list ?? []) {
      const name = (item as { resource_name?: unknown } | null)?.resource_name;
      if (typeof name === 'string') names.add(name);
    }
  return names;
}
