import { describe, expect, it } from 'vitest';
import { idealMakespan, instanceKey as k, simulate, validatePreferences, type OperationPreferences } from '../../../../shared/stacksets';
import { domains, mustCreate, operationInput } from './fixtures';

function prefs(raw: OperationPreferences, regions: string[]) {
  const r = validatePreferences(raw, regions);
  if (!r.ok) throw new Error(r.error.error_msg);
  return r.value;
}

describe('the simulator', () => {
  it('adds up instance durations when everything runs one at a time', () => {
    const s = mustCreate(operationInput(['r1', 'r2'], domains(3)));
    const { makespan, state, decisions } = simulate(s, () => ({ duration: 10, fails: false }));
    expect(makespan).toBe(60);
    expect(state.operation.status).toBe('OPERATION_COMPLETE');
    expect(decisions).toBe(12);
  });

  it('overlaps PARALLEL regions and concurrent instances', () => {
    const s = mustCreate(
      operationInput(['r1', 'r2'], domains(4), { region_concurrency_type: 'PARALLEL', max_concurrent_count: 2, failure_tolerance_count: 1 }),
    );
    expect(simulate(s, () => ({ duration: 10, fails: false })).makespan).toBe(20);
  });

  it('stops at the requested virtual time and lets running instances finish', () => {
    const s = mustCreate(operationInput(['r1'], domains(4)));
    const { makespan, state } = simulate(s, () => ({ duration: 10, fails: false }), { stopAt: 15 });
    expect(state.operation.status).toBe('STOP_COMPLETE');
    expect(makespan).toBe(20);
    expect(state.instances.map((i) => i.status)).toEqual(['OPERATION_COMPLETE', 'OPERATION_COMPLETE', 'CANCEL_COMPLETE', 'CANCEL_COMPLETE']);
  });

  it('ignores a stop time after the operation has ended', () => {
    const s = mustCreate(operationInput(['r1'], domains(2)));
    const { makespan, state } = simulate(s, () => ({ duration: 10, fails: false }), { stopAt: 500 });
    expect(state.operation.status).toBe('OPERATION_COMPLETE');
    expect(makespan).toBe(20);
  });

  it('shortens the run when a failure cancels the rest', () => {
    const s = mustCreate(operationInput(['r1', 'r2'], domains(3), { region_order: ['r1', 'r2'] }));
    const { makespan, state } = simulate(s, (x) => ({ duration: 10, fails: x.key === k('r1', 'p1') }));
    expect(makespan).toBe(10);
    expect(state.operation.status).toBe('OPERATION_FAILED');
  });
});

describe('the ideal makespan', () => {
  it('is the sum of region lower bounds for SEQUENTIAL and their maximum for PARALLEL', () => {
    const durations = [
      ['r1', [10, 10, 10, 10]],
      ['r2', [40, 5]],
    ] as const;
    expect(idealMakespan(prefs({ max_concurrent_count: 2, failure_tolerance_count: 1 }, ['r1', 'r2']), durations)).toBe(20 + 40);
    expect(idealMakespan(prefs({ region_concurrency_type: 'PARALLEL', max_concurrent_count: 2, failure_tolerance_count: 1 }, ['r1', 'r2']), durations)).toBe(
      40,
    );
    expect(idealMakespan(prefs({}, ['r1', 'r2']), durations)).toBe(85);
  });

  it('never exceeds what the simulator achieves without failures', () => {
    const raw: OperationPreferences = { region_concurrency_type: 'PARALLEL', max_concurrent_percentage: 60, failure_tolerance_percentage: 50 };
    const s = mustCreate(operationInput(['r1', 'r2'], domains(5), raw));
    const duration = (key: string) => 5 + ((key.charCodeAt(key.length - 1) * 7) % 11);
    const { makespan } = simulate(s, (x) => ({ duration: duration(x.key), fails: false }));
    const byRegion = ['r1', 'r2'].map((r) => [r, domains(5).map((d) => duration(k(r, d)))] as const);
    expect(idealMakespan(s.preferences, byRegion)).toBeLessThanOrEqual(makespan);
  });
});
