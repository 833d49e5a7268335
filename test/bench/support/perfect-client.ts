// A perfect stack set client, the reference for "the ideal makespan the
// preferences allow" on a real cloud: the same pure scheduler
// (shared/stacksets) driven by a bare loop that knows every instance's wait.
// It keeps nothing in a database, reads nothing before a PUT (it read every
// stack's updated_time before the clock started), sends a freed slot's PUT at
// once, and looks at a stack only once it cannot be done sooner (what a lone
// stack with that wait takes), then every 100 ms, so it adds few requests. What it takes is what Heat and
// Keystone need for these updates at this concurrency: the floor no client
// can go under on this cloud with these preferences.
import { performance } from 'node:perf_hooks';
import type { HeatClient, StackBody } from '../../../main/cloud/heat-client';
import {
  createOperation,
  isFinished,
  onInstanceResult,
  seededRng,
  step,
  type InstanceStart,
  type OperationPreferences,
  type OperationState,
  type StackInstance,
  type StackSet,
} from '../../../shared/stacksets';

export interface PerfectClientRun {
  set: StackSet;
  instances: StackInstance[];
  targets: { regions: string[]; domain_ids: string[] };
  preferences: OperationPreferences;
  heatFor: (region: string, domainId: string) => Promise<HeatClient>;
  stackName: (key: string) => string;
  /** The update's body (parameters included, no stack_name). */
  body: (key: string) => StackBody;
  /** When to look at a stack first, from its PUT: it cannot be done sooner (its wait, or Heat's floor for it). */
  firstLookMs: (key: string) => number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** First PUT sent to last UPDATE_COMPLETE seen, in ms. */
export async function perfectClientMakespan(run: PerfectClientRun): Promise<number> {
  const created = createOperation({
    operationId: '44444444-4444-4444-8444-444444444444',
    set: run.set,
    instances: run.instances,
    action: 'DEPLOY_STACK_INSTANCES',
    targets: run.targets,
    preferences: run.preferences,
    otherOperations: [],
    now: Date.now(),
    rng: seededRng(1),
  });
  if (!created.ok) throw new Error(created.error.error_msg);
  let state: OperationState = created.value;

  // Untimed: a connection per project and each stack's updated_time, so the
  // timed part needs no read before a PUT.
  const before = new Map<string, string | null>();
  for (const i of state.instances) {
    const heat = await run.heatFor(i.region, i.domain_id);
    const stack = await heat.show({ name: run.stackName(i.key), id: i.stack_id as string });
    before.set(i.key, stack.updated_time ?? null);
  }

  const t0 = performance.now();
  let lastSeen = t0;
  async function update(s: InstanceStart): Promise<void> {
    const heat = await run.heatFor(s.region, s.domain_id);
    const ref = { name: run.stackName(s.key), id: s.stack_id as string };
    const sent = performance.now();
    await heat.update(ref, run.body(s.key));
    await sleep(run.firstLookMs(s.key) - (performance.now() - sent));
    for (;;) {
      const stack = await heat.show(ref);
      if (stack.stack_status === 'UPDATE_COMPLETE' && (stack.updated_time ?? null) !== before.get(s.key)) break;
      if (!stack.stack_status.endsWith('_IN_PROGRESS') && stack.stack_status !== 'UPDATE_COMPLETE') {
        throw new Error(`perfect client: ${ref.name} ${stack.stack_status} ${stack.stack_status_reason ?? ''}`);
      }
      await sleep(100);
    }
    lastSeen = Math.max(lastSeen, performance.now());
  }
  await new Promise<void>((resolve, reject) => {
    const fill = (): void => {
      const next = step(state, Date.now());
      state = next.state;
      for (const s of next.starts) {
        update(s).then(() => {
          const r = onInstanceResult(state, s.key, 'complete', '', Date.now());
          if (!r.ok) return reject(new Error(r.error.error_msg));
          state = r.value;
          if (isFinished(state)) resolve();
          else fill();
        }, reject);
      }
    };
    fill();
  });
  return lastSeen - t0;
}
