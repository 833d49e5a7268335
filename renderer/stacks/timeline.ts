// The events timeline: events arrive in pieces (the first read, then the
// watcher's pushes, then a catch-up after a lost connection) and must show
// once each, in time order, whatever order the pieces came in.
import { eventStackId, type HeatEvent } from '../../shared/cloud/heat-types';

export type EventOrder = 'newest' | 'oldest';

export interface EventFilter {
  resource: string | null;
  /** A status half ('FAILED', 'COMPLETE', 'IN_PROGRESS') or a full status. */
  status: string | null;
  order: EventOrder;
}

/** Merges `incoming` into `current` (oldest first): no duplicates by id, stable for equal times (Heat has 1 s resolution). */
export function mergeEvents(current: readonly HeatEvent[], incoming: readonly HeatEvent[]): HeatEvent[] {
  if (incoming.length === 0) return current as HeatEvent[];
  const seen = new Set(current.map((e) => e.id));
  const fresh = incoming.filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)));
  if (fresh.length === 0) return current as HeatEvent[];
  const last = current.at(-1);
  const ordered = [...fresh].sort((a, b) => a.event_time.localeCompare(b.event_time));
  // The usual case (watcher pushes newer events): append without re-sorting everything.
  if (!last || (ordered[0]?.event_time ?? '') >= last.event_time) return [...current, ...ordered];
  return [...current, ...ordered]
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.event_time.localeCompare(b.e.event_time) || a.i - b.i)
    .map((x) => x.e);
}

export function matchesStatus(status: string, wanted: string): boolean {
  return status === wanted || status.endsWith(`_${wanted}`);
}

export function filterEvents(events: readonly HeatEvent[], filter: EventFilter): HeatEvent[] {
  const out = events.filter(
    (e) => (!filter.resource || e.resource_name === filter.resource) && (!filter.status || matchesStatus(e.resource_status, filter.status)),
  );
  return filter.order === 'newest' ? out.reverse() : out;
}

/** Resource names in the timeline, for the filter's select. */
export function eventResources(events: readonly HeatEvent[]): string[] {
  return [...new Set(events.map((e) => e.resource_name))].sort();
}

/** The (nested) stack an event belongs to; the top stack's own id when Heat gave no link. */
export function stackOf(e: HeatEvent, fallback: string): string {
  return eventStackId(e) ?? fallback;
}
