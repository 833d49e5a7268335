// Stacks UI, the pure half: what every watcher push costs the renderer for a
// stack of 200 resources (a ResourceGroup of TestResources) and ~600 events:
// merging a push into the timeline, rebuilding the topology elements, the
// Gantt spans and the diagnosis. Then the Chromium half, on the real test
// cloud: the browser host (in this process, so the watcher's request count can
// be read) and Debian's Chromium; a sandbox profile made through the contract;
// a 1,000-member ResourceGroup of TestResources (BENCH_MEMBERS overrides),
// found by name (bench-ui-1000) and reused, created only when missing (minutes
// on this cloud) and kept for the next run (BENCH_KEEP_STACK=0 deletes it).
// Its topology open with the group expanded in place, an update changing
// every member streams 2,000 events while the mouse pans (fps, event -> node
// shows its new status) until half the members are done; then the events tab
// for the rest (fps, event -> row shown). Each phase measures at most
// BENCH_PHASE_MINUTES (6). Frame intervals (requestAnimationFrame deltas) and long
// tasks (PerformanceObserver 'longtask') are recorded in the page, and the
// watcher's latency from an event's event_time to its `stack.changed` push.
// Standalone: `node --import tsx test/bench/stacks-ui.bench.ts`
// (`npm run bench -- stacks-ui`); BENCH_SKIP_CHROMIUM=1 runs the pure half only.
import { performance } from 'node:perf_hooks';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '../../main/compose';
import { startWebHost } from '../../main/web/web-host';
import type { StackWatcher } from '../../main/cloud/stack-watcher';
import type { StackChange, StackRef, StackSummary } from '../../shared/cloud/heat-types';
import { loadTestCloud, passwordProfile } from '../integration/cloud/test-cloud';
import { launchChromium, screenshot } from '../e2e/support/browser';
import type { HeatEvent, HeatResource } from '../../shared/cloud/heat-types';
import { mergeEvents } from '../../renderer/stacks/timeline';
import { buildLiveTopology } from '../../renderer/stacks/live-topology';
import { ganttOf } from '../../renderer/stacks/gantt';
import { diagnose } from '../../renderer/stacks/diagnosis';

const TOP = 'top';
const NESTED = 'nested';
const link = (stack: string) => [{ rel: 'stack', href: `http://h/v1/p/stacks/s/${stack}` }];
const t0 = Date.parse('2025-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

const resources: HeatResource[] = [
  {
    resource_name: 'group',
    logical_resource_id: 'group',
    physical_resource_id: NESTED,
    resource_type: 'OS::Heat::ResourceGroup',
    resource_status: 'CREATE_IN_PROGRESS',
    resource_status_reason: null,
    required_by: [],
    creation_time: null,
    updated_time: null,
    links: link(TOP),
  },
  ...Array.from({ length: 200 }, (_, i): HeatResource => ({
    resource_name: String(i),
    logical_resource_id: String(i),
    physical_resource_id: `p${i}`,
    resource_type: 'OS::Heat::TestResource',
    resource_status: i % 3 ? 'CREATE_COMPLETE' : 'CREATE_IN_PROGRESS',
    resource_status_reason: null,
    required_by: [],
    creation_time: null,
    updated_time: null,
    links: link(NESTED),
  })),
];
const events: HeatEvent[] = Array.from({ length: 200 }, (_, i) => [
  {
    id: `s${i}`,
    event_time: iso(t0 + i * 50),
    resource_name: String(i),
    logical_resource_id: String(i),
    physical_resource_id: null,
    resource_status: 'CREATE_IN_PROGRESS',
    resource_status_reason: 'state changed',
    links: link(NESTED),
  },
  {
    id: `e${i}`,
    event_time: iso(t0 + i * 50 + 3000 + (i % 7) * 1000),
    resource_name: String(i),
    logical_resource_id: String(i),
    physical_resource_id: `p${i}`,
    resource_status: 'CREATE_COMPLETE',
    resource_status_reason: 'state changed',
    links: link(NESTED),
  },
]).flat();

function measure(name: string, runs: number, fn: () => void): void {
  for (let i = 0; i < 20; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3);
  console.log(`${name.padEnd(52)} median ${p(0.5)} ms  p95 ${p(0.95)} ms  (frame budget 16.7 ms)`);
}

console.log('stacks-ui: 201 resources (ResourceGroup of 200 TestResources), 400 events');
const half = events.slice(0, 380);
const push = events.slice(380);
measure('merge a push of 20 events into 380 (with repeats)', 500, () => void mergeEvents(half, [...push, ...half.slice(-10)]));
measure('topology elements, group collapsed', 500, () => void buildLiveTopology(TOP, resources, new Set()));
measure('topology elements, group expanded (201 nodes)', 500, () => void buildLiveTopology(TOP, resources, new Set([`${TOP}/group`])));
measure('Gantt spans of 400 events', 500, () => void ganttOf(events, TOP, t0 + 60_000));
measure('diagnosis over 400 events', 500, () => void diagnose(TOP, events, resources));

// ---------------------------------------------------------------- Chromium half

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1000);
/** One stack per size, found by name and reused across runs: creating 1,000 members on this cloud takes minutes. */
const STACK_NAME = process.env.BENCH_STACK ?? `bench-ui-${MEMBERS}`;
/** Kept for the next run unless BENCH_KEEP_STACK=0. */
const KEEP = process.env.BENCH_KEEP_STACK !== '0';
/** Each phase (topology, then events tab) measures at most this long: an update of 1,000 members takes Heat here about as long as creating them. */
const PHASE_MS = Number(process.env.BENCH_PHASE_MINUTES ?? 6) * 60_000;

