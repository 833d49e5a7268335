// `npm run bench -- stackset-runner`: the real runner against the real test
// cloud. 20 instances (RegionOne and RegionTwo x 10 projects the bench makes
// once in Keystone), each a TestResource with a staggered wait_secs (4-16 s),
// updated by one DEPLOY_STACK_INSTANCES, PARALLEL with 5 at a time per region.
//
// How the ideal is computed (printed with the figures):
// - lower bound: idealMakespan, max(longest, total / concurrency) per region.
//   Only a scheduler that knew every wait in advance and reordered the
//   instances could reach it.
// - waits, in order: the same scheduler (shared/stacksets) run in virtual
//   time (simulate) with each instance taking exactly its wait. Instances
//   start in the targets' order as slots free up, which is what the runner
//   does; this is the makespan the preferences allow with zero overhead.
// - waits + lone-stack Heat floor: the same simulation with each instance
//   taking what Heat needs for its wait when it has nothing else to do,
//   measured first on one lone stack per distinct wait (PUT sent ->
//   UPDATE_COMPLETE seen with a 100 ms poll). It holds Heat's handling of one
//   PUT, TestResource's 2 s check period (an odd wait ends a second late) and
//   the stack's completion, but not what 5 PUTs at once cost a single heat-all
//   process and Keystone on 2 shared cores.
// - perfect client on this cloud (support/perfect-client.ts): the same
//   scheduler driven by a bare loop that knows every wait, keeps no database,
//   reads nothing before a PUT and looks at a stack only when it can be done,
//   on the same 20 stacks. This is the ideal makespan these preferences allow
//   on this cloud: no client can go under it. Runner and perfect client
//   alternate for STACKSET_BENCH_ROUNDS (3) rounds, each runner run compared
//   with the perfect client runs before and after it; the median round is the
//   figure (a single run moves by +-2 s with where TestResource's check
//   period falls, 1.03-1.13x in five single runs).
// The target (within 10%) is read against the perfect client: it measures
// what the runner itself adds. The other ratios are printed beside it; the
// perfect client itself is ~1.09x the lone-stack figure here, so that one is
// out of reach of any client on this lab. The per-instance breakdown uses
// Heat's own events, whose event_time Heat truncates to the second, and
// Heat's log (support/heat-request-log.ts) splits the requests into the wait
// for Keystone's token check (the test cloud's Heat checks every token with
// Keystone, token_cache_time = -1) and Heat's own handling, for the runner
// and for the perfect client.
// What was found (2026-11, on this 2-core lab shared with other engineers):
// each Heat request costs one Keystone token validation, and each stack
// update one Keystone password authentication inside Heat's PUT handling;
// Keystone runs 3 uwsgi workers on the 2 shared cores. Those waits, Heat's
// single heat-all process taking 5 PUTs at once, and TestResource's 2 s
// check period are most of the time beyond the waits; the runner's own part
// is its poll interval (1 s, against the perfect client's knowing when to
// look) and its saved state. The read before each PUT is now done ahead,
// while the slot is still busy (operation-runner.ts). The earlier figure (2.54x) divided by the lower bound
// (20 s), which no order-keeping scheduler reaches here (29 s), and ran the
// runner at a 250 ms poll, four times the product's request rate.
// STACKSET_POLL_MS sets a fixed poll interval for the runner (default: the
// product's, 1 s per stack while 10 or more run, down to 0.5 s as fewer run:
// pollInterval in main/stacksets/operation-runner.ts). The instances' stacks are deleted afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '../../main/compose';
import { HeatClient } from '../../main/cloud/heat-client';
import { pollInstance, stackBody, type InstanceBook, type StackTemplate } from '../../main/stacksets/heat-instance';
import { StackSetRepo } from '../../main/library/stackset-repo';
import type { StackRef } from '../../shared/cloud/heat-types';
import {
  createOperation,
  idealMakespan,
  instanceKey,
  seededRng,
  simulate,
  validatePreferences,
  type OperationPreferences,
  type StackInstance,
  type StackSet,
} from '../../shared/stacksets';
import { connect, loadTestCloud, openstackCli, passwordProfile } from '../integration/cloud/test-cloud';
import { logOffset, median, readRequests, type RequestSplit } from './support/heat-request-log';
import { perfectClientMakespan } from './support/perfect-client';

