// The queue re-check at activation: a queued operation's instances that an
// earlier operation created or deleted meanwhile are cancelled with the reason.
import { describe, expect, it } from 'vitest';
import { pairKey, recheckQueued } from '../../../../main/stacksets/queue-recheck';
import type { InstanceRun, OperationState } from '../../../../shared/stacksets/operation-state';
import type { OperationAction } from '../../../../shared/stacksets/model';

const NOW = Date.parse('2026-02-03T04:05:06.789Z');
const run = (region: string, domain_id: string, status: InstanceRun['status'] = 'WAIT_IN_PROGRESS'): InstanceRun => ({
  key: pairKey(region, domain_id),
  region,
  domain_id,
  status,
  status_message: '',
  stack_id: null,
  started_at: null,
  finished_at: null,
});
const queued = (action: OperationAction, instances: InstanceRun[]): OperationState =>
  ({ operation: { action, status: 'QUEUE_IN_PROGRESS' }, instances, queued: true }) as unknown as OperationState;

describe('recheckQueued', () => {
  it('cancels a queued create of a pair an earlier operation created, with the reason and the time', () => {
    const out = recheckQueued(queued('CREATE_STACK_INSTANCES', [run('R1', 'a'), run('R1', 'b')]), new Set([pairKey('R1', 'a')]), NOW);
    expect(out.instances[0]).toMatchObject({
      status: 'CANCEL_COMPLETE',
      status_message: 'cancelled: the stack instance was created by an earlier operation',
      finished_at: '2026-02-03T04:05:06.789Z',
    });
    expect(out.instances[1]).toEqual(run('R1', 'b'));
  });

  it('cancels a queued delete or update of a pair that no longer exists, and keeps the ones that do', () => {
    for (const action of ['DELETE_STACK_INSTANCES', 'UPDATE_STACK_INSTANCES', 'DEPLOY_STACK_INSTANCES'] as const) {
      const out = recheckQueued(queued(action, [run('R1', 'a'), run('R2', 'a')]), new Set([pairKey('R2', 'a')]), NOW);
      expect(out.instances.map((i) => i.status)).toEqual(['CANCEL_COMPLETE', 'WAIT_IN_PROGRESS']);
      expect(out.instances[0]!.status_message).toBe('cancelled: the stack instance no longer exists');
    }
  });

  it('leaves an instance alone unless it is still waiting', () => {
    const done = run('R1', 'a', 'CANCEL_COMPLETE');
    const out = recheckQueued(queued('CREATE_STACK_INSTANCES', [done]), new Set([pairKey('R1', 'a')]), NOW);
    expect(out.instances[0]).toBe(done);
  });

  it('does not change the state it was given', () => {
    const state = queued('CREATE_STACK_INSTANCES', [run('R1', 'a')]);
    recheckQueued(state, new Set([pairKey('R1', 'a')]), NOW);
    expect(state.instances[0]!.status).toBe('WAIT_IN_PROGRESS');
  });

  it('keys a pair so that region and project cannot run into each other', () => {
    expect(pairKey('R1', 'ab')).not.toBe(pairKey('R1a', 'b'));
  });
});
