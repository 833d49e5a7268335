import { describe, expect, it } from 'vitest';
import {
  allowedConcurrency,
  instanceKey,
  nextActions,
  onInstanceResult,
  operationStatus,
  regionTally,
  seededRng,
  startInstances,
  step,
  upcomingStarts,
  requestStop,
  STACK_SET_ERRORS,
  type OperationState,
} from '../../../../shared/stacksets';
import { domains, must, mustCreate, operationInput, statuses, T0 } from './fixtures';

const k = instanceKey;
const startedRegions = (s: { region: string }[]) => [...new Set(s.map((x) => x.region))];

function finish(state: OperationState, key: string, outcome: 'complete' | 'failed', at = T0 + 1000): OperationState {
  return must(onInstanceResult(state, key, outcome, outcome === 'failed' ? 'CREATE_FAILED: quota' : '', at));
}

/** Drives an operation, failing exactly the listed keys, and returns the state after every instance has a result. */
function runAll(state: OperationState, failing: ReadonlySet<string>): { state: OperationState; order: string[] } {
  const order: string[] = [];
  let s = state;
  let now = T0;
  for (;;) {
    const r = step(s, now);
    s = r.state;
    const running = s.instances.filter((i) => i.status === 'OPERATION_IN_PROGRESS');
    const next = running[0];
    if (next === undefined) return { state: s, order };
    order.push(next.key);
    now += 10;
    s = finish(s, next.key, failing.has(next.key) ? 'failed' : 'complete', now);
  }
}

describe('default preferences', () => {
  it('runs one instance at a time and finishes a region before starting the next', () => {
    const { state, order } = runAll(mustCreate(operationInput(['r1', 'r2', 'r3'], domains(3))), new Set());
    const regionsInOrder = order.map((key) => key.split('/')[0]);
    expect(regionsInOrder).toHaveLength(9);
    // each region's three instances are contiguous
    for (let i = 0; i < 9; i += 3) expect(new Set(regionsInOrder.slice(i, i + 3)).size).toBe(1);
    expect(operationStatus(state)).toBe('OPERATION_COMPLETE');
  });

  it('draws the region order from the injected rng, the same for the same seed', () => {
    const order = (seed: number) =>
      mustCreate(operationInput(['r1', 'r2', 'r3', 'r4', 'r5'], ['p1'], undefined, { rng: seededRng(seed) })).regions.map((r) => r.region);
    expect(order(1)).toEqual(order(1));
    const seen = new Set([1, 2, 3, 4, 5, 6].map((seed) => order(seed).join(',')));
    expect(seen.size).toBeGreaterThan(1);
  });

  it('follows region_order exactly when given', () => {
    const state = mustCreate(operationInput(['r1', 'r2', 'r3'], ['p1'], { region_order: ['r3', 'r1', 'r2'] }));
    const { order } = runAll(state, new Set());
    expect(order).toEqual([k('r3', 'p1'), k('r1', 'p1'), k('r2', 'p1')]);
  });

  it('does not start the next SEQUENTIAL region while an instance of the current one is still running', () => {
    let s = mustCreate(operationInput(['r1', 'r2'], domains(2), { region_order: ['r1', 'r2'], max_concurrent_count: 2, failure_tolerance_count: 1 }));
    s = step(s, T0).state;
    s = finish(s, k('r1', 'p1'), 'complete');
    expect(nextActions(s)).toEqual([]);
    s = finish(s, k('r1', 'p2'), 'complete');
    expect(startedRegions(nextActions(s))).toEqual(['r2']);
  });
});

