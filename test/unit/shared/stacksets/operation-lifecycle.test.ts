import { describe, expect, it } from 'vitest';
import { SEED_AGENCY_FIELDS, SEED_OPERATION_FIELDS } from '../../../support/seed-operation-fields';
import {
  activateOperation,
  deadlinePassed,
  instanceKey as k,
  isFinished,
  nextActions,
  nextQueued,
  onInstanceResult,
  operationStatus,
  parseOperationState,
  recordStackId,
  reportStopFailed,
  requestStop,
  simulate,
  step,
  STACK_SET_ERRORS,
  TIMESTAMP_PATTERN,
  timeOutOperation,
  type OperationState,
  type StackSetOperation,
} from '../../../../shared/stacksets';
import { domains, makeSet, must, mustCreate, operationInput, statuses, T0 } from './fixtures';

const SEED_METADATA_FIELDS = [...SEED_OPERATION_FIELDS, ...SEED_AGENCY_FIELDS].sort();

describe('operation metadata', () => {
  it('has exactly the seed fields, with the agency fields the set uses', () => {
    const s = mustCreate(operationInput(['r1'], ['p1'], { failure_tolerance_count: 1 }));
    expect(Object.keys(s.operation).sort()).toEqual(SEED_METADATA_FIELDS);
    expect(s.operation).toMatchObject({
      stack_set_name: 'HelloWorld',
      status: 'OPERATION_IN_PROGRESS',
      action: 'UPDATE_STACK_INSTANCES',
      deployment_targets: { regions: ['r1'], domain_ids: ['p1'] },
      operation_preferences: { failure_tolerance_count: 1 },
      create_time: '2024-04-22T07:17:29.000Z',
    });
  });

  it('leaves every agency field out for a SERVICE_MANAGED set', () => {
    const set = makeSet({ permission_model: 'SERVICE_MANAGED', administration_agency_urn: undefined, managed_agency_name: undefined });
    const s = mustCreate(operationInput(['r1'], ['p1'], undefined, { set }));
    expect(Object.keys(s.operation)).not.toContain('managed_agency_name');
    expect(Object.keys(s.operation)).not.toContain('administration_agency_urn');
  });

  it('never echoes an agency field for SERVICE_MANAGED, even from a stored set row that carries one', () => {
    const set = makeSet({ permission_model: 'SERVICE_MANAGED', administration_agency_name: 'a', administration_agency_urn: 'u', managed_agency_name: 'm' });
    const s = mustCreate(operationInput(['r1'], ['p1'], undefined, { set }));
    expect(Object.keys(s.operation).sort()).toEqual(SEED_METADATA_FIELDS.filter((f) => !f.includes('agency')));
  });

  it('writes update_time in the seed format, in UTC with milliseconds, on every transition', () => {
    let s = mustCreate(operationInput(['r1'], ['p1']));
    s = step(s, T0 + 1).state;
    s = must(onInstanceResult(s, k('r1', 'p1'), 'complete', '', T0 + 61_234));
    expect(s.operation.update_time).toBe('2024-04-22T07:18:30.234Z');
    expect(s.operation.create_time).toMatch(TIMESTAMP_PATTERN);
    expect(s.instances[0]?.finished_at).toBe('2024-04-22T07:18:30.234Z');
  });

  it('starts new instances of CREATE_STACK_INSTANCES without a Heat stack and records it once made', () => {
    const input = operationInput(['r1'], ['p1', 'p2'], undefined, { action: 'CREATE_STACK_INSTANCES', instances: [] });
    let s = mustCreate(input);
    const [first] = nextActions(s);
    expect(first).toEqual({ key: k('r1', 'p1'), region: 'r1', domain_id: 'p1', stack_id: null });
    s = step(s, T0).state;
    s = must(recordStackId(s, k('r1', 'p1'), 'heat-1', T0 + 1));
    expect(s.instances[0]?.stack_id).toBe('heat-1');
  });
});

