// The event marker trails the newest event, so an event Heat commits after a
// newer one was listed is still read; checked on the pure function and on the
// watcher against a list with Heat's marker semantics (created_at, then id).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENT_OVERLAP_MS, eventTimeMs, trailingMarker } from '../../../../shared/cloud/event-overlap';
import { StackWatcher, type WatchDelta } from '../../../../main/cloud/stack-watcher';
import type { HeatEvent, StackDetails } from '../../../../shared/cloud/heat-types';
import type { EventQuery } from '../../../../main/cloud/heat-client';

const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 3, 0, s)).toISOString().replace('.000', '');

describe('trailingMarker', () => {
  it('resumes after the last event older than the overlap, and keeps the previous marker while none is', () => {
    const listed = [
      { id: 'a', event_time: at(0) },
      { id: 'b', event_time: at(1) },
      { id: 'c', event_time: at(6) },
      { id: 'd', event_time: at(7) },
    ];
    expect(trailingMarker(listed, 'x', 5_000)).toBe('b');
    expect(trailingMarker(listed.slice(2), 'x', 5_000)).toBe('x');
    expect(trailingMarker([], 'x')).toBe('x');
    expect(trailingMarker(listed, null, 0)).toBe('d');
  });

  it('reads times with or without a zone suffix as UTC', () => {
    expect(eventTimeMs('2026-12-07T03:00:01')).toBe(eventTimeMs('2026-12-07T03:00:01Z'));
    expect(EVENT_OVERLAP_MS).toBeGreaterThan(0);
  });
});

/** Heat's event list: sorted by created time then insertion, `marker` = after that event. */
function heatEvents() {
  const rows: { e: HeatEvent; n: number }[] = [];
  let n = 0;
  const ordered = () => [...rows].sort((x, y) => x.e.event_time.localeCompare(y.e.event_time) || x.n - y.n).map((r) => r.e);
  return {
    commit(id: string, second: number) {
      const e: HeatEvent = {
        id,
        event_time: at(second),
        resource_name: `r-${id}`,
        logical_resource_id: `r-${id}`,
        physical_resource_id: null,
        resource_status: 'CREATE_COMPLETE',
        resource_status_reason: null,
        links: [],
      };
      rows.push({ e, n: n++ });
    },
    list(q: EventQuery): HeatEvent[] {
      const all = ordered();
      const from = q.marker ? all.findIndex((e) => e.id === q.marker) + 1 : 0;
      return all.slice(from, from + (q.limit ?? 100));
    },
    all: () => ordered().map((e) => e.id),
  };
}

describe('the stack watcher and a late commit', () => {
  afterEach(() => vi.useRealTimers());

  it('emits an event committed after a newer one was listed, once', async () => {
    const heat = heatEvents();
    const stack = { id: 's1', name: 'stack' };
    const details = {
      id: 's1',
      stack_name: 'stack',
      stack_status: 'CREATE_IN_PROGRESS',
      stack_status_reason: '',
      creation_time: at(0),
      updated_time: null,
    } as unknown as StackDetails;
    const deltas: WatchDelta[] = [];
    const watcher = new StackWatcher({ events: async (_ref, q) => heat.list(q ?? {}), resources: async () => [], show: async () => details }, stack, {
      fastMs: 1,
      slowMs: 1,
      pageSize: 2,
      onChange: (d) => deltas.push(d),
    });
    vi.useFakeTimers();
    heat.commit('e1', 0);
    heat.commit('e3', 2);
    heat.commit('e4', 3);
    watcher.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(deltas.flatMap((d) => d.events.map((e) => e.id))).toEqual(['e1', 'e3', 'e4']);
    heat.commit('e2', 1); // created at second 1, committed after e3 and e4 were listed
    heat.commit('e5', 4);
    await vi.advanceTimersByTimeAsync(1_000);
    watcher.stop();
    const emitted = deltas.flatMap((d) => d.events.map((e) => e.id));
    expect([...emitted].sort()).toEqual(heat.all());
    expect(new Set(emitted).size).toBe(emitted.length);
  });
});
