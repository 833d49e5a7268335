// The stack set runner against the real test cloud: a set over RegionOne and
// RegionTwo x projects admin and demo (4 instances), deployed SEQUENTIAL with
// a region order and PARALLEL, a TestResource that fails in one region (a
// parameter override per instance) for tolerance and cancellation, delete,
// and a restart in the middle of an operation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackSetOperation } from '../../../shared/stacksets/model';
import type { InstanceRun } from '../../../shared/stacksets/operation-state';
import { StackSetRepo } from '../../../main/library/stackset-repo';
import { connect } from '../cloud/test-cloud';
import { finished, heatStatus, openStudio, until, type Studio } from './support';
import { SEED_OPERATION_FIELDS } from '../../support/seed-operation-fields';

const REGIONS = ['RegionOne', 'RegionTwo'];

let studio: Studio;
let projects: string[];
let setId: string;
const setName = `ss${Date.now().toString(36)}`;

function operate(req: Record<string, unknown>): Promise<StackSetOperation> {
  return studio.services.stacksets.createOperation({ stack_set_name: setName, stack_set_id: setId, ...req } as never);
}

function byRegion(instances: InstanceRun[], region: string): InstanceRun[] {
  return instances.filter((i) => i.region === region);
}

/** The runner's own record: has every instance's Heat request been accepted? */
function allSubmitted(operationId: string, n: number): boolean {
  const books = new StackSetRepo(studio.services.db).getOperation(operationId)?.runner as Record<string, { submitted: boolean }>;
  return Object.values(books).filter((b) => b.submitted).length === n;
}

function time(t: string | null): number {
  return Date.parse(t ?? '');
}

beforeAll(async () => {
  studio = openStudio();
  projects = [studio.cloud.users.admin.projectId, studio.cloud.users.demo.projectId];
  const details = await studio.services.stacksets.createSet({
    stack_set_name: setName,
    template_version_id: studio.versionId,
    parameters: { wait: 1 },
    profile_ids: [studio.profileIds.admin, studio.profileIds.demo],
  });
  setId = details.set.stack_set_id;
});

afterAll(async () => {
  // Leave no stacks behind even when a test failed half way.
  const left = studio.services.stacksets.getSet({ stack_set_name: setName }).instances;
  if (left.length > 0) {
    const op = await operate({
      action: 'DELETE_STACK_INSTANCES',
      deployment_targets: { regions: [...new Set(left.map((i) => i.region))], domain_ids: [...new Set(left.map((i) => i.domain_id))] },
      operation_preferences: { region_concurrency_type: 'PARALLEL' },
    }).catch(() => null);
    if (op) await finished(studio, op.stack_set_operation_id).catch(() => undefined);
  }
  studio.close();
});