/**
 * TestResources, not OS::Heat::None: None never updates (its _needs_update is
 * False), so an update would stream no member events. TestResource's `value`
 * updates in place with no wait: each round changes it on every member, and
 * Heat's own pace on 2 cores spreads the 2 x MEMBERS events out.
 */
const groupTemplate = (round: string) => `heat_template_version: 2018-08-31
description: ${MEMBERS} TestResources updated together (stacks-ui bench, reused by name).
resources:
  group:
    type: OS::Heat::ResourceGroup
    properties:
      count: ${MEMBERS}
      resource_def:
        type: OS::Heat::TestResource
        properties:
          value: "%index% round ${round}"
`;

/**
 * Installed before the app loads: frame deltas, long tasks, and when each event
 * row first appears. Plain JavaScript text: a function would be serialised with
 * the helpers tsx adds (`__name`), which the page does not have.
 */
const INSTRUMENT = `
window.__bench = { frames: [], longTasks: [], shownAt: {}, recording: false };
let last = 0;
const frame = (t) => {
  if (window.__bench.recording && last) window.__bench.frames.push(t - last);
  last = t;
  requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
new PerformanceObserver((list) => {
  if (window.__bench.recording) for (const e of list.getEntries()) window.__bench.longTasks.push(e.duration);
}).observe({ type: 'longtask' });
new MutationObserver((records) => {
  const now = Date.now();
  for (const r of records)
    for (const n of r.addedNodes)
      if (n instanceof HTMLElement) {
        const rows = n.matches('tr[data-event]') ? [n] : [...n.querySelectorAll('tr[data-event]')];
        for (const row of rows) window.__bench.shownAt[row.getAttribute('data-event')] ??= now;
      }
}).observe(document, { childList: true, subtree: true });
`;

/**
 * Polls the topology four times a second (resolution 250 ms) and records each
 * node's status changes as drawn: { id, status, at }. Plain JavaScript, as above.
 */
const WATCH_STATUSES = `(() => {
  const b = window.__bench;
  b.changes = [];
  let before = window.__hsTopology.statuses();
  b.poll = window.setInterval(() => {
    const now = Date.now();
    const cur = window.__hsTopology.statuses();
    for (const id in cur) if (cur[id] !== before[id]) b.changes.push({ id, status: cur[id], at: now });
    before = cur;
  }, 250);
})()`;

