import { describe, expect, it } from 'vitest';
import { actionOf, actionProgress, phaseOf, type ResourcePhase } from '../../../../shared/cloud/resource-phase';

// Every status Heat's Resource class can be in: ACTIONS x STATUSES
// (heat/engine/resource.py), plus the bare halves the legends use.
const ACTIONS = ['INIT', 'CREATE', 'DELETE', 'UPDATE', 'ROLLBACK', 'SUSPEND', 'RESUME', 'ADOPT', 'SNAPSHOT', 'CHECK'];
const EXPECTED: Record<string, Record<'IN_PROGRESS' | 'COMPLETE' | 'FAILED', ResourcePhase>> = {
  INIT: { IN_PROGRESS: 'not-started', COMPLETE: 'not-started', FAILED: 'failed' },
  DELETE: { IN_PROGRESS: 'in-progress', COMPLETE: 'gone', FAILED: 'failed' },
};

describe('phaseOf', () => {
  for (const action of ACTIONS)
    for (const state of ['IN_PROGRESS', 'COMPLETE', 'FAILED'] as const) {
      const status = `${action}_${state}`;
      const want = EXPECTED[action]?.[state] ?? { IN_PROGRESS: 'in-progress', COMPLETE: 'done', FAILED: 'failed' }[state];
      it(`${status} is ${want}`, () => expect(phaseOf(status)).toBe(want));
    }

  it('reads the bare halves the legend shows, and nothing as unknown', () => {
    expect(phaseOf('INIT')).toBe('not-started');
    expect(phaseOf('IN_PROGRESS')).toBe('in-progress');
    expect(phaseOf('COMPLETE')).toBe('done');
    expect(phaseOf('FAILED')).toBe('failed');
    expect(phaseOf(null)).toBe('unknown');
    expect(phaseOf('')).toBe('unknown');
    expect(phaseOf('SOMETHING')).toBe('unknown');
  });

  it('splits off the action', () => {
    expect(actionOf('SNAPSHOT_IN_PROGRESS')).toBe('SNAPSHOT');
    expect(actionOf('INIT_COMPLETE')).toBe('INIT');
    expect(actionOf('COMPLETE')).toBeNull();
    expect(actionOf(undefined)).toBeNull();
  });
});

const res = (name: string, status: string, created = '2026-12-06T10:00:00Z', updated: string | null = null) => ({
  resource_name: name,
  resource_status: status,
  creation_time: created,
  updated_time: updated,
});

describe('actionProgress', () => {
  it('a half-done create chain: not-started resources are neither done nor failed', () => {
    const resources = [
      ...[1, 2, 3, 4, 5].map((i) => res(`step${i}`, 'CREATE_COMPLETE')),
      res('step6', 'CREATE_IN_PROGRESS'),
      ...[7, 8, 9, 10, 11, 12].map((i) => res(`step${i}`, 'INIT_COMPLETE')),
    ];
    expect(actionProgress({ stackStatus: 'CREATE_IN_PROGRESS', resources })).toEqual({ done: 5, failed: 0, running: 1, waiting: 6, total: 12, scope: 'all' });
  });

  it('a delete has finished only what shows DELETE; a resource that failed to create still waits for it', () => {
    const resources = [
      res('a', 'DELETE_COMPLETE'),
      res('b', 'DELETE_IN_PROGRESS'),
      res('c', 'CREATE_COMPLETE'),
      res('d', 'CREATE_FAILED'),
      res('e', 'DELETE_FAILED'),
    ];
    expect(actionProgress({ stackStatus: 'DELETE_IN_PROGRESS', resources })).toEqual({ done: 1, failed: 1, running: 1, waiting: 2, total: 5, scope: 'all' });
  });

  it.each(['SUSPEND', 'RESUME', 'CHECK', 'SNAPSHOT', 'ADOPT'])('%s goes through every resource', (action) => {
    const resources = [res('a', `${action}_COMPLETE`), res('b', `${action}_IN_PROGRESS`), res('c', 'CREATE_COMPLETE'), res('d', `${action}_FAILED`)];
    expect(actionProgress({ stackStatus: `${action}_IN_PROGRESS`, resources })).toEqual({ done: 1, failed: 1, running: 1, waiting: 1, total: 4, scope: 'all' });
  });

  it('an update counts only the resources it changes (as Heat leaves the others CREATE_COMPLETE with their old times)', () => {
    const start = '2026-12-06T11:00:00Z';
    const resources = [
      res('kept1', 'CREATE_COMPLETE'),
      res('kept2', 'UPDATE_COMPLETE', '2026-12-06T10:00:00Z', '2026-12-06T10:30:00Z'), // an earlier update
      res('changed', 'UPDATE_COMPLETE', '2026-12-06T10:00:00Z', '2026-12-06T11:00:00Z'),
      res('changing', 'UPDATE_IN_PROGRESS', '2026-12-06T10:00:00Z', '2026-12-06T11:00:05Z'),
      res('added', 'CREATE_COMPLETE', '2026-12-06T11:00:03Z'),
      res('adding', 'INIT_COMPLETE', '2026-12-06T11:00:01Z'),
      res('removed', 'DELETE_COMPLETE'),
    ];
    expect(actionProgress({ stackStatus: 'UPDATE_IN_PROGRESS', actionStartedAt: start, resources })).toEqual({
      done: 3,
      failed: 0,
      running: 1,
      waiting: 1,
      total: 5,
      scope: 'changed',
    });
    // The change preview names what is still to come: kept1 is to be updated too.
    expect(actionProgress({ stackStatus: 'UPDATE_IN_PROGRESS', actionStartedAt: start, resources, expected: new Set(['kept1', 'changed']) }).total).toBe(6);
  });

  it('reads Heat times without a zone as UTC', () => {
    const resources = [
      res('old', 'UPDATE_COMPLETE', '2026-12-06T10:00:00', '2026-12-06T10:59:59'),
      res('new', 'UPDATE_COMPLETE', '2026-12-06T10:00:00', '2026-12-06T11:00:00'),
    ];
    expect(actionProgress({ stackStatus: 'UPDATE_IN_PROGRESS', actionStartedAt: '2026-12-06T11:00:00Z', resources }).total).toBe(1);
  });

  it('an update without a known start falls back to the resources’ own actions', () => {
    const resources = [res('a', 'CREATE_COMPLETE'), res('b', 'UPDATE_COMPLETE'), res('c', 'UPDATE_IN_PROGRESS')];
    const p = actionProgress({ stackStatus: 'UPDATE_IN_PROGRESS', actionStartedAt: null, resources });
    expect(p).toEqual({ done: 1, failed: 0, running: 1, waiting: 0, total: 2, scope: 'changed' });
  });

  it('a rollback after a failed create counts the deletes', () => {
    const resources = [res('a', 'DELETE_COMPLETE'), res('b', 'DELETE_IN_PROGRESS'), res('c', 'CREATE_FAILED', '2026-12-06T10:00:00Z')];
    expect(actionProgress({ stackStatus: 'ROLLBACK_IN_PROGRESS', actionStartedAt: '2026-12-06T10:00:00Z', resources })).toMatchObject({
      done: 1,
      running: 1,
      failed: 1,
      total: 3,
    });
  });
});