describe('stopping an operation', () => {
  it('cancels waiting instances, lets running ones finish, then completes the stop', () => {
    let s = mustCreate(operationInput(['r1', 'r2'], domains(3), { region_order: ['r1', 'r2'] }));
    s = step(s, T0).state;
    s = must(requestStop(s, T0 + 5));
    expect(operationStatus(s)).toBe('STOP_IN_PROGRESS');
    expect(s.operation.status).toBe('STOP_IN_PROGRESS');
    expect(nextActions(s)).toEqual([]);
    expect(Object.values(statuses(s)).filter((x) => x === 'CANCEL_COMPLETE')).toHaveLength(5);
    s = must(onInstanceResult(s, k('r1', 'p1'), 'complete', '', T0 + 9));
    expect(s.operation.status).toBe('STOP_COMPLETE');
    expect(s.operation.status_message).toBe('stopped by the user');
    expect(isFinished(s)).toBe(true);
  });

  it('completes a stop at once when nothing is running', () => {
    const s = must(requestStop(mustCreate(operationInput(['r1'], domains(2))), T0));
    expect(s.operation.status).toBe('STOP_COMPLETE');
  });

  it('treats a second stop as the first and refuses a stop after the end', () => {
    let s = step(mustCreate(operationInput(['r1'], domains(2))), T0).state;
    s = must(requestStop(s, T0));
    expect(must(requestStop(s, T0 + 1))).toBe(s);
    s = must(onInstanceResult(s, k('r1', 'p1'), 'failed', 'x', T0 + 2));
    const again = requestStop(s, T0 + 3);
    expect(!again.ok && again.error.error_code).toBe(STACK_SET_ERRORS.operationNotActive);
  });

  it('ends STOP_FAILED when the runner reports the stop could not be carried out', () => {
    let s = step(mustCreate(operationInput(['r1'], domains(2))), T0).state;
    expect(reportStopFailed(s, 'cloud unreachable', T0).ok).toBe(false);
    s = must(requestStop(s, T0));
    s = must(reportStopFailed(s, 'cloud unreachable', T0 + 1));
    expect(s.operation).toMatchObject({ status: 'STOP_FAILED', status_message: 'cloud unreachable' });
  });
});

describe('operations queued on one set', () => {
  const running = { status: 'OPERATION_IN_PROGRESS' as const };

  it('queues behind a running operation and starts nothing until activated', () => {
    let s = mustCreate(operationInput(['r1'], domains(2), undefined, { otherOperations: [running] }));
    expect(s.operation.status).toBe('QUEUE_IN_PROGRESS');
    expect(nextActions(s)).toEqual([]);
    s = must(activateOperation(s, T0 + 1));
    expect(s.operation.status).toBe('OPERATION_IN_PROGRESS');
    expect(nextActions(s)).toHaveLength(1);
    expect(activateOperation(s, T0 + 2).ok).toBe(false);
  });

  it('queues behind an operation that is itself queued', () => {
    expect(mustCreate(operationInput(['r1'], ['p1'], undefined, { otherOperations: [{ status: 'QUEUE_IN_PROGRESS' }] })).queued).toBe(true);
    expect(mustCreate(operationInput(['r1'], ['p1'], undefined, { otherOperations: [{ status: 'OPERATION_FAILED' }] })).queued).toBe(false);
  });

  it('lets the oldest queued operation run once none holds the set', () => {
    const op = (id: string, status: StackSetOperation['status'], at: number) => ({
      ...mustCreate(operationInput(['r1'], ['p1'])).operation,
      stack_set_operation_id: id,
      status,
      create_time: new Date(at).toISOString(),
    });
    expect(nextQueued([op('a', 'OPERATION_IN_PROGRESS', 1), op('b', 'QUEUE_IN_PROGRESS', 2)])).toBeNull();
    expect(nextQueued([op('a', 'STOP_IN_PROGRESS', 1), op('b', 'QUEUE_IN_PROGRESS', 2)])).toBeNull();
    expect(nextQueued([op('a', 'OPERATION_COMPLETE', 1), op('c', 'QUEUE_IN_PROGRESS', 3), op('b', 'QUEUE_IN_PROGRESS', 2)])).toBe('b');
    expect(nextQueued([op('a', 'OPERATION_COMPLETE', 1)])).toBeNull();
  });

  it('stops a queued operation at once, cancelling all its instances', () => {
    const s = must(requestStop(mustCreate(operationInput(['r1'], domains(2), undefined, { otherOperations: [running] })), T0));
    expect(s.operation.status).toBe('STOP_COMPLETE');
    expect(Object.values(statuses(s))).toEqual(['CANCEL_COMPLETE', 'CANCEL_COMPLETE']);
  });
});

describe('persisting and resuming', () => {
  const plan = (key: string) => ({ duration: 10 + (key.length % 3) * 7, fails: /p[23]$/.test(key) });

  function runWithRestart(state: OperationState, restartAfter: number): OperationState {
    let s = state;
    let now = T0;
    for (let transitions = 0; ; transitions++) {
      if (transitions === restartAfter) s = must(parseOperationState(JSON.parse(JSON.stringify(s))));
      const r = step(s, now);
      s = r.state;
      const running = s.instances.find((i) => i.status === 'OPERATION_IN_PROGRESS');
      if (running === undefined) return s;
      now += plan(running.key).duration;
      s = must(onInstanceResult(s, running.key, plan(running.key).fails ? 'failed' : 'complete', '', now));
    }
  }

  it('continues from a state read back from JSON exactly as if it had never stopped', () => {
    const initial = mustCreate(operationInput(['r1', 'r2'], domains(4), { failure_tolerance_count: 1 }));
    const straight = runWithRestart(initial, -1);
    for (const at of [0, 1, 3, 5]) expect(runWithRestart(initial, at)).toEqual(straight);
    expect(straight.operation.status).toBe('OPERATION_FAILED');
  });

  it('does not offer a running instance again after a restart', () => {
    const s = step(mustCreate(operationInput(['r1'], domains(3))), T0).state;
    const resumed = must(parseOperationState(JSON.parse(JSON.stringify(s))));
    expect(nextActions(resumed)).toEqual([]);
  });

  it('refuses a stored state whose status does not follow from its instances', () => {
    const s = step(mustCreate(operationInput(['r1'], domains(3))), T0).state;
    const lying = { ...s, operation: { ...s.operation, status: 'OPERATION_COMPLETE' } };
    const r = parseOperationState(JSON.parse(JSON.stringify(lying)));
    expect(!r.ok && r.error.error_code).toBe(STACK_SET_ERRORS.stateInvalid);
    expect(parseOperationState({ schema: 2 }).ok).toBe(false);
  });

  it('simulates to the same end state whatever the wall clock', () => {
    const a = simulate(mustCreate(operationInput(['r1', 'r2'], domains(3))), (x) => plan(x.key));
    const b = simulate(mustCreate(operationInput(['r1', 'r2'], domains(3))), (x) => plan(x.key), { startAt: 0 });
    expect(a).toEqual(b);
  });
});

