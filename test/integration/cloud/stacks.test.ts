// The Heat client against the real Heat: validate, create (success, failure
// with and without rollback), list/filter/paging, update with preview,
// nested stacks, cancel, delete, the sandbox environment, and the openstack
// CLI as a peer client that must agree with us.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { withSandboxEnvironment, SANDBOX_ENVIRONMENT_NAME } from '../../../shared/cloud/sandbox-environment';
import type { StackRef } from '../../../shared/cloud/heat-types';
import type { Connection } from '../../../main/cloud/connection';
import type { StackBody } from '../../../main/cloud/heat-client';
import { connect, loadTestCloud, openstackCli, uniqueName, type TestCloud } from './test-cloud';
import { gone, NESTED_CHILD, NESTED_PARENT, settle, SMALL, TOPOLOGY, waiting } from './templates';

let cloud: TestCloud;
let demo: Connection;
const created: StackRef[] = [];

beforeAll(() => {
  cloud = loadTestCloud();
  demo = connect(cloud, 'demo');
});
afterAll(async () => {
  for (const ref of created) await demo.heat.delete(ref).catch(() => undefined);
  demo.dispose();
});

async function create(name: string, template: string, extra: Record<string, unknown> = {}): Promise<StackRef> {
  const ref = await demo.heat.create({ stack_name: name, template, ...extra });
  created.push(ref);
  return ref;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('validate', () => {
  it('returns the parameters with their constraints and the nested files are accepted', async () => {
    const r = await demo.heat.validate({ template: NESTED_PARENT, files: { 'nested.yaml': NESTED_CHILD } });
    expect(r.Parameters).toHaveProperty('count');
  });

  it('reports a template error as TEMPLATE_INVALID with Heat’s message', async () => {
    const err = await failure(demo.heat.validate({ template: 'heat_template_version: 2018-08-31\nresources:\n  x:\n    type: OS::No::Such\n' }));
    expect(err.code).toBe('TEMPLATE_INVALID');
    expect(err.message).toContain('OS::No::Such');
  });

  it('names the missing service for Nova/Neutron resources when no sandbox environment is given', async () => {
    // RegionTwo is Heat-only on the light and on the full cloud alike
    const r2 = connect(cloud, 'demo', { region: 'RegionTwo' });
    const err = await failure(r2.heat.validate({ template: TOPOLOGY })).finally(() => r2.dispose());
    expect(err.code).toBe('TEMPLATE_INVALID');
    expect(err.details?.type).toBe('ResourceTypeUnavailable');
    expect(err.message).toMatch(/not available|not in service catalog/);
  });
});

describe('create', () => {
  it('creates a stack that reaches CREATE_COMPLETE, with outputs resolved', async () => {
    const ref = await create(uniqueName('small'), SMALL, { parameters: { length: 10 }, tags: ['studio', 'small'], timeout_mins: 5 });
    const stack = await settle(demo.heat, ref);
    expect(stack.stack_status).toBe('CREATE_COMPLETE');
    const out = await demo.heat.show(ref, { resolveOutputs: true });
    expect(String(out.outputs?.find((o) => o.output_key === 'value')?.output_value)).toHaveLength(10);
    expect(out.tags).toEqual(['studio', 'small']);
    expect(out.timeout_mins).toBe(5);
    expect((await demo.heat.output(ref, 'value')).output_value).toHaveLength(10);
    expect(await demo.heat.find(ref.name)).toEqual({ name: ref.name, id: ref.id });
    expect(Object.keys(await demo.heat.template(ref))).toContain('resources');
  });

  it('deploys a real topology when the visible sandbox environment maps the missing services to OS::Heat::None', async () => {
    const body = withSandboxEnvironment<StackBody>({ stack_name: uniqueName('topology'), template: TOPOLOGY });
    expect(body.environment_files).toEqual([SANDBOX_ENVIRONMENT_NAME]);
    const ref = await demo.heat.create(body);
    created.push(ref);
    expect((await settle(demo.heat, ref)).stack_status).toBe('CREATE_COMPLETE');
    const types = (await demo.heat.resources(ref)).map((r) => r.resource_type).sort();
    expect(types).toEqual(['OS::Cinder::Volume', 'OS::Neutron::Net', 'OS::Neutron::Subnet', 'OS::Nova::Server']);
  });

  it('a failing resource with rollback disabled leaves CREATE_FAILED and the resources that worked', async () => {
    const ref = await create(uniqueName('fail-keep'), waiting(1, true), { disable_rollback: true });
    const stack = await settle(demo.heat, ref);
    expect(stack.stack_status).toBe('CREATE_FAILED');
    const byName = Object.fromEntries((await demo.heat.resources(ref)).map((r) => [r.resource_name, r.resource_status]));
    expect(byName).toEqual({ ok: 'CREATE_COMPLETE', slow: 'CREATE_FAILED' });
    const failed = await demo.heat.events(ref, { resource_status: 'FAILED', resource_name: 'slow' });
    expect(failed[0]?.resource_status_reason).toMatch(/Test Resource failed/);
  });

  it('a failing resource with rollback enabled ends ROLLBACK_COMPLETE without resources', async () => {
    const ref = await create(uniqueName('fail-rollback'), waiting(1, true), { disable_rollback: false });
    expect((await settle(demo.heat, ref)).stack_status).toBe('ROLLBACK_COMPLETE');
    expect(await demo.heat.resources(ref)).toEqual([]);
    const actions = (await demo.heat.events(ref, { sort_dir: 'asc' })).map((e) => e.resource_status);
    expect(actions).toContain('ROLLBACK_IN_PROGRESS');
  });

  it('refuses a second stack with the same name as CONFLICT', async () => {
    const name = uniqueName('dup');
    await create(name, SMALL);
    const err = await failure(demo.heat.create({ stack_name: name, template: SMALL }));
    expect(err.code).toBe('CONFLICT');
  });
});

describe('list', () => {
  const prefix = uniqueName('page');
  const names = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`];
  beforeAll(async () => {
    const refs = [];
    for (const n of names) refs.push(await create(n, SMALL, { tags: [prefix] }));
    for (const r of refs) await settle(demo.heat, r);
  });

  it('filters by name, status and action, and by tags', async () => {
    expect((await demo.heat.list({ name: names[1] })).stacks.map((s) => s.stack_name)).toEqual([names[1]]);
    // Heat's status filter matches the status half only, like its event filter.
    expect((await demo.heat.list({ name: names, status: 'COMPLETE', action: 'CREATE' })).stacks).toHaveLength(3);
    expect((await demo.heat.list({ name: names, status: 'FAILED' })).stacks).toHaveLength(0);
    // (Heat 19 answers 500 when tags and status are combined: a known server bug, see main/cloud/README.md.)
    const tagged = await demo.heat.list({ tags: prefix });
    expect(tagged.stacks.map((s) => s.stack_name).sort()).toEqual(names);
  });

  it('pages with limit + marker in the requested order, and counts', async () => {
    const first = await demo.heat.list({ tags: prefix, sort_keys: 'stack_name', sort_dir: 'asc', limit: 2, with_count: true });
    expect(first.stacks.map((s) => s.stack_name)).toEqual(names.slice(0, 2));
    expect(first.count).toBe(3);
    const second = await demo.heat.list({ tags: prefix, sort_keys: 'stack_name', sort_dir: 'asc', limit: 2, marker: first.stacks[1]!.id });
    expect(second.stacks.map((s) => s.stack_name)).toEqual(names.slice(2));
    const all = await demo.heat.listAll({ tags: prefix, sort_keys: 'stack_name', sort_dir: 'asc' }, 1);
    expect(all.map((s) => s.stack_name)).toEqual(names);
  });

  it('shows only its own project’s stacks to demo, as the openstack CLI does', async () => {
    const ours = (await demo.heat.listAll({ tags: prefix })).map((s) => s.id).sort();
    const cli = JSON.parse(openstackCli(cloud, 'demo', ['stack', 'list', '--tags', prefix, '-f', 'json'])) as { ID: string }[];
    expect(cli.map((s) => s.ID).sort()).toEqual(ours);
    const admin = connect(cloud, 'admin', { region: 'RegionTwo' });
    try {
      expect((await admin.heat.list({ tags: prefix })).stacks).toEqual([]);
    } finally {
      admin.dispose();
    }
  });
});

describe('update, preview, nested stacks, cancel, delete', () => {
  it('previews an update (PUT .../preview) and then applies it with PATCH', async () => {
    const ref = await create(uniqueName('upd'), SMALL);
    await settle(demo.heat, ref);
    const changes = await demo.heat.previewUpdate(ref, { template: SMALL, parameters: { length: 20 } });
    expect(changes.replaced.length + changes.updated.length).toBeGreaterThan(0);
    const patchPreview = await demo.heat.previewUpdate(ref, { existing: true, parameters: { length: 20 } }, { patch: true });
    expect(patchPreview.replaced.length + patchPreview.updated.length).toBeGreaterThan(0);
    await demo.heat.patch(ref, { existing: true, parameters: { length: 20 } });
    const stack = await settle(demo.heat, ref);
    expect(stack.stack_status).toBe('UPDATE_COMPLETE');
    expect(stack.parameters.length).toBe('20');
  });

  it('creates nested stacks and reads their resources and events with nested_depth', async () => {
    const ref = await create(uniqueName('nested'), NESTED_PARENT, { files: { 'nested.yaml': NESTED_CHILD } });
    expect((await settle(demo.heat, ref)).stack_status).toBe('CREATE_COMPLETE');
    const top = await demo.heat.resources(ref);
    const deep = await demo.heat.resources(ref, { nested_depth: 2, with_detail: true });
    expect(deep.length).toBeGreaterThan(top.length);
    expect(deep.some((r) => r.parent_resource === 'child' && r.resource_name === 'inner_rand')).toBe(true);
    const events = await demo.heat.events(ref, { nested_depth: 2, sort_dir: 'asc' });
    const topEvents = await demo.heat.events(ref, { sort_dir: 'asc' });
    expect(events.length).toBeGreaterThan(topEvents.length);
    expect(events.some((e) => e.resource_name === 'inner_val')).toBe(true);
    // The peer client sees the same events in the same order.
    const cli = JSON.parse(openstackCli(cloud, 'demo', ['stack', 'event', 'list', ref.id, '--nested-depth', '2', '-f', 'json'])) as { id: string }[];
    expect(cli.map((e) => e.id)).toEqual(events.map((e) => e.id));
    // Paging events by marker gives the same sequence.
    const paged = [];
    let marker: string | undefined;
    for (;;) {
      const page = await demo.heat.events(ref, { nested_depth: 2, sort_dir: 'asc', limit: 5, ...(marker ? { marker } : {}) });
      paged.push(...page);
      if (page.length < 5) break;
      marker = page.at(-1)!.id;
    }
    expect(paged.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('cancels an update in progress, which rolls back', { timeout: 240_000 }, async () => {
    const ref = await create(uniqueName('cancel'), waiting(1));
    await settle(demo.heat, ref);
    // Waits only while being created: the rollback's delete of it is immediate,
    // so the test does not depend on when Heat interrupts the create's wait.
    const longer = `${waiting(1)}  longer:\n    type: OS::Heat::TestResource\n    properties: {action_wait_secs: {create: 60}}\n`;
    await demo.heat.update(ref, { template: longer });
    // Wait until Heat really runs the update before cancelling it.
    for (let i = 0; i < 50 && (await demo.heat.show(ref)).stack_status !== 'UPDATE_IN_PROGRESS'; i++) await new Promise((r) => setTimeout(r, 200));
    await demo.heat.cancelUpdate(ref);
    const stack = await settle(demo.heat, ref, 180_000);
    expect(stack.stack_status).toBe('ROLLBACK_COMPLETE');
    const statuses = (await demo.heat.events(ref, { sort_dir: 'asc' })).map((e) => e.resource_status);
    expect(statuses).toContain('UPDATE_IN_PROGRESS');
    expect(statuses).toContain('ROLLBACK_IN_PROGRESS');
  });

  it('checks, suspends and resumes a stack', async () => {
    const ref = await create(uniqueName('ssr'), SMALL);
    await settle(demo.heat, ref);
    await demo.heat.check(ref);
    expect((await settle(demo.heat, ref)).stack_status).toBe('CHECK_COMPLETE');
    await demo.heat.suspend(ref);
    expect((await settle(demo.heat, ref)).stack_status).toBe('SUSPEND_COMPLETE');
    await demo.heat.resume(ref);
    expect((await settle(demo.heat, ref)).stack_status).toBe('RESUME_COMPLETE');
  });

  it('deletes a stack, which then cannot be found', async () => {
    const ref = await create(uniqueName('del'), SMALL);
    await settle(demo.heat, ref);
    await demo.heat.delete(ref);
    expect(await gone(demo.heat, ref)).toMatch(/DELETE_COMPLETE|NOT_FOUND/);
    // Heat keeps listing a deleted stack for a few seconds, as DELETE_COMPLETE.
    const listed = (await demo.heat.list({ name: ref.name })).stacks.map((s) => s.stack_status);
    expect(listed.filter((s) => s !== 'DELETE_COMPLETE')).toEqual([]);
  });
});

describe('resource types and template versions', () => {
  it('lists resource types, their schema, template versions and functions', async () => {
    const types = (await demo.heat.resourceTypes()) as string[];
    expect(types).toContain('OS::Heat::TestResource');
    // Heat lists a service's types only where the catalog has the service:
    // RegionOne has Nova on the full cloud only, RegionTwo never.
    if (cloud.full) expect(types).toContain('OS::Nova::Server');
    else expect(types).not.toContain('OS::Nova::Server');
    const r2 = connect(cloud, 'demo', { region: 'RegionTwo' });
    const r2types = (await r2.heat.resourceTypes().finally(() => r2.dispose())) as string[];
    expect(r2types).toContain('OS::Heat::TestResource');
    expect(r2types).not.toContain('OS::Nova::Server');
    const schema = await demo.heat.resourceTypeSchema('OS::Heat::RandomString');
    expect(schema).toHaveProperty('properties.length');
    const versions = await demo.heat.templateVersions();
    expect(versions.map((v) => v.version)).toContain('heat_template_version.2018-08-31');
    const fns = await demo.heat.templateFunctions('heat_template_version.2018-08-31');
    expect(fns.map((f) => f.functions)).toContain('get_attr');
  });
});
