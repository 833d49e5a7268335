// `npm run bench -- stackset`: the stack-set scheduler in virtual time.
// For 20 instances (4 regions x 5 projects) under several preference sets it
// prints the simulated makespan, the lower bound the preferences allow
// (idealMakespan) and their ratio; then how many scheduler transitions per
// second the pure state machine takes. Durations and failures come from a
// fixed seed, so the makespans are the same on every machine; only the
// throughput figure depends on the CPU. Nothing here fails the build on speed.
import {
  createOperation,
  formatTimestamp,
  idealMakespan,
  instanceKey,
  seededRng,
  simulate,
  type OperationPreferences,
  type OperationState,
  type StackInstance,
  type StackSet,
} from '../../shared/stacksets';

const REGIONS = ['region-a', 'region-b', 'region-c', 'region-d'];
const PROJECTS = ['p1', 'p2', 'p3', 'p4', 'p5'];
const T0 = Date.UTC(2024, 3, 22);

const set: StackSet = {
  stack_set_id: '11111111-1111-4111-8111-111111111111',
  stack_set_name: 'bench',
  stack_set_description: '',
  permission_model: 'SERVICE_MANAGED',
  template_version_id: 'tv',
  parameters: {},
  create_time: formatTimestamp(T0),
  update_time: formatTimestamp(T0),
};
const instances: StackInstance[] = REGIONS.flatMap((region) =>
  PROJECTS.map((domain_id) => ({
    stack_set_id: set.stack_set_id,
    region,
    domain_id,
    status: 'OPERATION_COMPLETE' as const,
    status_message: '',
    stack_id: `s-${region}-${domain_id}`,
    create_time: set.create_time,
    update_time: set.update_time,
  })),
);

// A Heat stack update takes 30-180 s; a fixed seed keeps the table stable.
const rng = seededRng(2024);
const durations = new Map(REGIONS.flatMap((r) => PROJECTS.map((p) => [instanceKey(r, p), Math.round(30_000 + rng() * 150_000)] as const)));
// Every fifth instance fails in the "with failures" rows: one per region.
const failing = new Set(REGIONS.map((r, i) => instanceKey(r, PROJECTS[i % PROJECTS.length] as string)));

function operation(prefs: OperationPreferences, seed = 1): OperationState {
  const r = createOperation({
    operationId: '33333333-3333-4333-8333-333333333333',
    set,
    instances,
    action: 'UPDATE_STACK_INSTANCES',
    targets: { regions: REGIONS, domain_ids: PROJECTS },
    preferences: prefs,
    otherOperations: [],
    now: T0,
    rng: seededRng(seed),
  });
  if (!r.ok) throw new Error(`${JSON.stringify(prefs)}: ${r.error.error_msg}`);
  return r.value;
}

const rows: Array<[string, OperationPreferences, boolean]> = [
  ['default (SEQUENTIAL, 1 at a time)', {}, false],
  ['SEQUENTIAL, 5 concurrent, tolerance 4', { max_concurrent_count: 5, failure_tolerance_count: 4 }, false],
  ['PARALLEL, 1 concurrent', { region_concurrency_type: 'PARALLEL' }, false],
  ['PARALLEL, 2 concurrent, tolerance 1', { region_concurrency_type: 'PARALLEL', max_concurrent_count: 2, failure_tolerance_count: 1 }, false],
  [
    'PARALLEL, 100% concurrent, 100% tolerance',
    { region_concurrency_type: 'PARALLEL', max_concurrent_percentage: 100, failure_tolerance_percentage: 100 },
    false,
  ],
  ['PARALLEL, 3 conc, tol 2, STRICT, failures', { region_concurrency_type: 'PARALLEL', max_concurrent_count: 3, failure_tolerance_count: 2 }, true],
  [
    'PARALLEL, 3 conc, tol 2, SOFT, failures',
    { region_concurrency_type: 'PARALLEL', max_concurrent_count: 3, failure_tolerance_count: 2, failure_tolerance_mode: 'SOFT_FAILURE_TOLERANCE' },
    true,
  ],
  ['SEQUENTIAL, 2 conc, tol 1, STRICT, failures', { max_concurrent_count: 2, failure_tolerance_count: 1 }, true],
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`.padStart(7);
console.log('20 instances (4 regions x 5 projects), durations 30-180 s, virtual time');
console.log(`${'preferences'.padEnd(44)} ${'makespan'.padStart(8)} ${'ideal'.padStart(7)}  ratio  status`);
for (const [label, prefs, withFailures] of rows) {
  const state = operation(prefs);
  const result = simulate(state, (s) => ({ duration: durations.get(s.key) ?? 0, fails: withFailures && failing.has(s.key) }));
  const ideal = idealMakespan(
    state.preferences,
    REGIONS.map((r) => [r, PROJECTS.map((p) => durations.get(instanceKey(r, p)) ?? 0)] as const),
  );
  console.log(
    `${label.padEnd(44)} ${seconds(result.makespan).padStart(8)} ${seconds(ideal)}  ${(result.makespan / ideal).toFixed(2).padStart(5)}  ${result.state.operation.status}`,
  );
}
console.log('ratio = simulated / lower bound (max(longest, total / concurrency) per region); 1.00 is optimal.');

// Throughput: whole simulated operations, counting every transition
// (a start batch, a result, a stop) as one decision.
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const mixes = rows.map(([, prefs, withFailures]) => [prefs, withFailures] as const);
let decisions = 0;
let runs = 0;
const started = performance.now();
while (performance.now() - started < 1500) {
  const [prefs, withFailures] = mixes[runs % mixes.length] as (typeof mixes)[number];
  const result = simulate(operation(prefs, runs), (s) => ({ duration: durations.get(s.key) ?? 0, fails: withFailures && failing.has(s.key) }));
  decisions += result.decisions;
  runs++;
}
const elapsed = (performance.now() - started) / 1000;
console.log(
  `\nscheduler: ${Math.round(decisions / elapsed).toLocaleString('en')} decisions/s (${runs} operations of 20 instances in ${elapsed.toFixed(2)} s, ${((elapsed * 1e6) / decisions).toFixed(1)} us/decision)`,
);
console.log('target: far above what Heat can feed it (a few results per second); each decision rescans the instances of the operation, O(n).');
