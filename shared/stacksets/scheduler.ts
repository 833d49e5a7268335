// The operation as a reducer: every function takes a state and returns a new
// one (or a refusal, leaving the old state as it was). Time comes in as `now`
// (epoch ms); nothing here reads a clock or draws a random number.
//
// A runner drives it like this:
//   1. createOperation(...)             -> persist
//   2. activateOperation if it queued and nextQueued() names it -> persist
//   3. step(state, now)                 -> persist, then start the returned instances in Heat
//   4. onInstanceResult(state, key, 'complete' | 'failed', message, now) -> persist, go to 3
//   until isFinished(state). requestStop(state, now) may come at any time;
//   timeOutOperation(state, now) once deadlinePassed(state, now, timeoutMs).
// After a restart, load the state and go to 3: instances already
// OPERATION_IN_PROGRESS are not returned again; the runner re-attaches to their Heat stacks.
import { accept, refuse, STACK_SET_ERRORS as E, type Checked } from './errors';
import { ACTIVE_OPERATION_STATUSES, FINAL_OPERATION_STATUSES, formatTimestamp, type StackSetOperation } from './model';
import {
  allowedConcurrency,
  hasExceededTolerance,
  isFinalInstance,
  operationStatus,
  operationStatusMessage,
  regionTally,
  type InstanceRun,
  type OperationState,
} from './operation-state';

export interface InstanceStart {
  key: string;
  region: string;
  domain_id: string;
  /** The existing Heat stack for update/delete; null when the runner must create one. */
  stack_id: string | null;
}

export type InstanceOutcome = 'complete' | 'failed';

export function isFinished(state: OperationState): boolean {
  return FINAL_OPERATION_STATUSES.includes(operationStatus(state));
}

/**
 * The instances to start now. SEQUENTIAL works only in the first region
 * (in execution order) that still has an unfinished instance: the seed's
 * "执行完一个region下的全部资源栈实例后再去执行另一个region". PARALLEL fills every
 * region's slots. Within a region instances start in the targets' order.
 */
export function nextActions(state: OperationState): InstanceStart[] {
  const starts: InstanceStart[] = [];
  for (const region of workingRegions(state)) {
    const slots = allowedConcurrency(state, region) - regionTally(state, region).running;
    if (slots <= 0) continue;
    for (const i of waitingIn(state, region).slice(0, slots)) starts.push(toStart(i));
  }
  return starts;
}

/**
 * The waiting instances that start next as running ones finish: per working
 * region, the first ones in its order, as many as the region may run at
 * once. A runner reads their stacks ahead of time (the update baseline), so
 * a freed slot goes straight to Heat. Pure: it starts nothing.
 */
export function upcomingStarts(state: OperationState): InstanceStart[] {
  const out: InstanceStart[] = [];
  for (const region of workingRegions(state)) {
    const slots = allowedConcurrency(state, region);
    for (const i of waitingIn(state, region).slice(0, slots)) out.push(toStart(i));
  }
  return out;
}

/** SEQUENTIAL works only in the first region (in execution order) with an unfinished instance; PARALLEL in all. */
function workingRegions(state: OperationState): string[] {
  if (operationStatus(state) !== 'OPERATION_IN_PROGRESS') return [];
  const regions = state.regions.map((r) => r.region);
  if (state.preferences.regionConcurrencyType !== 'SEQUENTIAL') return regions;
  const current = regions.find((region) => state.instances.some((i) => i.region === region && !isFinalInstance(i.status)));
  return current === undefined ? [] : [current];
}

function waitingIn(state: OperationState, region: string): InstanceRun[] {
  return state.instances.filter((i) => i.region === region && i.status === 'WAIT_IN_PROGRESS');
}

function toStart(i: InstanceRun): InstanceStart {
  return { key: i.key, region: i.region, domain_id: i.domain_id, stack_id: i.stack_id };
}