const TEMPLATE = `heat_template_version: 2018-08-31
parameters:
  wait: {type: number, default: 0}
  tag: {type: string, default: a}
resources:
  slow:
    type: OS::Heat::TestResource
    properties: {wait_secs: {get_param: wait}, value: {get_param: tag}}
`;
const EMPTY = `heat_template_version: 2018-08-31
parameters:
  wait: {type: number, default: 0}
  tag: {type: string, default: a}
resources: {}
`;

const PROJECTS = Array.from({ length: 10 }, (_, i) => `bench-p${String(i + 1).padStart(2, '0')}`);
const REGIONS = ['RegionOne', 'RegionTwo'];
const PREFS: OperationPreferences = { region_concurrency_type: 'PARALLEL', max_concurrent_count: 5, failure_tolerance_count: 4 };
const waitOf = (i: number): number => 4 + (i % 5) * 3; // 4..16 s, staggered
const pollMs = process.env.STACKSET_POLL_MS ? Number(process.env.STACKSET_POLL_MS) : undefined;
const ROUNDS = Number(process.env.STACKSET_BENCH_ROUNDS ?? 3);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const template = (yaml: string): StackTemplate => ({ yaml, files: {}, environment: null });

const cloud = loadTestCloud();
for (const p of PROJECTS) {
  openstackCli(cloud, 'admin', ['project', 'create', '--or-show', '--domain', cloud.domain, p]);
  openstackCli(cloud, 'admin', ['role', 'add', '--project', p, '--user', 'admin', 'admin']);
}

// --- Heat floor: one lone stack in RegionOne, one update per distinct wait.
const floorConn = connect(cloud, 'admin');
const lonePuts: number[] = [];
async function loneUpdate(heat: HeatClient, ref: StackRef, yaml: string, wait: number): Promise<number> {
  const before = await heat.show(ref);
  const [last] = await heat.events(ref, { resource_name: ref.name, sort_dir: 'desc', limit: 1 });
  const book: InstanceBook = {
    stack_name: ref.name,
    heat_action: 'update',
    submitted: true,
    baseline: { status: before.stack_status, updated_time: before.updated_time ?? null, event_id: last?.id ?? null },
  };
  const t0 = performance.now();
  await heat.update(ref, stackBody(template(yaml), { wait, tag: `floor-${wait}-${Date.now()}` }, true));
  lonePuts.push(performance.now() - t0);
  for (;;) {
    const poll = await pollInstance(heat, book, ref.id);
    if (poll.done) {
      if (poll.outcome !== 'complete') throw new Error(`floor stack ${ref.name}: ${poll.message}`);
      return performance.now() - t0;
    }
    await sleep(100);
  }
}
async function createLone(heat: HeatClient, yaml: string, name: string): Promise<StackRef> {
  const ref = await heat.create(stackBody(template(yaml), { wait: 0, tag: 'a' }, true, name));
  for (;;) {
    const s = await heat.show(ref);
    if (s.stack_status === 'CREATE_COMPLETE') return ref;
    if (!s.stack_status.endsWith('_IN_PROGRESS')) throw new Error(`floor stack ${name}: ${s.stack_status} ${s.stack_status_reason ?? ''}`);
    await sleep(200);
  }
}
const loadBeforeFloor = load();
const floorStack = await createLone(floorConn.heat, TEMPLATE, `bench-floor-${Date.now().toString(36)}`);
const emptyStack = await createLone(floorConn.heat, EMPTY, `bench-floor-empty-${Date.now().toString(36)}`);
const emptyMs = await loneUpdate(floorConn.heat, emptyStack, EMPTY, 0);
const floorByWait = new Map<number, number>();
for (const w of [...new Set(PROJECTS.map((_, i) => waitOf(i)))].sort((a, b) => a - b)) {
  floorByWait.set(w, await loneUpdate(floorConn.heat, floorStack, TEMPLATE, w));
}
await floorConn.heat.delete(floorStack);
await floorConn.heat.delete(emptyStack);