interface PageFigures {
  frames: number[];
  longTasks: number[];
  shownAt: Record<string, number>;
  changes: { id: string; status: string; at: number }[];
  poll: number;
}

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : 'n/a');
const sleep = (n: number) => new Promise((r) => setTimeout(r, n)); // polling Heat, not synchronising the page
const utc = (t: string) => Date.parse(`${t}${t.endsWith('Z') ? '' : 'Z'}`);

async function chromiumHalf(): Promise<void> {
  const cloud = loadTestCloud();
  if (!existsSync(join('dist', 'renderer', 'index.html'))) throw new Error('The renderer is not built: run `node_modules/.bin/vite build` first.');
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-bench-stacks-ui-'));
  const services = composeServices({ dataDir, host: 'web', version: 'bench' });
  const host = await startWebHost({ services, staticDir: join('dist', 'renderer'), port: 0 });
  const browser = await launchChromium();
  const call = async <T>(channel: string, request: unknown): Promise<T> => {
    const r = await services.dispatcher.dispatch(channel, request);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };
  let stack: StackRef | null = null;
  let profileId = '';
  try {
    const profile = await call<{ id: string }>('cloud.profiles.create', {
      fields: passwordProfile(cloud, 'demo', { name: 'bench-demo', sandbox: true }),
      secret: cloud.users.demo.password,
    });
    profileId = profile.id;
    const find = async () =>
      (await call<{ value: StackSummary[] }>('cloud.stacks.list', { profileId, filters: { name: STACK_NAME } })).value.find(
        (x) => x.stack_name === STACK_NAME,
      ) ?? null;
    /** Until the stack's action is no longer IN_PROGRESS (Heat's own pace, up to 30 min). */
    const settle = async () => {
      for (const until = Date.now() + 30 * 60_000; Date.now() < until; await sleep(5000)) {
        const s = await find();
        if (!s || !s.stack_status.endsWith('_IN_PROGRESS')) return s;
      }
      throw new Error(`${STACK_NAME} still in progress after 30 min`);
    };

    // An update an interrupted run left going is measured as this run's update (waiting for it would take as long).
    const first = await find();
    const running = first?.stack_status === 'UPDATE_IN_PROGRESS' ? first : null;
    let found = running ?? (await settle());
    if (found && !running && !found.stack_status.endsWith('_COMPLETE')) {
      console.log(`\n${STACK_NAME} is ${found.stack_status}: deleted and created again`);
      await call('cloud.stacks.delete', { profileId, stack: { name: found.stack_name, id: found.id } });
      found = await settle();
      if (found) throw new Error(`${STACK_NAME} could not be deleted: ${found.stack_status}`);
    }
    if (found) {
      stack = { name: found.stack_name, id: found.id };
      console.log(`\nreusing ${STACK_NAME} (${found.stack_status}, made by an earlier run)`);
    } else {
      const began = Date.now();
      const created = await call<{ stack: StackRef }>('deploy.create', {
        profileId,
        stackName: STACK_NAME,
        source: { kind: 'yaml', yaml: groupTemplate('0'), files: {}, entryPath: 'template.yaml' },
        options: { parameters: {}, environment: null, disableRollback: true, timeoutMins: 60, tags: [] },
      });
      stack = created.stack;
      await call('cloud.watch.stop', { profileId, stackId: stack.id });
      const done = await settle();
      console.log(`\ncreated ${STACK_NAME}: ${done?.stack_status} in ${((Date.now() - began) / 1000).toFixed(0)} s (kept and reused by later runs)`);
      if (done?.stack_status !== 'CREATE_COMPLETE') throw new Error(`${STACK_NAME}: ${done?.stack_status} ${done?.stack_status_reason ?? ''}`);
    }
    const theStack = stack;

    // Watcher latency: event_time (1 s resolution) -> the moment its stack.changed push leaves main,
    // for the events of the round running (first push of each member and status).
    let roundStart = Infinity;
    const pushed = new Map<string, { at: number; eventTime: number }>();
    services.events.subscribe((e) => {
      if (e.type !== 'stack.changed') return;
      const c = e.payload as StackChange;
      // Only this stack: the page also follows any other stack it finds in progress.
      if (c.stack.id !== theStack.id) return;
      const at = Date.now();
      for (const ev of c.events) {
        const eventTime = utc(ev.event_time);
        const key = `${ev.resource_name}|${ev.resource_status}`;
        if (eventTime >= roundStart - 1000 && !pushed.has(key)) pushed.set(key, { at, eventTime });
        if (eventTime >= roundStart - 1000 && !pushed.has(`id|${ev.id}`)) pushed.set(`id|${ev.id}`, { at, eventTime });
      }
    });
    /** An update that changes every member's `value`: 2 x MEMBERS events stream in at Heat's pace. */
    const updateRound = async () => {
      if (running) {
        roundStart = utc(running.updated_time ?? new Date().toISOString());
        console.log(`measuring the update an earlier run left in progress (since ${running.updated_time})`);
        return;
      }
      roundStart = Date.now();
      await call('deploy.update', {
        profileId,
        stack: theStack,
        source: { kind: 'yaml', yaml: groupTemplate(String(roundStart)), files: {}, entryPath: 'template.yaml' },
        options: { parameters: {}, environment: null, disableRollback: true, timeoutMins: 60, tags: [] },
      });
    };
    const settledInPage = (page: import('playwright-core').Page) =>
      page.waitForFunction(
        () => ['UPDATE_COMPLETE', 'UPDATE_FAILED'].includes(document.querySelector('[data-testid=stack-status]')?.getAttribute('data-status') ?? ''),
        undefined,
        { timeout: 30 * 60_000, polling: 500 },
      );

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    await page.addInitScript({ content: INSTRUMENT });
    await page.goto(host.url);
    await page.getByTestId('nav-stacks').click();
    await page.getByTestId('stacks-view').waitFor();
    await page.getByTestId('stacks-refresh').click();
    await page.getByTestId(`stack-${STACK_NAME}`).click();
    await page.waitForFunction((n) => document.querySelector('[data-testid=stack-name]')?.textContent === n, STACK_NAME);
    await page.getByTestId('stack-tab-topology').click();
    // The group expanded in place, as a user would (double-click), once its nested stack is known (label starts with ▸).
    const groupId = `${theStack.id}/group`;
    await page.waitForFunction(
      (id) =>
        (window as unknown as { __hsTopology?: { nodes(): { id: string; label: string }[] } }).__hsTopology
          ?.nodes()
          .some((n) => n.id === id && n.label.startsWith('▸')),
      groupId,
      { timeout: 300_000 },
    );
    const g = await page.evaluate((id) => (window as unknown as { __hsTopology: { at(i: string): { x: number; y: number } } }).__hsTopology.at(id), groupId);
    await page.mouse.dblclick(g.x, g.y);
    await page.waitForFunction(
      (n) => Object.keys((window as unknown as { __hsTopology: { tones(): Record<string, string> } }).__hsTopology.tones()).length > n,
      MEMBERS,
      { timeout: 300_000, polling: 500 },
    );
    console.log(`stacks-ui in Chromium: ${MEMBERS}-member ResourceGroup of TestResources expanded in the live topology, every member updated`);

    // One update: the topology, panned by the mouse all along (as a user looking around would), until half the
    // members are updated (or PHASE_MS), then the events tab for the rest (or PHASE_MS again).
    await page.evaluate(WATCH_STATUSES);
    const watchingAt = Date.now();
    await page.evaluate(() => ((window as unknown as { __bench: { recording: boolean } }).__bench.recording = true));
    const watchers = (services.cloud as unknown as { watchers: Map<string, { watcher: StackWatcher }> }).watchers;
    await updateRound();
    const requestsBefore = watchers.get(`${profileId}/${theStack.id}`)?.watcher.stats.requests ?? 0;
    let settledFlag = false;
    const settled = settledInPage(page).finally(() => (settledFlag = true));
    const membersDone = () => [...pushed.keys()].filter((k) => /^\d+\|UPDATE_COMPLETE$/.test(k)).length;
    const phase1End = roundStart + PHASE_MS;
    let done = false;
    const stopPhase1 = () => (done = settledFlag || membersDone() >= MEMBERS / 2 || Date.now() > phase1End);
    const box = await page.getByTestId('topology').boundingBox();
    let pans = 0;
    while (box && !stopPhase1()) {
      // From near the canvas's top-left corner (background after a fit), round and back.
      const x = box.x + 20;
      const y = box.y + 20;
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let i = 1; i <= 30 && !stopPhase1(); i++) await page.mouse.move(x + Math.sin(i / 5) * 150, y + (1 - Math.cos(i / 5)) * 90);
      await page.mouse.move(x, y);
      await page.mouse.up();
      pans++;
    }
    const phase1Seconds = (Date.now() - roundStart) / 1000;
    const phase1Members = membersDone();
    await screenshot(page, 'bench-stacks-ui-topology');
    const topo = await page.evaluate(() => {
      const b = (window as unknown as { __bench: PageFigures }).__bench;
      window.clearInterval(b.poll);
      // How often the graph changed shape and how many elements that added.
      const shapes = (window as unknown as { __hsTopology: { shapeChanges?: () => { count: number; added: number } } }).__hsTopology.shapeChanges?.() ?? null;
      const out = { frames: b.frames, longTasks: b.longTasks, changes: b.changes, shapes };
      b.frames = [];
      b.longTasks = [];
      return out;
    });
    const shown: number[] = [];
    const seen = new Set<string>();
    for (const c of topo.changes) {
      const name = c.id.slice(c.id.lastIndexOf('/') + 1);
      const p = pushed.get(`${name}|${c.status}`);
      if (p && !seen.has(`${name}|${c.status}`)) {
        seen.add(`${name}|${c.status}`);
        shown.push(c.at - p.eventTime);
      }
    }
    const fps = topo.frames.length ? 1000 / (topo.frames.reduce((a, b) => a + b, 0) / topo.frames.length) : NaN;
    console.log(
      `topology phase: ${phase1Seconds.toFixed(0)} s, ${phase1Members} of ${MEMBERS} members' UPDATE_COMPLETE pushed by then${done && !settledFlag && phase1Members < MEMBERS / 2 ? ' (phase cut at BENCH_PHASE_MINUTES)' : ''}`,
    );
    console.log(
      `topology, group expanded, panned ${pans} times: ${topo.frames.length} frames, ${fps.toFixed(1)} fps  p95 frame ${ms(pct(topo.frames, 95))}  max ${ms(Math.max(...topo.frames))}  long tasks ${topo.longTasks.length} (target >= 30 fps while events stream -> ${fps >= 30 ? 'met' : 'MISSED'})`,
    );
    if (topo.shapes)
      console.log(`topology shape changes    ${topo.shapes.count}, ${topo.shapes.added} elements added in all (a status push changes data only)`);
    console.log(
      `event_time -> node shown  p50 ${ms(pct(shown, 50))}  p95 ${ms(pct(shown, 95))}  (${shown.length} member status changes drawn; an IN_PROGRESS and COMPLETE pushed together draw the COMPLETE only; polled every 250 ms, event_time truncated to 1 s)`,
    );

    // The events tab for the rest of the same update.
    await page.getByTestId('stack-tab-events').click();
    await page.waitForSelector('tr[data-event]');
    await page.evaluate(() => ((window as unknown as { __bench: { shownAt: Record<string, number> } }).__bench.shownAt = {}));
    const eventsTabAt = Date.now();
    await Promise.race([settled, sleep(PHASE_MS)]);
    const minutes = (Date.now() - roundStart) / 60_000;
    const status = await page.getByTestId('stack-status').getAttribute('data-status');
    await screenshot(page, 'bench-stacks-ui-events');
    const figures = await page.evaluate(() => (window as unknown as { __bench: PageFigures }).__bench);
    const w = watchers.get(`${profileId}/${theStack.id}`)?.watcher;
    // Events pushed once the page watched (not a backlog read on opening the stack).
    const pushLag = [...pushed.entries()].filter(([k, p]) => k.startsWith('id|') && p.at > watchingAt + 500).map(([, p]) => p.at - p.eventTime);
    const live = Object.entries(figures.shownAt).flatMap(([id, at]) => {
      const p = pushed.get(`id|${id}`);
      return p && p.at > eventsTabAt + 500 ? [{ shown: at - p.eventTime, render: at - p.at }] : [];
    });
    const frames = figures.frames;
    console.log(
      `update ${status} after ${(minutes * 60).toFixed(0)} s, ${membersDone()} of ${MEMBERS} members' UPDATE_COMPLETE pushed${settledFlag ? '' : ' (measuring stopped at BENCH_PHASE_MINUTES; the update goes on in Heat)'}; events tab open from ${((eventsTabAt - roundStart) / 1000).toFixed(0)} s`,
    );
    console.log(
      `events tab, frame interval p50 ${ms(pct(frames, 50))}  p95 ${ms(pct(frames, 95))}  max ${ms(Math.max(...frames))}  (${frames.length} frames, ${(1000 / (frames.reduce((a, b) => a + b, 0) / frames.length)).toFixed(1)} fps; target p95 under 50 ms -> ${pct(frames, 95) < 50 ? 'met' : 'MISSED'})`,
    );
    console.log(
      `long tasks (>50 ms)       ${figures.longTasks.length}, total ${ms(figures.longTasks.reduce((a, b) => a + b, 0))}, longest ${ms(Math.max(0, ...figures.longTasks))}`,
    );
    console.log(
      `event_time -> push        p50 ${ms(pct(pushLag, 50))}  p95 ${ms(pct(pushLag, 95))}  (${pushLag.length} events; includes up to 1 s of event_time truncation; target p95 under 2.5 s)`,
    );
    console.log(
      `event_time -> row shown   p50 ${ms(
        pct(
          live.map((l) => l.shown),
          50,
        ),
      )}  p95 ${ms(
        pct(
          live.map((l) => l.shown),
          95,
        ),
      )}  (${live.length} events of this update)`,
    );
    console.log(
      `push -> row shown         p50 ${ms(
        pct(
          live.map((l) => l.render),
          50,
        ),
      )}  p95 ${ms(
        pct(
          live.map((l) => l.render),
          95,
        ),
      )}  (host -> SSE -> store merge -> rendered row)`,
    );
    const requests = (w?.stats.requests ?? 0) - requestsBefore;
    console.log(
      `watcher requests          ${requests} in ${minutes.toFixed(2)} min = ${(requests / minutes).toFixed(0)}/min (budget while in progress: at most one per 1.1 s, about 55/min)`,
    );
  } finally {
    if (stack && !KEEP) {
      await call('cloud.stacks.delete', { profileId, stack }).catch((err: unknown) => console.error(`could not delete ${STACK_NAME}: ${String(err)}`));
      const deadline = Date.now() + 600_000;
      while (Date.now() < deadline) {
        const list = await call<{ value: { id: string }[]; stale: boolean }>('cloud.stacks.list', { profileId, filters: {} }).catch(() => null);
        if (list && !list.stale && !list.value.some((x) => x.id === stack!.id)) break;
        await sleep(2000);
      }
      console.log(`stack ${STACK_NAME} deleted (BENCH_KEEP_STACK=0)`);
    } else if (stack) console.log(`stack ${STACK_NAME} kept for the next run (BENCH_KEEP_STACK=0 deletes it)`);
    await browser.close();
    await host.close();
    services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.env.BENCH_SKIP_CHROMIUM !== '1') {
  await chromiumHalf();
}