/** Marks instances as started; only ones nextActions would return are accepted. */
export function startInstances(state: OperationState, keys: readonly string[], now: number): Checked<OperationState> {
  const allowed = new Set(nextActions(state).map((s) => s.key));
  const bad = keys.find((k) => !allowed.has(k));
  if (bad !== undefined) {
    const known = state.instances.some((i) => i.key === bad);
    return known
      ? refuse(E.instanceNotStartable, 'instance', `stack instance ${bad} may not start now`)
      : refuse(E.instanceUnknown, 'instance', `stack instance ${bad} is not part of this operation`);
  }
  const time = formatTimestamp(now);
  const chosen = new Set(keys);
  return accept(
    settle({ ...state, instances: state.instances.map((i) => (chosen.has(i.key) ? { ...i, status: 'OPERATION_IN_PROGRESS', started_at: time } : i)) }, now),
  );
}

/** nextActions and startInstances in one transition: persist the returned state before starting the instances. */
export function step(state: OperationState, now: number): { state: OperationState; starts: InstanceStart[] } {
  const starts = nextActions(state);
  if (starts.length === 0) return { state, starts };
  const started = startInstances(
    state,
    starts.map((s) => s.key),
    now,
  );
  // nextActions' own answer is always startable; a refusal here would be a bug in this module.
  if (!started.ok) throw new Error(started.error.error_msg);
  return { state: started.value, starts };
}

/** Records the Heat stack id once the runner has created the instance's stack. */
export function recordStackId(state: OperationState, key: string, stackId: string, now: number): Checked<OperationState> {
  if (!state.instances.some((i) => i.key === key)) return refuse(E.instanceUnknown, 'instance', `stack instance ${key} is not part of this operation`);
  return accept(settle({ ...state, instances: state.instances.map((i) => (i.key === key ? { ...i, stack_id: stackId } : i)) }, now));
}

/**
 * An instance finished. When its region's failures exceed the tolerance the
 * seed cancels still-waiting instances: "如果定义region顺序执行(SEQUENTIAL)，在某个region
 * 超过容错次数时，资源栈集会取消所有状态仍处于WAIT_IN_PROGRESS状态的实例" (every region),
 * "如果是region并行执行(PARALLEL)...只会取消该region下所有处于WAIT_IN_PROGRESS状态的实例";
 * running and finished instances "不受影响，状态不变".
 */
export function onInstanceResult(
  state: OperationState,
  key: string,
  outcome: InstanceOutcome,
  message: string,
  now: number,
  stackId?: string,
): Checked<OperationState> {
  const run = state.instances.find((i) => i.key === key);
  if (run === undefined) return refuse(E.instanceUnknown, 'instance', `stack instance ${key} is not part of this operation`);
  if (run.status !== 'OPERATION_IN_PROGRESS') {
    return refuse(E.instanceNotRunning, 'instance', `stack instance ${key} is ${run.status}, not OPERATION_IN_PROGRESS`);
  }
  const time = formatTimestamp(now);
  let next: OperationState = {
    ...state,
    instances: state.instances.map((i) =>
      i.key === key
        ? {
            ...i,
            status: outcome === 'complete' ? 'OPERATION_COMPLETE' : 'OPERATION_FAILED',
            status_message: message,
            finished_at: time,
            stack_id: stackId ?? i.stack_id,
          }
        : i,
    ),
  };
  if (outcome === 'failed' && hasExceededTolerance(next, run.region)) {
    const sequential = next.preferences.regionConcurrencyType === 'SEQUENTIAL';
    const reason = `cancelled: failed stack instances in region "${run.region}" exceeded the failure tolerance`;
    next = cancelWaiting(next, (i) => sequential || i.region === run.region, reason, time);
  }
  return accept(settle(next, now));
}

/**
 * Stop: nothing new starts, waiting instances are cancelled, running ones are
 * left to finish (Heat cannot abandon a stack mid-create), and the stop
 * completes when none is running. Stopping twice is the same as once.
 */
export function requestStop(state: OperationState, now: number): Checked<OperationState> {
  const status = operationStatus(state);
  if (status === 'STOP_IN_PROGRESS') return accept(state);
  if (FINAL_OPERATION_STATUSES.includes(status)) {
    return refuse(E.operationNotActive, 'stack_set_operation_id', `operation ${state.operation.stack_set_operation_id} has already ended (${status})`);
  }
  const stopped = cancelWaiting({ ...state, stop: 'requested' }, () => true, 'cancelled: the operation was stopped', formatTimestamp(now));
  return accept(settle(stopped, now));
}