// --- The set.
const dataDir = mkdtempSync(join(tmpdir(), 'hs-bench-stacksets-'));
const services = composeServices({ dataDir, host: 'web', version: 'bench', ...(pollMs !== undefined ? { stacksetPollMs: pollMs } : {}) });
const profileIds = PROJECTS.map((p) => services.profiles.create(passwordProfile(cloud, 'admin', { name: p, projectName: p }), cloud.users.admin.password).id);
const version = services.library.create({ name: 'bench', description: '', tags: [], from: { kind: 'yaml', yaml: TEMPLATE } });
const name = `bench${Date.now().toString(36)}`;
const created = await services.stacksets.createSet({ stack_set_name: name, template_version_id: version.latest.id, parameters: {}, profile_ids: profileIds });
const ref = { stack_set_name: name, stack_set_id: created.set.stack_set_id };
const accounts = await services.stacksets.listAccounts(profileIds);
const projectIds = PROJECTS.map((p) => accounts.find((a) => a.project_name === p)!.project_id);
const targets = { regions: REGIONS, domain_ids: projectIds };

type Run = { ms: number; status: string; instances: ReturnType<typeof services.stacksets.getOperation>['instances'] };

async function run(action: 'CREATE_STACK_INSTANCES' | 'DEPLOY_STACK_INSTANCES' | 'DELETE_STACK_INSTANCES', overrides?: Record<string, unknown>): Promise<Run> {
  const started = Date.now();
  const op = await services.stacksets.createOperation({
    ...ref,
    action,
    deployment_targets: targets,
    operation_preferences: { ...PREFS },
    ...(overrides ? { parameter_overrides: overrides } : {}),
  });
  return new Promise((resolve) => {
    const check = (): void => {
      const d = services.stacksets.getOperation(op.stack_set_operation_id);
      if (['OPERATION_IN_PROGRESS', 'QUEUE_IN_PROGRESS'].includes(d.operation.status)) return;
      unsubscribe();
      const first = Math.min(...d.instances.map((i) => Date.parse(i.started_at ?? '')));
      const last = Math.max(...d.instances.map((i) => Date.parse(i.finished_at ?? '')));
      resolve({ ms: Number.isFinite(last - first) ? last - first : Date.now() - started, status: d.operation.status, instances: d.instances });
    };
    const unsubscribe = services.events.subscribe(() => check());
    check();
  });
}

// Create the 20 stacks quickly, then give each instance its own wait (and a new
// TestResource value, which is what makes Heat wait on update) as its per-instance
// parameter overrides, and measure DEPLOY_STACK_INSTANCES of all of them.
const setup = await run('CREATE_STACK_INSTANCES', { wait: 0, tag: 'setup' });
if (setup.status !== 'OPERATION_COMPLETE') throw new Error(`setup failed: ${setup.status}`);
const repo = new StackSetRepo(services.db);
const waits = new Map<string, number>();
for (const [i, id] of projectIds.entries()) for (const r of REGIONS) waits.set(instanceKey(r, id), waitOf(i + (r === 'RegionTwo' ? 2 : 0)));
const waitOfKey = (key: string): number => waits.get(key) as number;
const before: StackInstance[] = repo.listInstances(ref.stack_set_id);
/** Each runner round deploys a new TestResource value, so every stack really updates. */
function setRunOverrides(round: number): void {
  const overrides = new Map<string, Record<string, unknown>>();
  for (const id of projectIds)
    for (const r of REGIONS) overrides.set(`${r}\u0000${id}`, { wait: waitOfKey(instanceKey(r, id)), tag: `run-${round}-${Date.now()}` });
  repo.replaceInstances(ref.stack_set_id, repo.listInstances(ref.stack_set_id), overrides);
}
// Clients per (region, project) for the perfect client and the breakdown; the stacks' names.
const clients = new Map<string, HeatClient>();
async function heatFor(region: string, projectId: string): Promise<HeatClient> {
  const key = `${region}/${projectId}`;
  const known = clients.get(key);
  if (known) return known;
  const conn = connect(cloud, 'admin', { projectName: PROJECTS[projectIds.indexOf(projectId)] as string });
  const heat = new HeatClient(conn.http, conn.session, { region, interface: 'public', endpointOverride: null });
  clients.set(key, heat);
  return heat;
}
const stackNames = new Map(services.stacksets.getSet(ref).instances.map((i) => [instanceKey(i.region, i.domain_id), i.stack_name]));
const perfectRun = (tag: string): Promise<number> =>
  perfectClientMakespan({
    set: created.set,
    instances: repo.listInstances(ref.stack_set_id),
    targets,
    preferences: PREFS,
    heatFor,
    stackName: (key) => stackNames.get(key) as string,
    body: (key) => stackBody(template(TEMPLATE), { wait: waitOfKey(key), tag: `${tag}-${Date.now()}` }, false),
    // It looks first a little before a lone stack with that wait would be done
    // (measured above; Heat is not faster under load), and never before the wait.
    firstLookMs: (key) => Math.max(waitOfKey(key) * 1000, (floorByWait.get(waitOfKey(key)) as number) - 300),
  });