describe('concurrency', () => {
  it('starts every PARALLEL region at once, each up to its concurrency', () => {
    const s = mustCreate(
      operationInput(['r1', 'r2', 'r3'], domains(4), { region_concurrency_type: 'PARALLEL', max_concurrent_count: 2, failure_tolerance_count: 1 }),
    );
    const starts = nextActions(s);
    expect(starts).toHaveLength(6);
    for (const r of ['r1', 'r2', 'r3']) expect(starts.filter((x) => x.region === r)).toHaveLength(2);
  });

  it('uses floor(percentage x instances in the region) per region, at least 1', () => {
    const input = operationInput(['big', 'small'], domains(10), {
      region_concurrency_type: 'PARALLEL',
      max_concurrent_percentage: 30,
      failure_tolerance_percentage: 40,
    });
    // 'small' manages only two of the ten domains
    const s = mustCreate({ ...input, instances: input.instances.filter((i) => i.region === 'big' || ['p1', 'p2'].includes(i.domain_id)) });
    expect(s.regions).toEqual([
      { region: 'big', tolerance: 4, concurrency: 3 },
      { region: 'small', tolerance: 0, concurrency: 1 },
    ]);
    const starts = nextActions(s);
    expect(starts.filter((x) => x.region === 'big')).toHaveLength(3);
    expect(starts.filter((x) => x.region === 'small')).toHaveLength(1);
  });

  it('fills a freed slot with the next waiting instance', () => {
    let s = mustCreate(operationInput(['r1'], domains(5), { max_concurrent_count: 2, failure_tolerance_count: 1 }));
    s = step(s, T0).state;
    s = finish(s, k('r1', 'p1'), 'complete');
    expect(nextActions(s).map((x) => x.key)).toEqual([k('r1', 'p3')]);
  });

  it('refuses to start an instance the scheduler did not offer, leaving the state as it was', () => {
    const s = mustCreate(operationInput(['r1'], domains(3)));
    const r = startInstances(s, [k('r1', 'p3')], T0);
    expect(!r.ok && r.error.error_code).toBe(STACK_SET_ERRORS.instanceNotStartable);
    expect(statuses(s)[k('r1', 'p3')]).toBe('WAIT_IN_PROGRESS');
  });
});

describe('failure tolerance modes', () => {
  const prefs = { max_concurrent_count: 4, failure_tolerance_count: 3 };

  it('lowers the STRICT concurrency by one for every failure in the region', () => {
    let s = mustCreate(operationInput(['r1'], domains(10), prefs));
    s = step(s, T0).state;
    expect(regionTally(s, 'r1').running).toBe(4);
    s = finish(s, k('r1', 'p1'), 'failed');
    expect(allowedConcurrency(s, 'r1')).toBe(3);
    expect(nextActions(s)).toEqual([]);
    s = finish(s, k('r1', 'p2'), 'failed');
    s = finish(s, k('r1', 'p3'), 'complete');
    expect(allowedConcurrency(s, 'r1')).toBe(2);
    expect(nextActions(s)).toHaveLength(1);
  });

  it('keeps the STRICT concurrency at 1, not 0, while failures are within tolerance', () => {
    let s = mustCreate(operationInput(['r1'], domains(5), { failure_tolerance_count: 2 }));
    s = step(s, T0).state;
    s = finish(s, k('r1', 'p1'), 'failed');
    expect(allowedConcurrency(s, 'r1')).toBe(1);
    expect(nextActions(s)).toHaveLength(1);
  });

  it('keeps the SOFT concurrency after failures when the tolerance is a count', () => {
    let s = mustCreate(operationInput(['r1'], domains(10), { ...prefs, failure_tolerance_mode: 'SOFT_FAILURE_TOLERANCE' }));
    s = step(s, T0).state;
    s = finish(s, k('r1', 'p1'), 'failed');
    s = finish(s, k('r1', 'p2'), 'failed');
    expect(allowedConcurrency(s, 'r1')).toBe(4);
    expect(nextActions(s)).toHaveLength(2);
  });

  it('lets SOFT failures with a count tolerance go past tolerance + 1', () => {
    let s = mustCreate(
      operationInput(['r1'], domains(6), { max_concurrent_count: 2, failure_tolerance_count: 1, failure_tolerance_mode: 'SOFT_FAILURE_TOLERANCE' }),
    );
    s = step(s, T0).state; // p1, p2
    s = finish(s, k('r1', 'p1'), 'failed');
    s = step(s, T0).state; // p3 joins p2: SOFT keeps 2
    s = finish(s, k('r1', 'p2'), 'failed');
    s = finish(s, k('r1', 'p3'), 'failed');
    expect(regionTally(s, 'r1').failed).toBe(3);
  });

  it('keeps the SOFT concurrency with a percentage tolerance until the failures still allowed bound it', () => {
    // 10 instances: tolerance 30% = 3, concurrency 2. STRICT would drop to 1 after the first failure.
    let s = mustCreate(
      operationInput(['r1'], domains(10), { max_concurrent_count: 2, failure_tolerance_percentage: 30, failure_tolerance_mode: 'SOFT_FAILURE_TOLERANCE' }),
    );
    s = step(s, T0).state; // p1, p2
    s = finish(s, k('r1', 'p1'), 'failed');
    expect(allowedConcurrency(s, 'r1')).toBe(2);
    s = step(s, T0).state; // p3 joins p2
    s = finish(s, k('r1', 'p2'), 'failed');
    expect(allowedConcurrency(s, 'r1')).toBe(2);
    s = step(s, T0).state; // p4 joins p3
    s = finish(s, k('r1', 'p3'), 'failed');
    // 3 failed, tolerance 3: one more failure allowed, and p4 is already running
    expect(allowedConcurrency(s, 'r1')).toBe(1);
    expect(nextActions(s)).toEqual([]);
  });

  it('drops STRICT to 1 where SOFT with the same percentage keeps 2', () => {
    let s = mustCreate(operationInput(['r1'], domains(10), { max_concurrent_count: 2, failure_tolerance_percentage: 30 }));
    s = step(s, T0).state;
    s = finish(s, k('r1', 'p1'), 'failed');
    expect(allowedConcurrency(s, 'r1')).toBe(1);
    expect(nextActions(s)).toEqual([]);
  });
});

