import { describe, expect, it } from 'vitest';
import { filterEvents, mergeEvents } from '../../../../renderer/stacks/timeline';
import { ganttOf } from '../../../../renderer/stacks/gantt';
import { ev, TOP } from './fixtures';

describe('the events timeline', () => {
  it('shows each event once when a catch-up after a lost connection repeats events already pushed', () => {
    const a = ev('a', 'CREATE_IN_PROGRESS', '01', { id: '1' });
    const b = ev('a', 'CREATE_COMPLETE', '02', { id: '2' });
    const c = ev('b', 'CREATE_IN_PROGRESS', '03', { id: '3' });
    const merged = mergeEvents(mergeEvents([a], [b]), [a, b, c]);
    expect(merged.map((e) => e.id)).toEqual(['1', '2', '3']);
  });

  it('puts late-arriving older events back in time order', () => {
    const merged = mergeEvents([ev('a', 'X', '05', { id: '5' })], [ev('a', 'X', '01', { id: '1' })]);
    expect(merged.map((e) => e.id)).toEqual(['1', '5']);
  });

  it('filters by resource and by status half, newest first', () => {
    const events = [ev('a', 'CREATE_IN_PROGRESS', '01'), ev('a', 'CREATE_FAILED', '02'), ev('b', 'CREATE_FAILED', '03')];
    expect(filterEvents(events, { resource: null, status: 'FAILED', order: 'newest' }).map((e) => e.resource_name)).toEqual(['b', 'a']);
    expect(filterEvents(events, { resource: 'a', status: null, order: 'oldest' }).map((e) => e.resource_status)).toEqual([
      'CREATE_IN_PROGRESS',
      'CREATE_FAILED',
    ]);
  });
});

describe('the Gantt view', () => {
  it('spans each resource from IN_PROGRESS to its outcome and leaves a running one open', () => {
    const g = ganttOf(
      [
        ev('stack', 'CREATE_IN_PROGRESS', '00', { physical: TOP }),
        ev('a', 'CREATE_IN_PROGRESS', '01'),
        ev('b', 'CREATE_IN_PROGRESS', '02'),
        ev('a', 'CREATE_COMPLETE', '04'),
      ],
      TOP,
      Date.parse('2025-01-01T00:00:10Z'),
    );
    expect(g.spans.map((s) => [s.resource, s.outcome, s.end === null ? null : (s.end - s.start) / 1000])).toEqual([
      ['a', 'COMPLETE', 3],
      ['b', 'IN_PROGRESS', null],
    ]);
    expect(g.end).toBe(Date.parse('2025-01-01T00:00:10Z'));
  });
});