// Rounds, perfect client and runner alternating (P0 R1 P1 R2 P2 ...): each
// runner run is compared with the perfect client runs just before and after
// it, so drift in the shared machine's load falls on both; the median round
// is the figure (one round's makespan moves by +-2 s with where TestResource's
// check period falls).
const heatLogs = REGIONS.map((r) => join(cloud.stateDir, 'log', `${cloud.heatProcesses[r] ?? 'heat'}.log`));
// This set's stacks only (their names start with the set id), read before anything else adds requests.
const setRequests = (from: number[]): RequestSplit[] =>
  heatLogs.flatMap((file, i) => readRequests(file, from[i] as number, `/stacks/stackset-${ref.stack_set_id.slice(0, 8)}-`));
const perfects: number[] = [await perfectRun('perfect-0')];
const runs: Run[] = [];
let requests: RequestSplit[] = [];
let perfectRequests: RequestSplit[] = [];
const loadBefore = load();
for (let round = 1; round <= ROUNDS; round++) {
  setRunOverrides(round);
  const runnerLog = heatLogs.map(logOffset);
  runs.push(await run('DEPLOY_STACK_INSTANCES'));
  requests = setRequests(runnerLog);
  const perfectLog = heatLogs.map(logOffset);
  perfects.push(await perfectRun(`perfect-${round}`));
  perfectRequests = setRequests(perfectLog);
}
const loadAfter = load();
const perfectAround = (i: number): number => ((perfects[i] as number) + (perfects[i + 1] as number)) / 2;
const roundRatios = runs.map((r, i) => r.ms / perfectAround(i));
const medianRound = roundRatios.indexOf(median(roundRatios));
const measured = runs[medianRound] as Run;
const perfect = perfectAround(medianRound);

// --- The ideals, from the preferences and the same scheduler in virtual time.
const resolved = validatePreferences(PREFS, REGIONS);
if (!resolved.ok) throw new Error(resolved.error.error_msg);
const lowerBound = idealMakespan(
  resolved.value,
  REGIONS.map((r) => [r, projectIds.map((id) => (waits.get(instanceKey(r, id)) as number) * 1000)] as const),
);
function scheduled(duration: (key: string) => number): number {
  const set: StackSet = { ...created.set };
  const op = createOperation({
    operationId: '33333333-3333-4333-8333-333333333333',
    set,
    instances: before,
    action: 'DEPLOY_STACK_INSTANCES',
    targets,
    preferences: PREFS,
    otherOperations: [],
    now: 0,
    rng: seededRng(1),
  });
  if (!op.ok) throw new Error(op.error.error_msg);
  return simulate(op.value, (s) => ({ duration: duration(s.key), fails: false })).makespan;
}
const idealWaits = scheduled((key) => waitOfKey(key) * 1000);
const idealFloor = scheduled((key) => floorByWait.get(waitOfKey(key)) as number);