describe('when a region exceeds its tolerance', () => {
  it('cancels waiting instances in every region when a SEQUENTIAL region exceeds its tolerance', () => {
    let s = mustCreate(operationInput(['r1', 'r2'], domains(4), { region_order: ['r1', 'r2'], max_concurrent_count: 2, failure_tolerance_count: 1 }));
    s = step(s, T0).state; // r1/p1, r1/p2
    s = finish(s, k('r1', 'p1'), 'complete');
    s = step(s, T0).state; // r1/p3 joins r1/p2
    s = finish(s, k('r1', 'p2'), 'failed');
    s = finish(s, k('r1', 'p3'), 'failed'); // 2 > 1
    const st = statuses(s);
    expect(st[k('r1', 'p1')]).toBe('OPERATION_COMPLETE');
    expect(st[k('r1', 'p2')]).toBe('OPERATION_FAILED');
    expect(st[k('r1', 'p4')]).toBe('CANCEL_COMPLETE');
    for (const d of domains(4)) expect(st[k('r2', d)]).toBe('CANCEL_COMPLETE');
    expect(operationStatus(s)).toBe('OPERATION_FAILED');
    expect(s.operation.status_message).toBe('failed stack instances exceeded the failure tolerance in region "r1" (2 failed, tolerance 1)');
    expect(s.instances.find((i) => i.key === k('r2', 'p1'))?.status_message).toContain('"r1" exceeded the failure tolerance');
  });

  it('lets a running instance finish after the SEQUENTIAL cancellation, keeping its own result', () => {
    let s = mustCreate(
      operationInput(['r1', 'r2'], domains(3), {
        region_order: ['r1', 'r2'],
        max_concurrent_count: 2,
        failure_tolerance_count: 1,
        failure_tolerance_mode: 'SOFT_FAILURE_TOLERANCE',
      }),
    );
    s = step(s, T0).state; // p1, p2
    s = finish(s, k('r1', 'p1'), 'failed');
    s = step(s, T0).state; // p3 joins p2
    s = finish(s, k('r1', 'p2'), 'failed');
    expect(statuses(s)[k('r1', 'p3')]).toBe('OPERATION_IN_PROGRESS');
    expect(operationStatus(s)).toBe('OPERATION_IN_PROGRESS');
    s = finish(s, k('r1', 'p3'), 'complete');
    expect(statuses(s)[k('r1', 'p3')]).toBe('OPERATION_COMPLETE');
    expect(operationStatus(s)).toBe('OPERATION_FAILED');
  });

  it('cancels only that region’s waiting instances under PARALLEL and lets the others finish', () => {
    let s = mustCreate(operationInput(['r1', 'r2'], domains(3), { region_concurrency_type: 'PARALLEL' }));
    s = step(s, T0).state;
    s = finish(s, k('r1', 'p1'), 'failed');
    const st = statuses(s);
    expect(st[k('r1', 'p2')]).toBe('CANCEL_COMPLETE');
    expect(st[k('r1', 'p3')]).toBe('CANCEL_COMPLETE');
    expect(st[k('r2', 'p1')]).toBe('OPERATION_IN_PROGRESS');
    expect(st[k('r2', 'p2')]).toBe('WAIT_IN_PROGRESS');
    const { state } = runAll(s, new Set());
    expect(state.instances.filter((i) => i.region === 'r2').map((i) => i.status)).toEqual(['OPERATION_COMPLETE', 'OPERATION_COMPLETE', 'OPERATION_COMPLETE']);
    expect(operationStatus(state)).toBe('OPERATION_FAILED');
  });

  it('completes the operation when failures stay within the tolerance, saying how many failed', () => {
    const s = mustCreate(operationInput(['r1', 'r2'], domains(3), { failure_tolerance_count: 1 }));
    const { state } = runAll(s, new Set([k('r1', 'p2'), k('r2', 'p3')]));
    expect(operationStatus(state)).toBe('OPERATION_COMPLETE');
    expect(state.operation.status).toBe('OPERATION_COMPLETE');
    expect(state.operation.status_message).toBe('2 stack instance(s) failed within the failure tolerance');
    expect(state.instances.some((i) => i.status === 'CANCEL_COMPLETE')).toBe(false);
  });

  it('records the failure message on the instance and keeps its Heat stack id', () => {
    let s = mustCreate(operationInput(['r1'], domains(2), { failure_tolerance_count: 1 }));
    s = step(s, T0).state;
    s = must(onInstanceResult(s, k('r1', 'p1'), 'failed', 'Resource CREATE failed: quota', T0 + 5));
    expect(s.instances[0]).toMatchObject({ status: 'OPERATION_FAILED', status_message: 'Resource CREATE failed: quota', stack_id: 'stack-r1-p1' });
  });
});

