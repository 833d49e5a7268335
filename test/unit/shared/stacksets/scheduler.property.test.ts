// Property tests: random sets, preferences and failure patterns, run through
// the simulator with every transition checked against an oracle written here
// from the seed's rules (not from the scheduler's own helpers).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createOperation,
  instanceKey,
  operationStatus,
  seededRng,
  simulate,
  type OperationPreferences,
  type OperationState,
  type SimulationEvent,
} from '../../../../shared/stacksets';
import { domains, makeInstances, operationInput } from './fixtures';

interface Scenario {
  /** Domains managed per region: region i has p1..p{sizes[i]}. */
  sizes: number[];
  prefs: OperationPreferences;
  fails: boolean[];
  durations: number[];
  stopAt: number | null;
  seed: number;
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 }),
    type: fc.constantFrom(undefined, 'SEQUENTIAL' as const, 'PARALLEL' as const),
    ordered: fc.boolean(),
    tolerance: fc.oneof(
      fc.constant(undefined),
      fc.record({ count: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ percentage: fc.integer({ min: 0, max: 100 }) }),
    ),
    concurrency: fc.oneof(
      fc.constant(undefined),
      fc.record({ count: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ percentage: fc.integer({ min: 1, max: 100 }) }),
    ),
    mode: fc.constantFrom(undefined, 'STRICT_FAILURE_TOLERANCE' as const, 'SOFT_FAILURE_TOLERANCE' as const),
    failRate: fc.constantFrom(0, 0.1, 0.3, 0.6, 1),
    noise: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 32, maxLength: 32 }),
    durations: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 32, maxLength: 32 }),
    stopAt: fc.option(fc.integer({ min: 0, max: 60 }), { freq: 2 }),
    seed: fc.integer(),
  })
  .map((r) => {
    const regionNames = r.sizes.map((_, i) => `r${i + 1}`);
    const prefs: OperationPreferences = {};
    if (r.type) prefs.region_concurrency_type = r.type;
    if (r.ordered && r.type !== 'PARALLEL') prefs.region_order = [...regionNames].reverse();
    if (r.tolerance && 'count' in r.tolerance) prefs.failure_tolerance_count = r.tolerance.count;
    if (r.tolerance && 'percentage' in r.tolerance) prefs.failure_tolerance_percentage = r.tolerance.percentage;
    if (r.concurrency && 'count' in r.concurrency) prefs.max_concurrent_count = r.concurrency.count;
    if (r.concurrency && 'percentage' in r.concurrency) prefs.max_concurrent_percentage = r.concurrency.percentage;
    if (r.mode) prefs.failure_tolerance_mode = r.mode;
    return { sizes: r.sizes, prefs, fails: r.noise.map((x) => x < r.failRate), durations: r.durations, stopAt: r.stopAt, seed: r.seed };
  });

/** The seed's limits, restated independently of shared/stacksets/preferences. */
function oracleLimits(p: OperationPreferences, n: number): { T: number; C: number } {
  const T = p.failure_tolerance_count ?? Math.floor(((p.failure_tolerance_percentage ?? 0) * n) / 100);
  const C = p.max_concurrent_count ?? (p.max_concurrent_percentage === undefined ? 1 : Math.max(1, Math.floor((p.max_concurrent_percentage * n) / 100)));
  return { T, C };
}

function build(s: Scenario) {
  const regions = s.sizes.map((_, i) => `r${i + 1}`);
  const all = domains(Math.max(...s.sizes));
  const instances = regions.flatMap((r, i) => makeInstances([r], domains(s.sizes[i] as number)));
  const input = { ...operationInput(regions, all, s.prefs), instances, rng: seededRng(s.seed) };
  const limits = new Map(regions.map((r, i) => [r, oracleLimits(s.prefs, s.sizes[i] as number)]));
  const plan = new Map(
    instances.map((inst, idx) => [
      instanceKey(inst.region, inst.domain_id),
      { duration: s.durations[idx % 32] as number, fails: s.fails[idx % 32] as boolean },
    ]),
  );
  return { regions, input, limits, plan };
}

function count(state: OperationState, region: string, status: string): number {
  return state.instances.filter((i) => i.region === region && i.status === status).length;
}

const FINAL = ['OPERATION_COMPLETE', 'OPERATION_FAILED', 'CANCEL_COMPLETE'];

