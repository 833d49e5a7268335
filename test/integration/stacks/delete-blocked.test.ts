// Seed 8.1 on the FULL test cloud: a failed delete. A stack's network gets a
// port created in Neutron directly (outside the stack), so Heat's delete
// fails on it; the diagnosis finds the blocked resource with Neutron's own
// reason and classifies it "in use" (what to do: remove it, delete again);
// once the port is removed, deleting again succeeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackRef } from '../../../shared/cloud/heat-types';
import { diagnose } from '../../../renderer/stacks/diagnosis';
import { deleteBlock } from '../../../renderer/stacks/delete-advice';
import { connect, openstackCli, passwordProfile, requireFullCloud, uniqueName, type FullTestCloud } from '../cloud/test-cloud';
import type { HeatClient } from '../../../main/cloud/heat-client';
import { gone, settle } from '../cloud/templates';
import { useStudioOnCloud } from '../support/studio';
import { netStack } from './net-templates';

const studio = useStudioOnCloud('delete-blocked-sandbox');
let cloud: FullTestCloud;
let heat: HeatClient;
let profile = '';
let stack: StackRef;
let portId = '';
const cli = (args: string[]) => openstackCli(cloud, 'demo', args);

beforeAll(async () => {
  cloud = requireFullCloud();
  profile = studio.services.profiles.create(passwordProfile(cloud, 'demo', { name: 'delete-blocked-demo', sandbox: false }), cloud.users.demo.password).id;
  heat = connect(cloud, 'demo').heat;
  stack = await heat.create({ stack_name: uniqueName('hs-delblock'), template: netStack('10.78.0.0/24') });
  const s = await settle(heat, stack);
  expect(s.stack_status, s.stack_status_reason ?? '').toBe('CREATE_COMPLETE');
  const netId = (await heat.resources(stack)).find((r) => r.resource_name === 'net')?.physical_resource_id ?? '';
  portId = (JSON.parse(cli(['port', 'create', '--network', netId, uniqueName('hs-blocker'), '-f', 'json'])) as { id: string }).id;
}, 300_000);

afterAll(async () => {
  if (portId) {
    try {
      cli(['port', 'delete', portId]);
    } catch {
      // already removed by the test
    }
  }
  await heat.delete(stack).catch(() => undefined);
  await gone(heat, stack).catch(() => undefined);
}, 300_000);

describe('a delete blocked by a port created outside the stack', () => {
  it('fails, and the diagnosis names the resource with Neutron’s reason and says "in use"', async () => {
    await studio.call('cloud.stacks.delete', { profileId: profile, stack });
    expect(await gone(heat, stack, 240_000)).toBe('DELETE_FAILED');
    const events = await studio.call('cloud.stacks.events', { profileId: profile, stack, nestedDepth: 3 });
    const resources = await studio.call('cloud.stacks.resources', { profileId: profile, stack, nestedDepth: 3 });
    const chain = diagnose(stack.id, events.value, resources.value);
    const culprit = chain?.at(-1);
    expect(culprit?.status).toBe('DELETE_FAILED');
    expect(['net', 'subnet']).toContain(culprit?.resource);
    // Neutron's words, passed through by Heat.
    expect(culprit?.reason).toMatch(/in use|IP allocation/i);
    expect(deleteBlock(culprit!)).toBe('in-use');
  }, 300_000);

  it('after the blocker is removed, Delete again succeeds', async () => {
    cli(['port', 'delete', portId]);
    portId = '';
    await studio.call('cloud.stacks.delete', { profileId: profile, stack });
    expect(await gone(heat, stack, 240_000)).toMatch(/DELETE_COMPLETE|NOT_FOUND/);
  }, 300_000);
});