describe('instance results', () => {
  it('refuses a result for an instance that is not running or not in the operation, changing nothing', () => {
    const s = step(mustCreate(operationInput(['r1'], domains(2))), T0).state;
    const waiting = onInstanceResult(s, k('r1', 'p2'), 'complete', '', T0);
    const stranger = onInstanceResult(s, k('r9', 'p1'), 'complete', '', T0);
    expect(!waiting.ok && waiting.error.error_code).toBe(STACK_SET_ERRORS.instanceNotRunning);
    expect(!stranger.ok && stranger.error.error_code).toBe(STACK_SET_ERRORS.instanceUnknown);
    expect(statuses(s)).toEqual({ [k('r1', 'p1')]: 'OPERATION_IN_PROGRESS', [k('r1', 'p2')]: 'WAIT_IN_PROGRESS' });
  });

  it('never mutates the state it is given', () => {
    const s = step(mustCreate(operationInput(['r1'], domains(2))), T0).state;
    const frozen = JSON.stringify(s);
    finish(s, k('r1', 'p1'), 'failed');
    expect(JSON.stringify(s)).toBe(frozen);
  });
});

describe('upcomingStarts (what a runner may read ahead)', () => {
  it('PARALLEL: per region, the next waiting instances in start order, as many as the region runs at once', () => {
    let s = mustCreate(operationInput(['r1', 'r2'], domains(5), { region_concurrency_type: 'PARALLEL', max_concurrent_count: 2, failure_tolerance_count: 1 }));
    s = step(s, T0).state;
    const upcoming = upcomingStarts(s);
    expect(upcoming.map((u) => u.key)).toEqual([k('r1', 'p3'), k('r1', 'p4'), k('r2', 'p3'), k('r2', 'p4')]);
    // exactly the ones that start as the running ones finish
    s = finish(s, k('r1', 'p1'), 'complete');
    expect(step(s, T0 + 2000).starts.map((x) => x.key)).toEqual([upcoming[0]?.key]);
  });

  it('SEQUENTIAL: only the region being worked on; nothing once the operation is stopped', () => {
    let s = mustCreate(operationInput(['r1', 'r2'], domains(3), { region_order: ['r2', 'r1'] }));
    s = step(s, T0).state;
    expect(upcomingStarts(s).map((u) => u.key)).toEqual([k('r2', 'p2')]);
    s = must(requestStop(s, T0 + 10));
    expect(upcomingStarts(s)).toEqual([]);
  });
});