describe('the scheduler over random sets, preferences and failures', () => {
  it('accepts exactly the preferences whose concurrency is at most tolerance + 1 in every region', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { input, limits } = build(s);
        const valid = [...limits.values()].every(({ T, C }) => C <= T + 1);
        const r = createOperation(input);
        expect(r.ok).toBe(valid);
        if (!r.ok) expect(r.error.error_code).toBe('SS.400.0047');
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every invariant on every transition and ends in a status that follows from the instances', () => {
    const valid = scenario.filter((s) =>
      s.sizes.every((n) => {
        const { T, C } = oracleLimits(s.prefs, n);
        return C <= T + 1;
      }),
    );
    fc.assert(
      fc.property(valid, (s) => {
        const { input, limits, plan } = build(s);
        const created = createOperation(input);
        if (!created.ok) throw new Error(created.error.error_msg);
        const strict = s.prefs.failure_tolerance_mode !== 'SOFT_FAILURE_TOLERANCE';
        const sequential = s.prefs.region_concurrency_type !== 'PARALLEL';
        const percentTolerance = s.prefs.failure_tolerance_percentage !== undefined;
        const order = created.value.regions.map((r) => r.region);
        if (s.prefs.region_order) expect(order).toEqual(s.prefs.region_order);
        let stopped = false;

        const check = (before: OperationState, after: OperationState, event: SimulationEvent) => {
          expect(after.operation.status).toBe(operationStatus(after));
          expect(JSON.parse(JSON.stringify(after))).toEqual(after);
          if (event.kind === 'stop') stopped = true;
          const exceededNow = new Set<string>();
          for (const [region, { T, C }] of limits) {
            const failed = count(after, region, 'OPERATION_FAILED');
            const running = count(after, region, 'OPERATION_IN_PROGRESS');
            expect(running).toBeLessThanOrEqual(C);
            if (strict) {
              expect(failed).toBeLessThanOrEqual(T + 1);
              if (failed <= T) expect(running).toBeLessThanOrEqual(Math.max(1, C - failed));
            } else if (percentTolerance) {
              expect(failed).toBeLessThanOrEqual(T + 1);
            } else {
              expect(failed).toBeLessThanOrEqual(T + C);
            }
            if (failed > T && count(before, region, 'OPERATION_FAILED') <= T) exceededNow.add(region);
          }
          if (sequential) {
            const active = order.filter((r) => count(after, r, 'OPERATION_IN_PROGRESS') > 0);
            expect(active.length).toBeLessThanOrEqual(1);
            const [current] = active;
            if (current !== undefined) {
              for (const earlier of order.slice(0, order.indexOf(current))) {
                expect(after.instances.filter((i) => i.region === earlier).every((i) => FINAL.includes(i.status))).toBe(true);
              }
            }
          }
          // Which instances changed, and how: exactly what the event allows.
          after.instances.forEach((a, idx) => {
            const b = before.instances[idx];
            if (b === undefined) throw new Error('instances were added');
            expect(a.key).toBe(b.key);
            if (a.status === b.status) return;
            expect(FINAL).not.toContain(b.status);
            if (a.status === 'OPERATION_IN_PROGRESS') {
              expect(event.kind === 'start' && event.keys.includes(a.key)).toBe(true);
            } else if (a.status === 'OPERATION_COMPLETE' || a.status === 'OPERATION_FAILED') {
              expect(event.kind === 'result' && event.key === a.key).toBe(true);
            } else {
              expect(a.status).toBe('CANCEL_COMPLETE');
              expect(b.status).toBe('WAIT_IN_PROGRESS');
            }
          });
          const cancelled = after.instances
            .filter((a, idx) => a.status === 'CANCEL_COMPLETE' && before.instances[idx]?.status !== 'CANCEL_COMPLETE')
            .map((a) => a.key);
          const waitingBefore = before.instances.filter((i) => i.status === 'WAIT_IN_PROGRESS');
          let expected: string[] = [];
          if (event.kind === 'stop') expected = waitingBefore.map((i) => i.key);
          else if (exceededNow.size > 0) expected = waitingBefore.filter((i) => sequential || exceededNow.has(i.region)).map((i) => i.key);
          expect(cancelled.sort()).toEqual(expected.sort());
        };

        const result = simulate(created.value, (start) => plan.get(start.key) ?? { duration: 1, fails: false }, {
          onTransition: check,
          ...(s.stopAt === null ? {} : { stopAt: s.stopAt }),
        });
        const end = result.state;
        expect(end.instances.every((i) => FINAL.includes(i.status))).toBe(true);
        const exceeded = [...limits].some(([region, { T }]) => count(end, region, 'OPERATION_FAILED') > T);
        const expectedStatus = stopped ? 'STOP_COMPLETE' : exceeded ? 'OPERATION_FAILED' : 'OPERATION_COMPLETE';
        expect(end.operation.status).toBe(expectedStatus);
        if (!stopped && !exceeded) expect(end.instances.some((i) => i.status === 'CANCEL_COMPLETE')).toBe(false);
        if (!stopped && !exceeded)
          expect(end.instances.every((i) => (plan.get(i.key)?.fails ? i.status === 'OPERATION_FAILED' : i.status === 'OPERATION_COMPLETE'))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('draws the same plan and result for the same inputs and seed', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const a = createOperation(build(s).input);
        const b = createOperation(build(s).input);
        expect(a).toEqual(b);
      }),
      { numRuns: 100 },
    );
  });
});