describe('a stack set over two regions and two projects', () => {
  it('creates its 4 instances SEQUENTIAL in the given region order, each a real Heat stack in its own region and project', async () => {
    const op = await operate({
      action: 'CREATE_STACK_INSTANCES',
      deployment_targets: { regions: REGIONS, domain_ids: projects },
      operation_preferences: {
        region_concurrency_type: 'SEQUENTIAL',
        region_order: ['RegionTwo', 'RegionOne'],
        max_concurrent_count: 2,
        failure_tolerance_count: 1,
      },
    });
    expect(op.status).toBe('OPERATION_IN_PROGRESS');
    const done = await finished(studio, op.stack_set_operation_id);

    expect(done.operation.status).toBe('OPERATION_COMPLETE');
    expect(Object.keys(done.operation).sort()).toEqual([...SEED_OPERATION_FIELDS]);
    expect(done.progress).toMatchObject({ total: 4, complete: 4 });
    // RegionTwo ran to the end before RegionOne started.
    const lastTwo = Math.max(...byRegion(done.instances, 'RegionTwo').map((i) => time(i.finished_at)));
    const firstOne = Math.min(...byRegion(done.instances, 'RegionOne').map((i) => time(i.started_at)));
    expect(lastTwo).toBeLessThanOrEqual(firstOne);

    const set = studio.services.stacksets.getSet({ stack_set_name: setName });
    expect(set.instances).toHaveLength(4);
    for (const i of set.instances) {
      expect(i.status).toBe('OPERATION_COMPLETE');
      expect(await heatStatus(studio.cloud, i.region, i.domain_id, i.stack_name, i.stack_id!)).toBe('CREATE_COMPLETE');
    }
  });

  it('deploys a new parameter to every instance PARALLEL: both regions run at once and every stack is updated', async () => {
    const op = await operate({
      action: 'DEPLOY_STACK_SET',
      deployment_targets: { regions: REGIONS, domain_ids: projects },
      parameters: { wait: 3 },
      operation_preferences: { region_concurrency_type: 'PARALLEL' },
    });
    const done = await finished(studio, op.stack_set_operation_id);
    expect(done.operation.status).toBe('OPERATION_COMPLETE');
    // One at a time per region, but the regions overlap.
    const [a, b] = REGIONS.map((r) => byRegion(done.instances, r));
    expect(Math.min(...a!.map((i) => time(i.started_at)))).toBeLessThan(Math.max(...b!.map((i) => time(i.finished_at))));
    expect(Math.min(...b!.map((i) => time(i.started_at)))).toBeLessThan(Math.max(...a!.map((i) => time(i.finished_at))));
    expect(studio.services.stacksets.getSet({ stack_set_name: setName }).set.parameters).toEqual({ wait: 3 });
    for (const i of studio.services.stacksets.getSet({ stack_set_name: setName }).instances) {
      expect(await heatStatus(studio.cloud, i.region, i.domain_id, i.stack_name, i.stack_id!)).toBe('UPDATE_COMPLETE');
    }
  });

  it('cancels the waiting instances of every region when a SEQUENTIAL region exceeds its tolerance, keeping Heat’s reason on the failed one', async () => {
    const op = await operate({
      action: 'UPDATE_STACK_INSTANCES',
      deployment_targets: { regions: REGIONS, domain_ids: projects },
      parameter_overrides: { fail: true, wait: 0 },
      operation_preferences: { region_concurrency_type: 'SEQUENTIAL', region_order: ['RegionOne', 'RegionTwo'] },
    });
    const done = await finished(studio, op.stack_set_operation_id);
    expect(done.operation.status).toBe('OPERATION_FAILED');
    expect(done.operation.status_message).toMatch(/exceeded the failure tolerance in region "RegionOne"/);
    expect(done.progress).toMatchObject({ failed: 1, cancelled: 3, complete: 0 });
    const failed = done.instances.find((i) => i.status === 'OPERATION_FAILED')!;
    expect(failed.region).toBe('RegionOne');
    expect(failed.status_message).toMatch(/^UPDATE_FAILED/);
    for (const i of done.instances.filter((x) => x.status === 'CANCEL_COMPLETE')) expect(i.status_message).toMatch(/^cancelled/);
    // The set's grid shows the same: one failed instance, three untouched (still as the last deploy left them).
    const grid = studio.services.stacksets.getSet({ stack_set_name: setName }).instances;
    expect(grid.filter((i) => i.status === 'OPERATION_FAILED')).toHaveLength(1);
    expect(grid.find((i) => i.status === 'OPERATION_FAILED')?.parameter_overrides).toEqual({ fail: true, wait: 0 });
  });

  it('cancels only the failing region’s waiting instance PARALLEL, while the other region completes (per-instance overrides)', async () => {
    const heal = await operate({
      action: 'UPDATE_STACK_INSTANCES',
      deployment_targets: { regions: ['RegionOne'], domain_ids: projects },
      parameter_overrides: { fail: false, wait: 0 },
      operation_preferences: { region_concurrency_type: 'PARALLEL', max_concurrent_count: 2, failure_tolerance_count: 1 },
    });
    expect((await finished(studio, heal.stack_set_operation_id)).operation.status).toBe('OPERATION_COMPLETE');
    const breakTwo = await operate({
      action: 'UPDATE_STACK_INSTANCES',
      deployment_targets: { regions: ['RegionTwo'], domain_ids: projects },
      parameter_overrides: { fail: true, wait: 0 },
      operation_preferences: { region_concurrency_type: 'PARALLEL', max_concurrent_count: 2, failure_tolerance_count: 1 },
    });
    const broken = await finished(studio, breakTwo.stack_set_operation_id);
    expect(broken.progress).toMatchObject({ failed: 2 });

    // No overrides now: each instance deploys with its own (RegionOne healthy, RegionTwo failing);
    // RegionOne's stacks are unchanged, so their updates are no-ops Heat finishes at once.
    const op = await operate({
      action: 'DEPLOY_STACK_INSTANCES',
      deployment_targets: { regions: REGIONS, domain_ids: projects },
      operation_preferences: { region_concurrency_type: 'PARALLEL' },
    });
    const done = await finished(studio, op.stack_set_operation_id);
    expect(done.operation.status).toBe('OPERATION_FAILED');
    expect(byRegion(done.instances, 'RegionOne').map((i) => i.status)).toEqual(['OPERATION_COMPLETE', 'OPERATION_COMPLETE']);
    expect(byRegion(done.instances, 'RegionTwo').map((i) => i.status)).toEqual(['OPERATION_FAILED', 'CANCEL_COMPLETE']);
  });

  it('stops an operation: waiting instances are cancelled, the running one finishes, and the status is STOP_COMPLETE', async () => {
    const op = await operate({
      action: 'UPDATE_STACK_INSTANCES',
      deployment_targets: { regions: REGIONS, domain_ids: projects },
      parameter_overrides: { fail: false, wait: 2 },
      operation_preferences: { region_concurrency_type: 'SEQUENTIAL', region_order: REGIONS },
    });
    await until(studio, op.stack_set_operation_id, (d) => d.progress.running === 1);
    const stopping = studio.services.stacksets.stopOperation(op.stack_set_operation_id);
    expect(stopping.status).toBe('STOP_IN_PROGRESS');
    const done = await finished(studio, op.stack_set_operation_id);
    expect(done.operation.status).toBe('STOP_COMPLETE');
    expect(done.progress).toMatchObject({ complete: 1, cancelled: 3 });
  });
});

