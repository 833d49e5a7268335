// The Gantt view of a timeline: for each resource, each action's span from
// its *_IN_PROGRESS event to the COMPLETE/FAILED that ends it. A span with
// no end yet is still running (drawn up to "now").
import type { HeatEvent, HeatResource } from '../../shared/cloud/heat-types';
import { phaseOf } from '../../shared/cloud/resource-phase';
import { stackOf } from './timeline';
import { resourceStack } from './topology';

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

/** `events` oldest first; the top stack's own events are left out (its span is the whole chart). */
export function ganttOf(events: readonly HeatEvent[], topStackId: string, now: number): Gantt {
  const open = new Map<string, Span>();
  const spans: Span[] = [];
  let count = 0;
  for (const e of events) {
    const stackId = stackOf(e, topStackId);
    if (e.physical_resource_id === topStackId && stackId === topStackId) continue;
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