console.log(
  `stackset-runner: 20 instances (2 regions x 10 projects), PARALLEL, 5 at a time per region, waits 4-16 s, runner poll ${pollMs !== undefined ? `${pollMs} ms` : "the product's (1 s per stack with 10 or more running, down to 0.5 s as fewer run)"}`,
);
console.log(`  load average (1/5/15 min): floor ${loadBeforeFloor}; run ${loadBefore} -> ${loadAfter}`);
console.log(
  `  Heat floor (lone stack, RegionOne): update of an empty stack ${secs(emptyMs)}; TestResource ${[...floorByWait].map(([w, ms]) => `wait ${w}: ${secs(ms)}`).join(', ')}`,
);
console.log(`  status     ${runs.map((r) => r.status).join(', ')}`);
console.log(
  `  rounds     runner ${runs.map((r) => secs(r.ms)).join(', ')}; perfect client ${perfects.map(secs).join(', ')} (before and after each runner run)`,
);
console.log(`             runner / perfect client around it: ${roundRatios.map((r) => r.toFixed(3)).join(', ')}; median round ${medianRound + 1}`);
console.log(`  makespan   ${secs(measured.ms)} (median round, first start to last finish)`);
console.log(
  `  ideal      lower bound ${secs(lowerBound)}; waits in order ${secs(idealWaits)}; waits + lone-stack Heat floor ${secs(idealFloor)}; perfect client on this cloud ${secs(perfect)}`,
);
console.log(
  `  ratio      ${(measured.ms / perfect).toFixed(3)} vs the perfect client (median of ${ROUNDS} rounds; target <= 1.10); ${(measured.ms / idealFloor).toFixed(3)} vs waits + lone-stack floor; ${(measured.ms / idealWaits).toFixed(3)} vs waits in order; ${(measured.ms / lowerBound).toFixed(3)} vs lower bound`,
);

// --- Where each instance's time went in the median round, from Heat's events (second resolution).
const toHeat: number[] = [];
const inHeat: number[] = [];
const toSeen: number[] = [];
const beyond: number[] = [];
for (const i of measured.instances) {
  const key = instanceKey(i.region, i.domain_id);
  const wait = waitOfKey(key);
  const started = Date.parse(i.started_at ?? '');
  const finished = Date.parse(i.finished_at ?? '');
  beyond.push(finished - started - wait * 1000);
  const heat = await heatFor(i.region, i.domain_id);
  const stackName = stackNames.get(key) as string;
  const events = await heat.events({ name: stackName, id: i.stack_id as string }, { resource_name: stackName, sort_dir: 'asc' });
  // This run's update only (the perfect client updated the stack before and after); event_time is to the second.
  const update = events.filter(
    (e) => e.resource_status.startsWith('UPDATE_') && Date.parse(e.event_time) >= started - 1000 && Date.parse(e.event_time) <= finished + 1000,
  );
  const began = Date.parse(update[0]?.event_time ?? '');
  const ended = Date.parse(update[update.length - 1]?.event_time ?? '');
  if (!Number.isFinite(began) || !Number.isFinite(ended)) continue;
  toHeat.push(began - started);
  inHeat.push(ended - began - wait * 1000);
  toSeen.push(finished - ended);
}

console.log(`  per instance beyond its wait: mean ${secs(mean(beyond))}, max ${secs(Math.max(...beyond))}`);
console.log(
  `    of which (means, Heat events to the second): start -> Heat began the update ${secs(mean(toHeat))}; in Heat beyond the wait ${secs(mean(inHeat))}; Heat done -> runner saw it ${secs(mean(toSeen))}`,
);

const split = (of: RequestSplit[], method: string): string => {
  const r = of.filter((q) => q.method === method && !q.path.includes('/events'));
  const s2 = (x: number): string => `${x.toFixed(2)} s`;
  return `${method} x${r.length}: waiting for Keystone ${s2(median(r.map((q) => q.authWait)))}, Heat handling ${s2(median(r.map((q) => q.handling)))}`;
};
console.log(
  requests.length === 0
    ? `  Heat's log (${heatLogs.join(', ')}) had no request of this run: the Keystone / Heat split is not available`
    : [
        `  Heat's log, medians per request (events reads not split out):`,
        `    runner, last round (${requests.length} requests): ${split(requests, 'GET')}; ${split(requests, 'PUT')} (a lone PUT, round trip: ${secs(median(lonePuts))})`,
        `    perfect client, after it (${perfectRequests.length} requests): ${split(perfectRequests, 'GET')}; ${split(perfectRequests, 'PUT')}`,
      ].join('\n'),
);

const cleanup = await run('DELETE_STACK_INSTANCES');
console.log(`  cleanup    ${cleanup.status}`);
services.dispose();
rmSync(dataDir, { recursive: true, force: true });