/** The runner could not carry out a stop (e.g. lost the cloud); the operation ends STOP_FAILED. */
export function reportStopFailed(state: OperationState, message: string, now: number): Checked<OperationState> {
  if (operationStatus(state) !== 'STOP_IN_PROGRESS') {
    return refuse(E.operationNotActive, 'stack_set_operation_id', `operation ${state.operation.stack_set_operation_id} is not stopping`);
  }
  return accept(settle({ ...state, stop: 'failed', stopMessage: message }, now));
}

/**
 * The runner's deadline passed. Waiting instances are cancelled and running
 * ones are marked failed (their Heat stacks are no longer watched), and the
 * operation fails with the seed's "资源栈集操作超时" reason.
 */
export function timeOutOperation(state: OperationState, now: number): Checked<OperationState> {
  if (operationStatus(state) !== 'OPERATION_IN_PROGRESS') {
    return refuse(E.operationNotActive, 'stack_set_operation_id', `operation ${state.operation.stack_set_operation_id} is not running`);
  }
  const time = formatTimestamp(now);
  const cancelled = cancelWaiting(state, () => true, 'cancelled: the operation timed out', time);
  const instances = cancelled.instances.map((i) =>
    i.status === 'OPERATION_IN_PROGRESS'
      ? { ...i, status: 'OPERATION_FAILED' as const, status_message: 'timed out waiting for the stack', finished_at: time }
      : i,
  );
  return accept(settle({ ...cancelled, instances, timedOut: true }, now));
}

/**
 * Whether a running operation has used up its time: counted from when it
 * began running (running_since), not from its creation, so an operation that
 * waited an hour in QUEUE_IN_PROGRESS behind another one still gets its whole
 * timeout once it starts. Never true while queued, stopping or finished.
 */
export function deadlinePassed(state: OperationState, now: number, timeoutMs: number): boolean {
  if (operationStatus(state) !== 'OPERATION_IN_PROGRESS' || state.running_since === null) return false;
  return now - Date.parse(state.running_since) > timeoutMs;
}

/** A queued operation's turn has come (see nextQueued); its timeout starts counting now. */
export function activateOperation(state: OperationState, now: number): Checked<OperationState> {
  if (operationStatus(state) !== 'QUEUE_IN_PROGRESS') {
    return refuse(E.operationNotActive, 'stack_set_operation_id', `operation ${state.operation.stack_set_operation_id} is not queued`);
  }
  return accept(settle({ ...state, queued: false, running_since: formatTimestamp(now) }, now));
}

/**
 * Operations on one set run one at a time, oldest first. Returns the id of the
 * queued operation that may start, or null while another one holds the set.
 */
export function nextQueued(operations: readonly StackSetOperation[]): string | null {
  if (operations.some((o) => ACTIVE_OPERATION_STATUSES.includes(o.status))) return null;
  const queued = operations
    .filter((o) => o.status === 'QUEUE_IN_PROGRESS')
    .sort((a, b) => a.create_time.localeCompare(b.create_time) || a.stack_set_operation_id.localeCompare(b.stack_set_operation_id));
  return queued[0]?.stack_set_operation_id ?? null;
}

function cancelWaiting(state: OperationState, inScope: (i: InstanceRun) => boolean, reason: string, time: string): OperationState {
  return {
    ...state,
    instances: state.instances.map((i) =>
      i.status === 'WAIT_IN_PROGRESS' && inScope(i) ? { ...i, status: 'CANCEL_COMPLETE', status_message: reason, finished_at: time } : i,
    ),
  };
}

/** Brings the seed metadata (status, status_message, update_time) in line with the instances. */
function settle(state: OperationState, now: number): OperationState {
  const status = operationStatus(state);
  return {
    ...state,
    operation: { ...state.operation, status, status_message: operationStatusMessage(state, status), update_time: formatTimestamp(now) },
  };
}
