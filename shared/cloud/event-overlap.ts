// Where to resume reading a stack's events without missing a late one.
//
// Heat lists events by created_at then id, and a marker means "after this
// event in that order". But an event's created_at is taken before its
// transaction commits, and with nested_depth the set of stacks read is
// recomputed per request: an event can become visible after a newer one was
// already listed (seen on the real Heat: a nested create lost one event in
// 18 now and then). Resuming from the newest event listed would skip it for
// good. So the marker trails the newest event by a few seconds of event
// time; the overlap is read again and de-duplicated by id.

/** Seconds of event time read again on every round. Late commits seen on the lab were well under one second. */
export const EVENT_OVERLAP_MS = 5_000;

export interface EventStamp {
  id: string;
  event_time: string;
}

/** Heat's event_time has no zone suffix on some versions; it is always UTC. */
export function eventTimeMs(eventTime: string): number {
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(eventTime) ? eventTime : `${eventTime}Z`);
}

/**
 * The event to resume after: the last of `listed` (in Heat's order, oldest
 * first) whose time is at least `overlapMs` older than the newest listed;
 * `previous` when none is that old yet.
 */
export function trailingMarker(listed: readonly EventStamp[], previous: string | null, overlapMs = EVENT_OVERLAP_MS): string | null {
  if (listed.length === 0) return previous;
  let newest = -Infinity;
  for (const e of listed) newest = Math.max(newest, eventTimeMs(e.event_time));
  const cut = newest - overlapMs;
  let marker = previous;
  for (const e of listed) {
    if (eventTimeMs(e.event_time) > cut) break;
    marker = e.id;
  }
  return marker;
}
