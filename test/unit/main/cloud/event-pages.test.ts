// Heat's event paging, shared by the timeline fetch and the watcher: pages
// follow each other by the last id, a marker Heat purged restarts from the
// first event, and other errors are not swallowed.
import { describe, expect, it } from 'vitest';
import { readEventPages } from '../../../../main/cloud/event-pages';
import type { EventQuery } from '../../../../main/cloud/heat-client';
import type { HeatEvent } from '../../../../shared/cloud/heat-types';
import { AppError } from '../../../../shared/ipc/errors';

const event = (id: string): HeatEvent => ({
  id,
  event_time: '2026-12-07T03:00:00Z',
  resource_name: id,
  logical_resource_id: id,
  physical_resource_id: null,
  resource_status: 'CREATE_COMPLETE',
  resource_status_reason: null,
  links: [],
});

/** Heat's answers for a stack whose events are a..e, and which no longer has the events in `purged`. */
function heat(purged: string[] = []) {
  const all = ['a', 'b', 'c', 'd', 'e'].map(event);
  const queries: EventQuery[] = [];
  const read = async (q: EventQuery): Promise<HeatEvent[]> => {
    queries.push(q);
    if (q.marker && purged.includes(q.marker)) throw new AppError('NOT_FOUND', `Event ${q.marker} not found (marker)`);
    const from = q.marker ? all.findIndex((e) => e.id === q.marker) + 1 : 0;
    return all.slice(from, from + (q.limit ?? 100));
  };
  return { read, queries };
}

describe('readEventPages', () => {
  it('reads page after page, each after the last event of the one before', async () => {
    const h = heat();
    const read = await readEventPages(h.read, { marker: 'a', pageSize: 2, nestedDepth: 1 });
    expect(read.listed.map((e) => e.id)).toEqual(['b', 'c', 'd', 'e']);
    expect(read).toMatchObject({ from: 'a', complete: true });
    expect(h.queries.map((q) => q.marker)).toEqual(['a', 'c', 'e']);
    expect(h.queries.every((q) => q.sort_dir === 'asc' && q.nested_depth === 1 && q.limit === 2)).toBe(true);
  });

  it('starts over from the first event when Heat purged the marker', async () => {
    const h = heat(['old']);
    const read = await readEventPages(h.read, { marker: 'old', pageSize: 10, nestedDepth: 0 });
    expect(read.listed.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(read.from).toBeNull();
    expect(h.queries[1]?.marker).toBeUndefined();
  });

  it('stops when a page is refused by its reader, and passes other errors on', async () => {
    const seen: string[] = [];
    const stopped = await readEventPages(heat().read, { marker: null, pageSize: 2, nestedDepth: 0 }, (page) => {
      seen.push(...page.map((e) => e.id));
      return seen.length < 2;
    });
    expect(stopped.complete).toBe(false);
    expect(seen).toEqual(['a', 'b']);
    const failing = async (): Promise<HeatEvent[]> => {
      throw new AppError('NOT_FOUND', 'Stack s1 not found');
    };
    await expect(readEventPages(failing, { marker: null, pageSize: 2, nestedDepth: 0 })).rejects.toThrow('Stack s1 not found');
  });
});
