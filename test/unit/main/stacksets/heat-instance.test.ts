// The runner's decisions that need no cloud: how an instance's stack is named,
// which Heat action an operation means, what a restarted runner does with an
// update it may already have sent, and the verdict on a settled stack.
import { describe, expect, it } from 'vitest';
import { decideUpdate, differs, heatActionFor, instanceStackName, settledOutcome, type InstanceBook } from '../../../../main/stacksets/heat-instance';

const SET = '7f3a9c2e-1b4d-4e8f-9a0b-c1d2e3f4a5b6';
const book = (over: Partial<InstanceBook> = {}): InstanceBook => ({
  stack_name: 'stackset-7f3a9c2e-0123456789',
  heat_action: 'update',
  submitted: false,
  baseline: null,
  ...over,
});

describe('instanceStackName', () => {
  it('is a name Heat accepts: a letter first, then only letters, digits, _ . and -', () => {
    expect(instanceStackName(SET, 'RegionOne', 'b2ac63047a5a4ae4ae4927e33772681a')).toMatch(/^[A-Za-z][A-Za-z0-9_.-]*$/);
  });

  it('is the same for the same set and (region, project), so a restarted runner finds the stack it created', () => {
    expect(instanceStackName(SET, 'RegionOne', 'p1')).toBe(instanceStackName(SET, 'RegionOne', 'p1'));
  });

  it('names the set by its id’s first 8 characters and differs per region, per project and per set', () => {
    const a = instanceStackName(SET, 'RegionOne', 'p1');
    expect(a).toMatch(/^stackset-7f3a9c2e-[0-9a-f]{10}$/);
    expect(instanceStackName(SET, 'RegionTwo', 'p1')).not.toBe(a);
    expect(instanceStackName(SET, 'RegionOne', 'p2')).not.toBe(a);
    expect(instanceStackName('00000000-0000-4000-8000-000000000000', 'RegionOne', 'p1')).not.toBe(a);
  });

  it('does not confuse a region ending in a project’s first letters with another pair', () => {
    expect(instanceStackName(SET, 'RegionOne', 'ab')).not.toBe(instanceStackName(SET, 'RegionOnea', 'b'));
  });
});

describe('heatActionFor', () => {
  it('deletes for DELETE_STACK_INSTANCES and creates for CREATE_STACK_INSTANCES, whatever the stack id', () => {
    expect(heatActionFor('DELETE_STACK_INSTANCES', 'id')).toBe('delete');
    expect(heatActionFor('CREATE_STACK_INSTANCES', null)).toBe('create');
  });

  it('keeps the stack for a DELETE_STACK_INSTANCES with retain_stacks, and only for that action', () => {
    expect(heatActionFor('DELETE_STACK_INSTANCES', 'id', true)).toBe('retain');
    expect(heatActionFor('UPDATE_STACK_INSTANCES', 'id', true)).toBe('update');
  });

  it('updates an instance that has a stack and creates one that has none for the deploy and update actions', () => {
    for (const action of ['DEPLOY_STACK_SET', 'DEPLOY_STACK_INSTANCES', 'UPDATE_STACK_INSTANCES'] as const) {
      expect(heatActionFor(action, 'id')).toBe('update');
      expect(heatActionFor(action, null)).toBe('create');
    }
  });
});

describe('decideUpdate, after a restart', () => {
  const baseline = { status: 'CREATE_COMPLETE', updated_time: null, event_id: 'e1' };

  it('recreates a stack that is gone or DELETE_COMPLETE (deleted outside the studio)', () => {
    expect(decideUpdate(book({ baseline }), null, true)).toBe('recreate');
    expect(decideUpdate(book({ baseline }), { stack_status: 'DELETE_COMPLETE' }, true)).toBe('recreate');
  });

  it('adopts an update the crashed runner already sent: the stack moved past the saved baseline', () => {
    expect(decideUpdate(book({ baseline }), { stack_status: 'UPDATE_IN_PROGRESS', updated_time: '2026-01-01T00:00:01' }, true)).toBe('adopt');
  });

  it('sends the update when the stack still looks like the baseline (the PUT never reached Heat)', () => {
    expect(decideUpdate(book({ baseline }), { stack_status: 'CREATE_COMPLETE', updated_time: null }, true)).toBe('update');
  });

  it('sends the update when no baseline was saved, or when this is not a restart', () => {
    expect(decideUpdate(book(), { stack_status: 'UPDATE_COMPLETE', updated_time: 'x' }, true)).toBe('update');
    expect(decideUpdate(book({ baseline }), { stack_status: 'UPDATE_COMPLETE', updated_time: 'x' }, false)).toBe('update');
  });

  it('sees a change of updated_time alone as the update having happened', () => {
    expect(differs({ status: 'UPDATE_COMPLETE', updated_time: 'a' }, { stack_status: 'UPDATE_COMPLETE', updated_time: 'b' })).toBe(true);
    expect(differs({ status: 'UPDATE_COMPLETE', updated_time: null }, { stack_status: 'UPDATE_COMPLETE' })).toBe(false);
  });
});

describe('settledOutcome', () => {
  it('is complete only when the stack reached the status its action aims at', () => {
    expect(settledOutcome(book({ heat_action: 'create' }), { stack_status: 'CREATE_COMPLETE' }, 's')).toEqual({
      done: true,
      outcome: 'complete',
      message: '',
      stackId: 's',
    });
    expect(settledOutcome(book({ heat_action: 'update' }), { stack_status: 'UPDATE_COMPLETE' }, 's')).toMatchObject({ outcome: 'complete' });
    expect(settledOutcome(book({ heat_action: 'delete' }), { stack_status: 'DELETE_COMPLETE' }, 's')).toMatchObject({ outcome: 'complete' });
  });

  it('fails with Heat’s status and reason otherwise, a rollback included', () => {
    expect(settledOutcome(book({ heat_action: 'create' }), { stack_status: 'ROLLBACK_COMPLETE', stack_status_reason: 'Resource CREATE failed' }, 's')).toEqual({
      done: true,
      outcome: 'failed',
      message: 'ROLLBACK_COMPLETE: Resource CREATE failed',
      stackId: 's',
    });
    expect(settledOutcome(book({ heat_action: 'update' }), { stack_status: 'CREATE_COMPLETE' }, 's')).toMatchObject({
      outcome: 'failed',
      message: 'CREATE_COMPLETE:',
    });
  });
});
