import { describe, expect, it } from 'vitest';
import { instanceKey as k, instancesAfter, simulate, step } from '../../../../shared/stacksets';
import { domains, makeInstances, mustCreate, operationInput, T0 } from './fixtures';

describe("the set's instances after an operation", () => {
  it('mirrors a running operation onto the instances it touches and leaves the others alone', () => {
    const existing = makeInstances(['r1', 'r2'], domains(2));
    const state = step(mustCreate(operationInput(['r1'], domains(2), undefined, { instances: existing })), T0).state;
    const after = instancesAfter(existing, state, T0 + 1);
    expect(after.map((i) => i.status)).toEqual(['OPERATION_IN_PROGRESS', 'WAIT_IN_PROGRESS', 'OPERATION_COMPLETE', 'OPERATION_COMPLETE']);
    expect(after[2]).toBe(existing[2]);
    expect(after[0]?.update_time).toBe('2024-04-22T07:17:29.001Z');
  });

  it('removes instances a DELETE_STACK_INSTANCES completed and keeps the ones that failed', () => {
    const existing = makeInstances(['r1'], domains(3));
    const state = mustCreate(operationInput(['r1'], domains(3), { failure_tolerance_count: 1 }, { action: 'DELETE_STACK_INSTANCES' }));
    const { state: end } = simulate(state, (s) => ({ duration: 1, fails: s.key === k('r1', 'p2') }));
    expect(instancesAfter(existing, end, T0).map((i) => [i.domain_id, i.status])).toEqual([['p2', 'OPERATION_FAILED']]);
  });

  it('adds the instances a CREATE_STACK_INSTANCES made, with their Heat stack ids, and keeps cancelled ones', () => {
    const existing = makeInstances(['r1'], ['p1']);
    const state = mustCreate(operationInput(['r2'], domains(2), undefined, { action: 'CREATE_STACK_INSTANCES', instances: existing }));
    const { state: end } = simulate(state, (s) => ({ duration: 1, fails: s.key === k('r2', 'p1') }));
    const after = instancesAfter(existing, end, T0);
    expect(after.map((i) => [i.region, i.domain_id, i.status])).toEqual([
      ['r1', 'p1', 'OPERATION_COMPLETE'],
      ['r2', 'p1', 'OPERATION_FAILED'],
      ['r2', 'p2', 'CANCEL_COMPLETE'],
    ]);
    expect(after[2]?.stack_id).toBeNull();
  });
});
