// What the set's own instance list looks like after (or during) an
// operation: the runner writes this back beside the operation state so the
// stack-set view shows each instance's latest status and Heat stack.
import { formatTimestamp, instanceKey, type StackInstance } from './model';
import type { OperationState } from './operation-state';

/**
 * Instances the operation touched take its status, message and stack id;
 * the rest are returned as they were. A completed DELETE_STACK_INSTANCES
 * removes the instance; a new instance of CREATE_STACK_INSTANCES is added
 * even if cancelled, so it can be retried and the user sees why it is there.
 */
export function instancesAfter(existing: readonly StackInstance[], state: OperationState, now: number): StackInstance[] {
  const time = formatTimestamp(now);
  const runs = new Map(state.instances.map((r) => [r.key, r]));
  const deleting = state.operation.action === 'DELETE_STACK_INSTANCES';
  const out: StackInstance[] = [];
  const seen = new Set<string>();
  for (const inst of existing) {
    const key = instanceKey(inst.region, inst.domain_id);
    seen.add(key);
    const run = runs.get(key);
    if (run === undefined) {
      out.push(inst);
      continue;
    }
    if (deleting && run.status === 'OPERATION_COMPLETE') continue;
    const unchanged = run.status === inst.status && run.status_message === inst.status_message && run.stack_id === inst.stack_id;
    out.push(
      unchanged ? inst : { ...inst, status: run.status, status_message: run.status_message, stack_id: run.stack_id ?? inst.stack_id, update_time: time },
    );
  }
  if (state.operation.action === 'CREATE_STACK_INSTANCES') {
    for (const run of state.instances) {
      if (seen.has(run.key)) continue;
      out.push({
        stack_set_id: state.operation.stack_set_id,
        region: run.region,
        domain_id: run.domain_id,
        status: run.status,
        status_message: run.status_message,
        stack_id: run.stack_id,
        create_time: time,
        update_time: time,
      });
    }
  }
  return out;
}
