// The scheduler's state and the facts derived from it. The state is plain
// JSON data (no classes, no Maps, no functions) so the main-process runner can
// persist it after every transition and resume from the row after a restart.
// Counts (running, failed, ...) are always derived from the instance list,
// never stored beside it, so a persisted state cannot contradict itself.
import type { ResolvedPreferences } from './preferences';
import { FINAL_INSTANCE_STATUSES, type InstanceStatus, type OperationStatus, type StackSetOperation } from './model';

export const OPERATION_STATE_SCHEMA = 1;

/** One stack instance inside one operation. */
export interface InstanceRun {
  key: string;
  region: string;
  domain_id: string;
  status: InstanceStatus;
  status_message: string;
  /** The Heat stack the instance maps to; known for existing instances, filled in by the runner for new ones. */
  stack_id: string | null;
  started_at: string | null;
  finished_at: string | null;
}

export interface RegionRun {
  region: string;
  tolerance: number;
  /** The concurrency the preferences ask for; STRICT lowers what is actually used (allowedConcurrency). */
  concurrency: number;
}

export interface OperationState {
  schema: typeof OPERATION_STATE_SCHEMA;
  /** The seed's metadata; its status and status_message are kept equal to the derived ones. */
  operation: StackSetOperation;
  preferences: ResolvedPreferences;
  /** In execution order: region_order, or the random order drawn at creation, for SEQUENTIAL. */
  regions: RegionRun[];
  /** Grouped by region in execution order, domain ids in the order the targets gave them. */
  instances: InstanceRun[];
  /** Waiting behind another operation on the same set. */
  queued: boolean;
  stop: 'none' | 'requested' | 'failed';
  stopMessage: string;
  /** The runner gave up waiting (seed: "资源栈集操作超时" is a reason an operation fails). */
  timedOut: boolean;
  /**
   * When the operation left the queue and began running (its creation time
   * when nothing was ahead of it); null while queued. The operation's timeout
   * counts from here: time spent waiting behind another operation is not the
   * operation's own running time.
   */
  running_since: string | null;
}

export interface RegionTally {
  waiting: number;
  running: number;
  complete: number;
  failed: number;
  cancelled: number;
}

export function isFinalInstance(status: InstanceStatus): boolean {
  return FINAL_INSTANCE_STATUSES.includes(status);
}

export function regionTally(state: OperationState, region: string): RegionTally {
  const t: RegionTally = { waiting: 0, running: 0, complete: 0, failed: 0, cancelled: 0 };
  for (const i of state.instances) {
    if (i.region !== region) continue;
    if (i.status === 'WAIT_IN_PROGRESS') t.waiting++;
    else if (i.status === 'OPERATION_IN_PROGRESS') t.running++;
    else if (i.status === 'OPERATION_COMPLETE') t.complete++;
    else if (i.status === 'OPERATION_FAILED') t.failed++;
    else if (i.status === 'CANCEL_COMPLETE') t.cancelled++;
  }
  return t;
}

function regionRun(state: OperationState, region: string): RegionRun {
  const r = state.regions.find((x) => x.region === region);
  if (r === undefined) throw new Error(`region ${region} is not part of operation ${state.operation.stack_set_operation_id}`);
  return r;
}

/** Seed: "在某个region超过容错次数时" - more failures than the tolerance. */
export function hasExceededTolerance(state: OperationState, region: string): boolean {
  return regionTally(state, region).failed > regionRun(state, region).tolerance;
}

/**
 * How many instances the region may have in flight right now.
 *
 * STRICT_FAILURE_TOLERANCE. Seed: "此选项会动态降低并发级别，以确保同region下部署失败的
 * 账户数量永远不超过 failure_tolerance_count + 1" and "初始实际最大并发数为
 * max_concurrent_count ... 随后，实际最大并发数会根据失败次数增加而减少" (the initial
 * actual concurrency is the requested one, and it then decreases as failures
 * increase). So every failure takes one slot away: max(1, concurrency - failed).
 * Never below 1 while the region is within tolerance, or it would stall. With
 * concurrency <= tolerance + 1 (validated) this keeps failed + running <=
 * tolerance + 1, the seed's guarantee.
 *
 * SOFT_FAILURE_TOLERANCE. Seed: "该参数允许资源栈集操作始终以指定的
 * max_concurrent_count 或 max_concurrent_percentage 操作资源栈实例" (always the
 * requested concurrency), "此时不保证资源栈实例失败总数小于 failure_tolerance_count + 1，
 * 如果用户指定的是failure_tolerance_percentage的值，则部署失败次数不会超过
 * failure_tolerance_percentage * 资源栈实例数 + 1". With a count the concurrency is
 * kept as is (failures can reach tolerance + concurrency). With a percentage
 * the seed still promises failures <= floor(percentage x instances) + 1, which
 * only holds if in-flight instances never outnumber the failures still
 * allowed, so there the concurrency is kept but capped by that remaining
 * budget: min(concurrency, tolerance + 1 - failed).
 *
 * Zero once the region has exceeded its tolerance: nothing new starts there.
 */
export function allowedConcurrency(state: OperationState, region: string): number {
  const r = regionRun(state, region);
  const failed = regionTally(state, region).failed;
  if (failed > r.tolerance) return 0;
  if (state.preferences.failureToleranceMode === 'STRICT_FAILURE_TOLERANCE') return Math.max(1, r.concurrency - failed);
  if (state.preferences.failureTolerance.kind === 'percentage') return Math.min(r.concurrency, r.tolerance + 1 - failed);
  return r.concurrency;
}

/** The operation status that follows from the instances and the stop/queue flags. */
export function operationStatus(state: OperationState): OperationStatus {
  const running = state.instances.some((i) => i.status === 'OPERATION_IN_PROGRESS');
  if (state.stop === 'failed') return 'STOP_FAILED';
  if (state.stop === 'requested') return running ? 'STOP_IN_PROGRESS' : 'STOP_COMPLETE';
  if (state.queued) return 'QUEUE_IN_PROGRESS';
  if (state.timedOut) return 'OPERATION_FAILED';
  if (running || state.instances.some((i) => i.status === 'WAIT_IN_PROGRESS')) return 'OPERATION_IN_PROGRESS';
  return state.regions.some((r) => hasExceededTolerance(state, r.region)) ? 'OPERATION_FAILED' : 'OPERATION_COMPLETE';
}

/**
 * The seed's status_message: "资源栈实例部署或删除失败个数超过上限" is the operation-level
 * reason; per-instance reasons stay on the instances.
 */
export function operationStatusMessage(state: OperationState, status: OperationStatus): string {
  if (status === 'STOP_FAILED') return state.stopMessage;
  const exceeded = state.regions
    .map((r) => ({ r, failed: regionTally(state, r.region).failed }))
    .filter(({ r, failed }) => failed > r.tolerance)
    .map(({ r, failed }) => `region "${r.region}" (${failed} failed, tolerance ${r.tolerance})`);
  if (status === 'STOP_IN_PROGRESS' || status === 'STOP_COMPLETE') {
    return exceeded.length > 0 ? `stopped by the user; failed stack instances exceeded the failure tolerance in ${exceeded.join(', ')}` : 'stopped by the user';
  }
  if (state.timedOut) return 'the stack set operation timed out';
  if (exceeded.length > 0) return `failed stack instances exceeded the failure tolerance in ${exceeded.join(', ')}`;
  const failed = state.instances.filter((i) => i.status === 'OPERATION_FAILED').length;
  if (status === 'OPERATION_COMPLETE' && failed > 0) return `${failed} stack instance(s) failed within the failure tolerance`;
  return '';
}
