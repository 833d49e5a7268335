// `npm run bench -- classic-deploy`: the classic topology (private net +
// subnet, router with external gateway, router interface, security group,
// port, floating IP + association, key pair, two servers, a volume attached:
// test/cloud/full/templates/classic.yaml, which also creates its own external
// network, 15 resources) deployed through the studio's own CloudService and
// StackWatcher, as admin (BENCH_USER=demo: classic-demo.yaml, 13 resources,
// on the shared `public` network; the demo project's quotas are the ones
// other tests change):
//   - on the full cloud's RegionOne: real Nova/Neutron/Cinder resources;
//   - on the Heat-only RegionTwo, same template, with the sandbox environment
//     (Nova/Neutron/Cinder types -> OS::Heat::None).
// For each: event latency (Heat's event_time -> the watcher's 'stack.changed'
// push; event_time has 1 s resolution, so up to 1 s of the figure is
// truncation), the watcher's Heat requests per minute while watching, and the
// create makespan (as the client sees it: create call -> settled push; and as
// Heat records it: first -> last event_time). The stacks are deleted at the
// end (delete time printed too). Needs `npm run cloud:up -- --full`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices, type Services } from '../../main/compose';
import type { StackWatcher } from '../../main/cloud/stack-watcher';
import type { StackChange, StackRef } from '../../shared/cloud/heat-types';
import { classicTemplate, passwordProfile, requireFullCloud, uniqueName, type FullTestCloud } from '../integration/cloud/test-cloud';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const USER = process.env.BENCH_USER === 'demo' ? 'demo' : 'admin';

interface Run {
  ref: StackRef;
  status: string;
  clientMakespanMs: number;
  heatMakespanMs: number;
  lags: number[];
  requests: number;
  watchedMs: number;
  deleteMs: number;
}

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const eventTime = (t: string) => Date.parse(`${t}${/Z|[+-]\d\d:?\d\d$/.test(t) ? '' : 'Z'}`);

async function deployOnce(services: Services, profileId: string, template: string): Promise<Run> {
  const pushed = new Map<string, { at: number; eventTime: number }>();
  let settled: StackChange | null = null;
  let settledAt = 0;
  let stackId = '';
  const early: { change: StackChange; at: number }[] = [];
  const record = (c: StackChange, at: number) => {
    for (const e of c.events) if (!pushed.has(e.id)) pushed.set(e.id, { at, eventTime: eventTime(e.event_time) });
    if (c.settled && c.status && !settled) {
      settled = c;
      settledAt = at;
    }
  };
  const unsubscribe = services.events.subscribe((ev) => {
    if (ev.type !== 'stack.changed') return;
    const c = ev.payload as StackChange;
    const at = Date.now();
    if (!stackId)
      early.push({ change: c, at }); // before create() returned
    else if (c.stack.id === stackId) record(c, at);
  });
  const started = Date.now();
  const result = await services.cloud.create(profileId, { stack_name: uniqueName('bench-classic'), template, timeout_mins: 20 });
  stackId = result.stack.id;
  for (const e of early) if (e.change.stack.id === stackId) record(e.change, e.at);
  const deadline = Date.now() + 600_000;
  while (!settled && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const watchers = (services.cloud as unknown as { watchers: Map<string, { watcher: StackWatcher }> }).watchers;
  const watcher = watchers.get(`${profileId}/${stackId}`)?.watcher;
  const requests = watcher?.stats.requests ?? NaN;
  const watchedMs = (settledAt || Date.now()) - started;
  unsubscribe();
  const last = settled as StackChange | null;
  const status = last?.status ?? 'TIMEOUT';
  if (status !== 'CREATE_COMPLETE') console.log(`  ${result.stack.name}: ${status} ${last?.statusReason ?? ''}`);
  const times = [...pushed.values()].map((p) => p.eventTime);

  const t0 = Date.now();
  await services.cloud.action(profileId, result.stack, 'delete');
  const heat = services.profiles.connection(profileId).heat;
  for (;;) {
    const s = await heat.show(result.stack).catch((err: { code?: string }) => (err.code === 'NOT_FOUND' ? null : Promise.reject(err)));
    if (!s || s.stack_status === 'DELETE_COMPLETE') break;
    if (s.stack_status === 'DELETE_FAILED') throw new Error(`${result.stack.name}: DELETE_FAILED ${s.stack_status_reason}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    ref: result.stack,
    status,
    clientMakespanMs: settledAt - started,
    heatMakespanMs: Math.max(...times) - Math.min(...times),
    lags: [...pushed.values()].map((p) => p.at - p.eventTime),
    requests,
    watchedMs,
    deleteMs: Date.now() - t0,
  };
}

function report(label: string, runs: Run[]): void {
  const lags = runs.flatMap((r) => r.lags);
  const minutes = runs.reduce((a, r) => a + r.watchedMs, 0) / 60_000;
  const requests = runs.reduce((a, r) => a + r.requests, 0);
  console.log(`\n${label}: ${runs.length} runs, ${runs.map((r) => r.status).join(' ')}`);
  console.log(
    `  event_time -> push      p50 ${sec(pct(lags, 50))}  p95 ${sec(pct(lags, 95))}  max ${sec(Math.max(...lags))}  (${lags.length} events; includes up to 1 s of event_time truncation)`,
  );
  console.log(`  watcher Heat requests   ${requests} in ${minutes.toFixed(2)} min = ${(requests / minutes).toFixed(1)}/min while watching`);
  console.log(`  create makespan client  ${runs.map((r) => sec(r.clientMakespanMs)).join(', ')}  (create call -> settled push)`);
  console.log(`  create makespan Heat    ${runs.map((r) => sec(r.heatMakespanMs)).join(', ')}  (first -> last event_time)`);
  console.log(`  delete                  ${runs.map((r) => sec(r.deleteMs)).join(', ')}`);
}

async function main(): Promise<void> {
  let cloud: FullTestCloud;
  try {
    cloud = requireFullCloud();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-bench-classic-'));
  const services = composeServices({ dataDir, host: 'web', version: 'bench' });
  try {
    const template = classicTemplate(USER);
    const password = cloud.users[USER].password;
    const regionOne = services.profiles.create(passwordProfile(cloud, USER, { name: 'full RegionOne', region: 'RegionOne', sandbox: false }), password).id;
    const regionTwo = services.profiles.create(passwordProfile(cloud, USER, { name: 'Heat-only RegionTwo', region: 'RegionTwo', sandbox: true }), password).id;
    const file = USER === 'admin' ? 'classic.yaml (15 resources)' : 'classic-demo.yaml (13 resources)';
    console.log(`classic-deploy: ${file} x ${RUNS} per region, one at a time, as ${USER}`);
    const one: Run[] = [];
    for (let i = 0; i < RUNS; i++) one.push(await deployOnce(services, regionOne, template));
    const two: Run[] = [];
    for (let i = 0; i < RUNS; i++) two.push(await deployOnce(services, regionTwo, template));
    report('RegionOne, full cloud (real servers, ports, volume)', one);
    report('RegionTwo, Heat-only with the sandbox environment (OS::Heat::None)', two);
  } finally {
    services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
