// The Gantt view of a timeline: for each resource, each action's span from
// its *_IN_PROGRESS event to the COMPLETE/FAILED that ends it. A span with
// no end yet is still running (drawn up to "now").
import type { HeatEvent, HeatResource } from '../../shared/cloud/heat-types';
import { phaseOf } from '../../shared/cloud/resource-phase';
import { stackOf } from './timeline';
import { resourceStack } from './live-topology';

export type SpanOutcome = 'COMPLETE' | 'FAILED' | 'IN_PROGRESS';

export interface Span {
  /** Unique per resource and action occurrence. */
  key: string;
  resource: string;
  stackId: string;
  action: string;
  start: number;
  end: number | null;
  outcome: SpanOutcome;
}

export interface Gantt {
  spans: Span[];
  start: number;
  end: number;
}

const time = (e: HeatEvent) => Date.parse(e.event_time.endsWith('Z') ? e.event_time : `${e.event_time}Z`);

/** `events` oldest first; each stack's own events are left out (the top one's span is the whole chart). */
export function ganttOf(events: readonly HeatEvent[], topStackId: string, now: number): Gantt {
  const open = new Map<string, Span>();
  const spans: Span[] = [];
  let count = 0;
  for (const e of events) {
    const stackId = stackOf(e, topStackId);
    // A stack's own events (the top one's, and a nested stack's, which repeat the span of the resource that owns it).
    if (e.physical_resource_id === stackId) continue;
    const i = e.resource_status.indexOf('_');
    const action = i < 0 ? e.resource_status : e.resource_status.slice(0, i);
    const state = i < 0 ? '' : e.resource_status.slice(i + 1);
    const id = `${stackId}/${e.resource_name}/${action}`;
    if (state === 'IN_PROGRESS') {
      if (open.has(id)) continue;
      const span: Span = { key: `${id}#${count++}`, resource: e.resource_name, stackId, action, start: time(e), end: null, outcome: 'IN_PROGRESS' };
      open.set(id, span);
      spans.push(span);
    } else if (state === 'COMPLETE' || state === 'FAILED') {
      const span = open.get(id);
      if (span) {
        span.end = time(e);
        span.outcome = state;
        open.delete(id);
      } else {
        // An outcome with no start (e.g. SIGNAL_COMPLETE, or a start outside the fetched window): a point.
        spans.push({ key: `${id}#${count++}`, resource: e.resource_name, stackId, action, start: time(e), end: time(e), outcome: state });
      }
    }
  }
  const start = spans.length ? Math.min(...spans.map((s) => s.start)) : now;
  const end = Math.max(start + 1000, ...spans.map((s) => s.end ?? now));
  return { spans, start, end };
}

export interface WaitingRow {
  key: string;
  resource: string;
  stackId: string;
}

/**
 * Resources Heat has not started yet (INIT_COMPLETE): they have no events,
 * so no span, but a create is not over until they run. The Gantt lists them
 * below the spans, drawn as empty dashed rows.
 */
export function waitingRows(resources: readonly Pick<HeatResource, 'resource_name' | 'resource_status' | 'links'>[], topStackId: string): WaitingRow[] {
  return resources
    .filter((r) => phaseOf(r.resource_status) === 'not-started')
    .map((r) => {
      const stackId = resourceStack(r, topStackId);
      return { key: `${stackId}/${r.resource_name}/waiting`, resource: r.resource_name, stackId };
    })
    .sort((a, b) => a.resource.localeCompare(b.resource, undefined, { numeric: true }));
}

export interface GanttRow {
  span: Span;
  /** 0 for the top stack's resources, 1 inside a nested stack, and so on. */
  depth: number;
}

/**
 * The spans in reading order: each stack's spans by start time, and a nested
 * stack's spans right under the span of the resource that owns it, indented.
 * Spans of a stack no listed resource owns come last, one level in.
 */
export function ganttRows(
  spans: readonly Span[],
  resources: readonly Pick<HeatResource, 'resource_name' | 'physical_resource_id' | 'links'>[],
  topStackId: string,
): GanttRow[] {
  const byStack = new Map<string, Span[]>();
  for (const s of [...spans].sort((a, b) => a.start - b.start)) byStack.set(s.stackId, [...(byStack.get(s.stackId) ?? []), s]);
  const owned = new Map<string, string>();
  for (const r of resources)
    if (r.physical_resource_id && byStack.has(r.physical_resource_id)) owned.set(`${resourceStack(r, topStackId)}/${r.resource_name}`, r.physical_resource_id);
  const rows: GanttRow[] = [];
  const placed = new Set<string>();
  const place = (stackId: string, depth: number) => {
    if (placed.has(stackId)) return;
    placed.add(stackId);
    const list = byStack.get(stackId) ?? [];
    list.forEach((s, i) => {
      rows.push({ span: s, depth });
      const nested = owned.get(`${stackId}/${s.resource}`);
      // Under the resource's last span (its latest operation), so the nested rows follow it once.
      if (nested && !list.slice(i + 1).some((x) => x.resource === s.resource)) place(nested, depth + 1);
    });
  };
  place(topStackId, 0);
  for (const stackId of byStack.keys()) place(stackId, 1);
  return rows;
}
