// Stacks UI, the pure half: what every watcher push costs the renderer for a
// stack of 200 resources (a ResourceGroup of TestResources) and ~600 events:
// merging a push into the timeline, rebuilding the topology elements, the
// Gantt spans and the diagnosis. Standalone: `node --import tsx test/bench/stacks-ui.bench.ts`.
// Not yet here: Chromium frame timings / long tasks and watcher latency on
// the real cloud (see renderer/components/stacks/README.md, "Left to do").
import { performance } from 'node:perf_hooks';
import type { HeatEvent, HeatResource } from '../../shared/cloud/heat-types';
import { mergeEvents } from '../../renderer/deploy/timeline';
import { buildTopology } from '../../renderer/deploy/topology';
import { ganttOf } from '../../renderer/deploy/gantt';
import { diagnose } from '../../renderer/deploy/diagnosis';

const TOP = 'top';
const NESTED = 'nested';
const link = (stack: string) => [{ rel: 'stack', href: `http://h/v1/p/stacks/s/${stack}` }];
const t0 = Date.parse('2025-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

const resources: HeatResource[] = [
  { resource_name: 'group', logical_resource_id: 'group', physical_resource_id: NESTED, resource_type: 'OS::Heat::ResourceGroup', resource_status: 'CREATE_IN_PROGRESS', resource_status_reason: null, required_by: [], creation_time: null, updated_time: null, links: link(TOP) },
  ...Array.from({ length: 200 }, (_, i): HeatResource => ({ resource_name: String(i), logical_resource_id: String(i), physical_resource_id: `p${i}`, resource_type: 'OS::Heat::TestResource', resource_status: i % 3 ? 'CREATE_COMPLETE' : 'CREATE_IN_PROGRESS', resource_status_reason: null, required_by: [], creation_time: null, updated_time: null, links: link(NESTED) })),
];
const events: HeatEvent[] = Array.from({ length: 200 }, (_, i) => [
  { id: `s${i}`, event_time: iso(t0 + i * 50), resource_name: String(i), logical_resource_id: String(i), physical_resource_id: null, resource_status: 'CREATE_IN_PROGRESS', resource_status_reason: 'state changed', links: link(NESTED) },
  { id: `e${i}`, event_time: iso(t0 + i * 50 + 3000 + (i % 7) * 1000), resource_name: String(i), logical_resource_id: String(i), physical_resource_id: `p${i}`, resource_status: 'CREATE_COMPLETE', resource_status_reason: 'state changed', links: link(NESTED) },
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
measure('topology elements, group collapsed', 500, () => void buildTopology(TOP, resources, new Set()));
measure('topology elements, group expanded (201 nodes)', 500, () => void buildTopology(TOP, resources, new Set([`${TOP}/group`])));
measure('Gantt spans of 400 events', 500, () => void ganttOf(events, TOP, t0 + 60_000));
measure('diagnosis over 400 events', 500, () => void diagnose(TOP, events, resources));