describe('timing out', () => {
  it('fails the operation as timed out, cancelling waiting instances and failing running ones', () => {
    let s = step(mustCreate(operationInput(['r1'], domains(3), { failure_tolerance_count: 2 })), T0).state;
    s = must(timeOutOperation(s, T0 + 3_600_000));
    expect(s.operation).toMatchObject({ status: 'OPERATION_FAILED', status_message: 'the stack set operation timed out' });
    expect(Object.values(statuses(s))).toEqual(['OPERATION_FAILED', 'CANCEL_COMPLETE', 'CANCEL_COMPLETE']);
    expect(must(parseOperationState(JSON.parse(JSON.stringify(s))))).toEqual(s);
    expect(timeOutOperation(s, T0).ok).toBe(false);
  });

  const HOUR = 3_600_000;
  const running = { status: 'OPERATION_IN_PROGRESS' as const };

  it('counts an operation that never queued from its creation', () => {
    const s = step(mustCreate(operationInput(['r1'], domains(2))), T0).state;
    expect(s.running_since).toBe(s.operation.create_time);
    expect(deadlinePassed(s, T0 + HOUR, HOUR)).toBe(false);
    expect(deadlinePassed(s, T0 + HOUR + 1, HOUR)).toBe(true);
  });

  it('counts a queued operation from its activation, not from its creation', () => {
    let s = mustCreate(operationInput(['r1'], domains(2), undefined, { otherOperations: [running] }));
    expect(s.running_since).toBeNull();
    // Queued for two hours behind another operation: no deadline while queued.
    expect(deadlinePassed(s, T0 + 2 * HOUR, HOUR)).toBe(false);
    s = must(activateOperation(s, T0 + 2 * HOUR));
    s = step(s, T0 + 2 * HOUR).state;
    expect(s.running_since).toBe('2024-04-22T09:17:29.000Z');
    // From creation this would be three hours; it has run for one.
    expect(deadlinePassed(s, T0 + 3 * HOUR, HOUR)).toBe(false);
    expect(deadlinePassed(s, T0 + 3 * HOUR + 1, HOUR)).toBe(true);
    s = must(timeOutOperation(s, T0 + 3 * HOUR + 1));
    expect(s.operation.status).toBe('OPERATION_FAILED');
    // Finished: never past a deadline again.
    expect(deadlinePassed(s, T0 + 10 * HOUR, HOUR)).toBe(false);
  });

  it('has no deadline while stopping', () => {
    let s = step(mustCreate(operationInput(['r1'], domains(2))), T0).state;
    s = must(requestStop(s, T0 + 1));
    expect(s.operation.status).toBe('STOP_IN_PROGRESS');
    expect(deadlinePassed(s, T0 + 2 * HOUR, HOUR)).toBe(false);
  });

  it('keeps running_since through persistence and derives it for rows written before it existed', () => {
    let s = mustCreate(operationInput(['r1'], domains(2), undefined, { otherOperations: [running] }));
    s = step(must(activateOperation(s, T0 + 2 * HOUR)), T0 + 2 * HOUR + 500).state;
    expect(must(parseOperationState(JSON.parse(JSON.stringify(s))))).toEqual(s);
    const { running_since: _dropped, ...legacy } = s;
    void _dropped;
    // The earliest instance start, not the creation time (which would count the queue).
    expect(must(parseOperationState(JSON.parse(JSON.stringify(legacy)))).running_since).toBe('2024-04-22T09:17:29.500Z');
    const queued = mustCreate(operationInput(['r1'], domains(2), undefined, { otherOperations: [running] }));
    const { running_since: _q, ...legacyQueued } = queued;
    void _q;
    expect(must(parseOperationState(JSON.parse(JSON.stringify(legacyQueued)))).running_since).toBeNull();
    const r = parseOperationState({ ...JSON.parse(JSON.stringify(s)), running_since: 'yesterday' });
    expect(!r.ok && r.error.error_code).toBe(STACK_SET_ERRORS.stateInvalid);
  });
});
