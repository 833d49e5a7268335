// Reading a stack's events from Heat, the one way both readers do it: the
// timeline's fetch (cloud-service.ts) and the watcher (stack-watcher.ts).
// Oldest first, page after page, each page resuming after the last event
// of the one before. Heat purges old events (max_events_per_stack), so a
// marker it no longer knows means "start over from the first event"; the
// callers de-duplicate by event id (the watcher's seen-set, the cache's
// unique key), so nothing comes out twice. Where the next read resumes is
// the caller's: trailingMarker() in shared/cloud/event-overlap.ts.
import type { HeatEvent } from '../../shared/cloud/heat-types';
import { AppError } from '../../shared/ipc/errors';
import type { EventQuery } from './heat-client';

export interface EventPaging {
  /** Resume after this event; null reads from the first. */
  marker: string | null;
  pageSize: number;
  nestedDepth: number;
}

export interface EventPagesRead {
  /** Every event listed, oldest first (since the restart, when the marker was purged). */
  listed: HeatEvent[];
  /** The marker the listing started after: the one asked for, or null once Heat had purged it. */
  from: string | null;
  /** False when onPage stopped the reading early. */
  complete: boolean;
}

/** Heat's 404 for a marker event it no longer has. */
function isPurgedMarker(err: unknown, marker: string | null): boolean {
  return err instanceof AppError && err.code === 'NOT_FOUND' && marker !== null && /marker|event/i.test(err.message);
}

/**
 * Reads every page of events after `paging.marker`. `onPage` sees each page
 * as it arrives (to store it, or to stop: return false).
 */
export async function readEventPages(
  readPage: (query: EventQuery) => Promise<HeatEvent[]>,
  paging: EventPaging,
  onPage?: (page: HeatEvent[]) => boolean | void,
): Promise<EventPagesRead> {
  const listed: HeatEvent[] = [];
  let from = paging.marker;
  let cursor = from;
  for (;;) {
    const query: EventQuery = { sort_dir: 'asc', sort_keys: 'event_time', limit: paging.pageSize };
    if (paging.nestedDepth > 0) query.nested_depth = paging.nestedDepth;
    if (cursor) query.marker = cursor;
    let page: HeatEvent[];
    try {
      page = await readPage(query);
    } catch (err) {
      if (!isPurgedMarker(err, cursor)) throw err;
      from = cursor = null;
      listed.length = 0;
      continue;
    }
    if (onPage?.(page) === false) return { listed, from, complete: false };
    listed.push(...page);
    if (page.length > 0) cursor = page.at(-1)!.id;
    if (page.length < paging.pageSize) return { listed, from, complete: true };
  }
}