describe('a restart in the middle of an operation', () => {
  it('resumes from SQLite and re-attaches to the stacks Heat is still updating', async () => {
    const op = await operate({
      action: 'UPDATE_STACK_INSTANCES',
      deployment_targets: { regions: REGIONS, domain_ids: projects },
      parameter_overrides: { fail: false, wait: 4 },
      operation_preferences: { region_concurrency_type: 'PARALLEL', max_concurrent_count: 2, failure_tolerance_count: 1 },
    });
    const id = op.stack_set_operation_id;
    // Every PUT has reached Heat (the runner saved it); then "crash": the row stays as written.
    await until(studio, id, () => allSubmitted(id, 4));
    const services = studio.restart();
    const row = new StackSetRepo(services.db).getOperation(id)!;
    expect(row.status).toBe('OPERATION_IN_PROGRESS');

    const done = await finished(studio, id);
    expect(done.operation.status).toBe('OPERATION_COMPLETE');
    expect(done.progress.complete).toBe(4);
    for (const i of services.stacksets.getSet({ stack_set_name: setName }).instances) {
      expect(await heatStatus(studio.cloud, i.region, i.domain_id, i.stack_name, i.stack_id!)).toBe('UPDATE_COMPLETE');
    }
  });
});

describe('a restart between Heat creating a stack and the runner saving its id', () => {
  it('finds the stack by its name instead of creating a second one', async () => {
    const name = `${setName}b`;
    const created = await studio.services.stacksets.createSet({
      stack_set_name: name,
      template_version_id: studio.versionId,
      parameters: { wait: 3 },
      profile_ids: [studio.profileIds.admin, studio.profileIds.demo],
    });
    const ref = { stack_set_name: name, stack_set_id: created.set.stack_set_id };
    const op = await studio.services.stacksets.createOperation({
      ...ref,
      action: 'CREATE_STACK_INSTANCES',
      deployment_targets: { regions: ['RegionOne'], domain_ids: projects },
      operation_preferences: { region_concurrency_type: 'PARALLEL', max_concurrent_count: 2, failure_tolerance_count: 1 },
    });
    const id = op.stack_set_operation_id;
    await until(studio, id, () => allSubmitted(id, 2));
    // "Crash", and before the new runner's first tick (a setTimeout) rewind one instance
    // to "running, create not answered": no stack id, not submitted.
    const services = studio.restart();
    services.stacksets.dispose();
    const rows = new StackSetRepo(services.db);
    const row = rows.getOperation(id)!;
    const state = row.state as { instances: Array<{ key: string; stack_id: string | null }> };
    const books = row.runner as Record<string, { submitted: boolean }>;
    const lost = state.instances[0]!;
    const lostStackId = lost.stack_id;
    lost.stack_id = null;
    books[lost.key]!.submitted = false;
    rows.saveOperation(id, row.status, row.updated_at, state, books);

    const resumed = studio.restart();
    const done = await finished(studio, id);
    expect(done.operation.status).toBe('OPERATION_COMPLETE');
    expect(done.instances[0]!.stack_id).toBe(lostStackId);
    const instances = resumed.stacksets.getSet(ref).instances;
    for (const i of instances) {
      const who = i.domain_id === studio.cloud.users.admin.projectId ? 'admin' : 'demo';
      const c = connect(studio.cloud, who, { region: 'RegionOne' });
      const stacks = await c.heat.list({ name: i.stack_name });
      c.dispose();
      expect(stacks.stacks).toHaveLength(1);
    }
    const del = await resumed.stacksets.createOperation({
      ...ref,
      action: 'DELETE_STACK_INSTANCES',
      deployment_targets: { regions: ['RegionOne'], domain_ids: projects },
      operation_preferences: { region_concurrency_type: 'PARALLEL', max_concurrent_count: 2, failure_tolerance_count: 1 },
    });
    expect((await finished(studio, del.stack_set_operation_id)).operation.status).toBe('OPERATION_COMPLETE');
  });
});

describe('deleting instances', () => {
  it('deletes every instance’s Heat stack and removes the instances from the set', async () => {
    const before = studio.services.stacksets.getSet({ stack_set_name: setName }).instances;
    const op = await operate({
      action: 'DELETE_STACK_INSTANCES',
      deployment_targets: { regions: REGIONS, domain_ids: projects },
      operation_preferences: { region_concurrency_type: 'PARALLEL', max_concurrent_count: 2, failure_tolerance_count: 1 },
    });
    const done = await finished(studio, op.stack_set_operation_id);
    expect(done.operation.status).toBe('OPERATION_COMPLETE');
    expect(studio.services.stacksets.getSet({ stack_set_name: setName }).instances).toEqual([]);
    for (const i of before) {
      expect(['NOT_FOUND', 'DELETE_COMPLETE']).toContain(await heatStatus(studio.cloud, i.region, i.domain_id, i.stack_name, i.stack_id!));
    }
  });
});
