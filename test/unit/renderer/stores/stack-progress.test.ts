import { describe, expect, it } from 'vitest';
import { applyResourceChanges, emptyProgressState, nextProgressState, previewedNames, progressOfState } from '../../../../renderer/stores/stack-progress';
import { progressPercent, progressText } from '../../../../renderer/stacks/progress-text';
import { waitingRows } from '../../../../renderer/stacks/gantt';
import type { ResourceChange, StackChange } from '../../../../shared/cloud/heat-types';
import { res, TOP } from '../stacks/fixtures';

const change = (over: Partial<StackChange>): StackChange => ({
  profileId: 'p',
  stack: { name: 's', id: TOP },
  status: null,
  statusReason: null,
  actionStartedAt: null,
  events: [],
  resourceChanges: [],
  resources: null,
  settled: false,
  gone: false,
  ...over,
});
const moved = (name: string, status: string, time: string): ResourceChange => ({
  resource_name: name,
  stack_id: TOP,
  resource_status: status,
  resource_status_reason: null,
  physical_resource_id: null,
  event_time: time,
});
// A translator that shows the key and its values, so the sentence's parts are checked, not a language.
const t = (key: string, v?: Record<string, unknown>) => `${key.split('.').pop()}(${Object.values(v ?? {}).join(',')})`;

describe('progress between resource reads', () => {
  const chain = Array.from({ length: 12 }, (_, i) => res(`r${i + 1}`, 'INIT_COMPLETE'));

  it('counts a create from the events the watcher passes on, INIT_COMPLETE as not started', () => {
    let s = nextProgressState(emptyProgressState(), change({ status: 'CREATE_IN_PROGRESS', actionStartedAt: '2025-01-01T00:00:00Z', resources: chain }));
    expect(progressOfState(s)).toMatchObject({ done: 0, running: 0, waiting: 12, total: 12 });
    const events = ['r1', 'r2', 'r3', 'r4', 'r5'].map((n, i) => moved(n, 'CREATE_COMPLETE', `2025-01-01T00:00:0${i + 1}`));
    s = nextProgressState(s, change({ resourceChanges: [...events, moved('r6', 'CREATE_IN_PROGRESS', '2025-01-01T00:00:06')] }));
    const p = progressOfState(s);
    expect(p).toEqual({ done: 5, failed: 0, running: 1, waiting: 6, total: 12, scope: 'all' });
    expect(progressText(t, p)).toBe('progress(5,12) · progressRunning(1) · progressWaiting(6)');
    expect(progressPercent(p)).toBe(42);
  });

  it('an update counts only what it changes, and the previewed names from the moment it is sent', () => {
    const created = ['a', 'b', 'c'].map((n) => ({ ...res(n, 'CREATE_COMPLETE'), creation_time: '2025-01-01T00:00:00Z' }));
    let s = nextProgressState(emptyProgressState(), change({ status: 'CREATE_COMPLETE', resources: created }));
    s = { ...s, expected: previewedNames({ updated: [{ resource_name: 'b' }], added: [{ resource_name: 'd' }, { bogus: 1 }], deleted: [], replaced: [] }) };
    s = nextProgressState(s, change({ status: 'UPDATE_IN_PROGRESS', actionStartedAt: '2025-01-01T01:00:00Z' }));
    expect(progressOfState(s)).toMatchObject({ done: 0, waiting: 1, total: 1, scope: 'changed' });
    s = nextProgressState(s, change({ resourceChanges: [moved('b', 'UPDATE_COMPLETE', '2025-01-01T01:00:05Z')] }));
    const p = progressOfState(s);
    expect(p).toMatchObject({ done: 1, total: 1 });
    expect(progressText(t, p)).toBe('progressChanged(1,1)');
    s = nextProgressState(s, change({ status: 'UPDATE_COMPLETE', settled: true }));
    expect(s.expected).toBeNull();
  });

  it('the event time marks a replacement as changed in this update even though Heat keeps its times', () => {
    const list = [{ ...res('a', 'CREATE_COMPLETE'), creation_time: '2025-01-01T00:00:00Z', updated_time: null }];
    const [a] = applyResourceChanges(list, change({ resourceChanges: [moved('a', 'CREATE_COMPLETE', '2025-01-01T02:00:00Z')] }), TOP);
    expect(a?.updated_time).toBe('2025-01-01T02:00:00Z');
    expect(progressOfState({ status: 'UPDATE_IN_PROGRESS', actionStartedAt: '2025-01-01T01:00:00Z', resources: [a!], expected: null })).toMatchObject({
      done: 1,
      total: 1,
    });
  });

  it('lists the not-started resources for the Gantt, nested ones with their stack', () => {
    const rows = waitingRows(
      [res('x10', 'INIT_COMPLETE'), res('x2', 'INIT_COMPLETE', { stack: 'n1' }), res('y', 'CREATE_COMPLETE'), res('z', 'INIT_FAILED')],
      TOP,
    );
    expect(rows.map((r) => `${r.stackId}:${r.resource}`)).toEqual(['n1:x2', `${TOP}:x10`]);
  });
});
