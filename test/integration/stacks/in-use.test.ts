// Seed 5.2 on the FULL test cloud: "an existing resource used by another
// deployment cannot be deleted". Stack A creates a network and subnet; B
// uses A's network as an existing resource (the studio's marker, value from
// the default), C was made by "another tool" (no marker, a parameter
// constrained to neutron.network and given at create). Deleting A is refused
// with STACK_IN_USE naming B and C, by a fresh checker too (nothing is kept
// in memory: it all comes from Heat), the list's dependency map shows it,
// and once B and C are gone A deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackRef } from '../../../shared/cloud/heat-types';
import { StackDependencies } from '../../../main/cloud/stack-dependencies';
import type { HeatClient } from '../../../main/cloud/heat-client';
import { connect, passwordProfile, requireFullCloud, uniqueName, type FullTestCloud } from '../cloud/test-cloud';
import { gone, settle } from '../cloud/templates';
import { useStudioOnCloud } from '../support/studio';
import { markerUser, netStack } from './net-templates';

const OTHER_TOOL_USER = `heat_template_version: 2018-08-31
parameters:
  net:
    type: string
    constraints:
      - custom_constraint: neutron.network
resources:
  port:
    type: OS::Neutron::Port
    properties: {network: {get_param: net}}
`;

const studio = useStudioOnCloud('in-use-sandbox');
let cloud: FullTestCloud;
let heat: HeatClient;
let profile = '';
const made: StackRef[] = [];
let a: StackRef;
let b: StackRef;
let c: StackRef;

async function createSettled(name: string, template: string, parameters: Record<string, string> = {}): Promise<StackRef> {
  const ref = await heat.create({ stack_name: name, template, parameters });
  made.push(ref);
  const s = await settle(heat, ref);
  expect(s.stack_status, s.stack_status_reason ?? '').toBe('CREATE_COMPLETE');
  return ref;
}

async function refusal(ref: StackRef): Promise<{ code?: string; message: string }> {
  try {
    await studio.call('cloud.stacks.delete', { profileId: profile, stack: ref });
  } catch (err) {
    return err as { code?: string; message: string };
  }
  throw new Error(`deleting ${ref.name} was accepted`);
}

beforeAll(async () => {
  cloud = requireFullCloud();
  profile = studio.services.profiles.create(passwordProfile(cloud, 'demo', { name: 'in-use-demo', sandbox: false }), cloud.users.demo.password).id;
  heat = connect(cloud, 'demo').heat;
  a = await createSettled(uniqueName('hs-inuse-a'), netStack('10.77.0.0/24'));
  const netId = (await heat.resources(a)).find((r) => r.resource_name === 'net')?.physical_resource_id ?? '';
  b = await createSettled(uniqueName('hs-inuse-b'), markerUser(netId));
  c = await createSettled(uniqueName('hs-inuse-c'), OTHER_TOOL_USER, { net: netId });
}, 300_000);

afterAll(async () => {
  for (const ref of made.reverse()) {
    await heat.delete(ref).catch(() => undefined);
    await gone(heat, ref).catch(() => undefined);
  }
}, 300_000);

describe('a stack whose resources another deployment uses', () => {
  it('refuses to delete A, naming B and C (delete them first), and Heat still has A', async () => {
    const err = await refusal(a);
    expect(err.code).toBe('STACK_IN_USE');
    expect(err.message).toContain(`"${b.name}"`);
    expect(err.message).toContain(`"${c.name}"`);
    expect(err.message).toContain('first');
    expect((await heat.show(a)).stack_status).toBe('CREATE_COMPLETE');
  });

  it('works it out from Heat alone: a fresh checker on a new connection finds B and C', async () => {
    const users = await new StackDependencies().dependentsOf(connect(cloud, 'demo').heat, a);
    expect(users.map((u) => u.name).sort()).toEqual([b.name, c.name].sort());
  });

  it('the list dependency map shows A used by B and C, and B and C used by nobody', async () => {
    const map = await studio.call('cloud.stacks.dependencies', { profileId: profile });
    expect((map[a.id] ?? []).map((u) => u.name).sort()).toEqual([b.name, c.name].sort());
    expect(map[b.id]).toBeUndefined();
    expect(map[c.id]).toBeUndefined();
  });

  it('deletes A once B and C are gone', async () => {
    await studio.call('cloud.stacks.delete', { profileId: profile, stack: b });
    await heat.delete(c);
    expect(await gone(heat, b)).toMatch(/DELETE_COMPLETE|NOT_FOUND/);
    expect(await gone(heat, c)).toMatch(/DELETE_COMPLETE|NOT_FOUND/);
    await studio.call('cloud.stacks.delete', { profileId: profile, stack: a });
    expect(await gone(heat, a)).toMatch(/DELETE_COMPLETE|NOT_FOUND/);
  }, 300_000);
});
