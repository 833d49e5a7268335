// Runs the scheduler in virtual time: used by the tests (to walk every
// transition and check invariants) and by test/bench (to compare makespans
// with the lower bound the preferences allow). No clock, no timers.
import { regionLimits, type ResolvedPreferences } from './preferences';
import type { OperationState } from './operation-state';
import { isFinished, onInstanceResult, requestStop, step, type InstanceStart } from './scheduler';

export interface SimulatedInstance {
  /** How long the instance's Heat operation takes, in virtual ms. */
  duration: number;
  fails: boolean;
}

export type SimulationEvent = { kind: 'start'; keys: string[] } | { kind: 'result'; key: string; outcome: 'complete' | 'failed' } | { kind: 'stop' };

export interface SimulationOptions {
  /** Virtual time of the first step; defaults to 0. */
  startAt?: number;
  /** Request a stop at this virtual time (after results due at the same time). */
  stopAt?: number;
  /** Called after every transition with the states before and after. */
  onTransition?: (before: OperationState, after: OperationState, event: SimulationEvent, now: number) => void;
}

export interface SimulationResult {
  state: OperationState;
  /** Time from startAt to the last transition. */
  makespan: number;
  /** Transitions taken (each start batch, each result, a stop). */
  decisions: number;
}

export function simulate(initial: OperationState, instance: (start: InstanceStart) => SimulatedInstance, options: SimulationOptions = {}): SimulationResult {
  const startAt = options.startAt ?? 0;
  let now = startAt;
  let state = initial;
  let decisions = 0;
  let seq = 0;
  let stopPending = options.stopAt !== undefined;
  const pending: Array<{ at: number; seq: number; key: string; fails: boolean }> = [];
  const apply = (next: OperationState, event: SimulationEvent): void => {
    options.onTransition?.(state, next, event, now);
    state = next;
    decisions++;
  };
  for (;;) {
    const { state: started, starts } = step(state, now);
    if (starts.length > 0) {
      apply(started, { kind: 'start', keys: starts.map((s) => s.key) });
      for (const s of starts) {
        const plan = instance(s);
        pending.push({ at: now + Math.max(0, plan.duration), seq: seq++, key: s.key, fails: plan.fails });
      }
    }
    pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const due = pending[0];
    if (stopPending && options.stopAt !== undefined && (due === undefined || due.at > options.stopAt)) {
      stopPending = false;
      if (!isFinished(state)) {
        now = Math.max(now, options.stopAt);
        const stopped = requestStop(state, now);
        if (stopped.ok) apply(stopped.value, { kind: 'stop' });
      }
      continue;
    }
    if (due === undefined) break;
    pending.shift();
    now = due.at;
    const outcome = due.fails ? 'failed' : 'complete';
    const result = onInstanceResult(state, due.key, outcome, due.fails ? 'simulated failure' : '', now);
    if (!result.ok) throw new Error(result.error.error_msg);
    apply(result.value, { kind: 'result', key: due.key, outcome });
  }
  if (!isFinished(state) && state.queued === false) throw new Error('simulation ended with the operation unfinished');
  return { state, makespan: now - startAt, decisions };
}

/**
 * The shortest makespan the preferences allow when nothing fails: within a
 * region, n jobs on `concurrency` slots take at least max(longest job,
 * total / concurrency); SEQUENTIAL regions add up, PARALLEL ones overlap.
 * A lower bound, not always reachable (scheduling is in targets' order).
 */
export function idealMakespan(prefs: ResolvedPreferences, durationsByRegion: ReadonlyArray<readonly [region: string, durations: readonly number[]]>): number {
  const perRegion = durationsByRegion.map(([, durations]) => {
    if (durations.length === 0) return 0;
    const { concurrency } = regionLimits(prefs, durations.length);
    const total = durations.reduce((a, b) => a + b, 0);
    return Math.max(Math.max(...durations), total / concurrency);
  });
  return prefs.regionConcurrencyType === 'SEQUENTIAL' ? perRegion.reduce((a, b) => a + b, 0) : Math.max(0, ...perRegion);
}
