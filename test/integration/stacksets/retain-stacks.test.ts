// Issue 15 bug 8: deleting stack-set instances may keep their stacks (as
// CloudFormation's RetainStacks). Against the real test cloud, one instance
// (RegionOne x demo): a retained delete takes it out of the set and leaves
// its Heat stack CREATE_COMPLETE, with a message that says the stack was
// kept; added again, the instance adopts that same stack (found by its
// name), and a normal delete then removes it from Heat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackSetOperation } from '../../../shared/stacksets/model';
import { connect } from '../cloud/test-cloud';
import { finished, heatStatus, openStudio, type Studio } from './support';

let studio: Studio;
let setId: string;
let demo: string;
const setName = `ssretain${Date.now().toString(36)}`;
const targets = () => ({ regions: ['RegionOne'], domain_ids: [demo] });

function operate(req: Record<string, unknown>): Promise<StackSetOperation> {
  return studio.services.stacksets.createOperation({ stack_set_name: setName, stack_set_id: setId, ...req } as never);
}

async function addInstance(): Promise<{ stack_name: string; stack_id: string }> {
  const op = await operate({ action: 'CREATE_STACK_INSTANCES', deployment_targets: targets() });
  expect((await finished(studio, op.stack_set_operation_id)).operation.status).toBe('OPERATION_COMPLETE');
  const [instance] = studio.services.stacksets.getSet({ stack_set_name: setName }).instances;
  return { stack_name: instance!.stack_name, stack_id: instance!.stack_id! };
}

let kept: { stack_name: string; stack_id: string } | null = null;

beforeAll(async () => {
  studio = openStudio();
  demo = studio.cloud.users.demo.projectId;
  const details = await studio.services.stacksets.createSet({
    stack_set_name: setName,
    template_version_id: studio.versionId,
    parameters: { wait: 0 },
    profile_ids: [studio.profileIds.demo],
  });
  setId = details.set.stack_set_id;
});

afterAll(async () => {
  // A failed run must not leave the retained stack behind.
  if (kept && (await heatStatus(studio.cloud, 'RegionOne', demo, kept.stack_name, kept.stack_id)) !== 'NOT_FOUND') {
    const c = connect(studio.cloud, 'demo', { region: 'RegionOne' });
    await c.heat.delete({ name: kept.stack_name, id: kept.stack_id }).catch(() => undefined);
    c.dispose();
  }
  studio.close();
});

describe('deleting stack instances with retain_stacks', () => {
  it('takes the instance out of the set and leaves its Heat stack running, saying so', async () => {
    kept = await addInstance();
    const op = await operate({ action: 'DELETE_STACK_INSTANCES', deployment_targets: targets(), retain_stacks: true });
    const done = await finished(studio, op.stack_set_operation_id);
    expect(done.operation.status).toBe('OPERATION_COMPLETE');
    expect(done.instances[0]?.status_message).toBe(`left the set; its Heat stack ${kept.stack_name} (${kept.stack_id}) was kept (retain stacks)`);
    expect(studio.services.stacksets.getSet({ stack_set_name: setName }).instances).toEqual([]);
    expect(await heatStatus(studio.cloud, 'RegionOne', demo, kept.stack_name, kept.stack_id)).toBe('CREATE_COMPLETE');
  });

  it('refuses retain_stacks on any other action', async () => {
    await expect(operate({ action: 'CREATE_STACK_INSTANCES', deployment_targets: targets(), retain_stacks: true })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('deletes the Heat stack on a normal delete', async () => {
    const again = await addInstance();
    expect(again).toEqual(kept); // the kept stack is found by its name, not created twice
    const op = await operate({ action: 'DELETE_STACK_INSTANCES', deployment_targets: targets() });
    expect((await finished(studio, op.stack_set_operation_id)).operation.status).toBe('OPERATION_COMPLETE');
    expect(['NOT_FOUND', 'DELETE_COMPLETE']).toContain(await heatStatus(studio.cloud, 'RegionOne', demo, again.stack_name, again.stack_id));
  });
});
