// The stack watcher against the real Heat: every event exactly once and in
// Heat's order (checked against a full listing), through a token revoked
// mid-watch and through Heat itself being stopped and started again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorPayload } from '../../../shared/ipc/errors';
import type { HeatEvent, StackRef } from '../../../shared/cloud/heat-types';
import type { Connection } from '../../../main/cloud/connection';
import { HttpClient } from '../../../main/cloud/http';
import { StackWatcher, type WatchDelta } from '../../../main/cloud/stack-watcher';
import { connect, loadTestCloud, startCloud, stopService, uniqueName, type TestCloud } from './test-cloud';
import { NESTED_CHILD, NESTED_PARENT, waiting } from './templates';

let cloud: TestCloud;
let demo: Connection;
const created: StackRef[] = [];

beforeAll(() => {
  cloud = loadTestCloud();
  demo = connect(cloud, 'demo');
});
afterAll(async () => {
  startCloud();
  for (const ref of created) await demo.heat.delete(ref).catch(() => undefined);
  demo.dispose();
});

/** Runs a watcher and records what it emits; `until` resolves when a delta (or error) matches. */
function record(conn: Connection, ref: StackRef, nestedDepth = 0) {
  const deltas: WatchDelta[] = [];
  const errors: ErrorPayload[] = [];
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  const check = () => {
    for (const w of waiters.splice(0)) (w.test() ? w.resolve : () => waiters.push(w))();
  };
  const watcher = new StackWatcher(conn.heat, ref, {
    nestedDepth,
    fastMs: 500,
    slowMs: 2_000,
    onChange: (d) => (deltas.push(d), check()),
    onError: (e) => (errors.push(e), check()),
  });
  const until = (test: () => boolean) => new Promise<void>((resolve) => (waiters.push({ test, resolve }), check()));
  const events = () => deltas.flatMap((d) => d.events);
  const settled = () => deltas.some((d) => d.settled && d.status !== null && !d.status.endsWith('IN_PROGRESS') && d.events.length > 0);
  return { watcher, deltas, errors, until, events, settled };
}

async function allEvents(ref: StackRef, nestedDepth = 0): Promise<HeatEvent[]> {
  return demo.heat.events(ref, { sort_dir: 'asc', ...(nestedDepth ? { nested_depth: nestedDepth } : {}) });
}

function ids(events: HeatEvent[]): string[] {
  return events.map((e) => e.id);
}

/**
 * Every event exactly once. Heat can commit an event after a newer one was
 * listed (more often with nested stacks), and the watcher then emits it in a
 * later delta: what must hold is the set, no repeats, and time order within
 * each delta (consumers place events by time).
 */
function expectEachOnce(deltas: WatchDelta[], heatList: HeatEvent[]): void {
  const emitted = ids(deltas.flatMap((d) => d.events));
  expect(new Set(emitted).size).toBe(emitted.length);
  expect([...emitted].sort()).toEqual(ids(heatList).sort());
  for (const d of deltas) {
    const times = d.events.map((e) => e.event_time);
    expect(times).toEqual([...times].sort());
  }
}

describe('the stack watcher', () => {
  it('emits every event of a nested create exactly once, late commits included, and the final resources', async () => {
    const ref = await demo.heat.create({ stack_name: uniqueName('watch'), template: NESTED_PARENT, files: { 'nested.yaml': NESTED_CHILD } });
    created.push(ref);
    const r = record(demo, ref, 2);
    r.watcher.start();
    await r.until(r.settled);
    r.watcher.stop();
    expectEachOnce(r.deltas, await allEvents(ref, 2));
    const last = r.deltas.filter((d) => d.resources).at(-1)!;
    expect(last.status).toBe('CREATE_COMPLETE');
    expect(last.resources!.every((x) => x.resource_status === 'CREATE_COMPLETE')).toBe(true);
    expect(r.deltas.flatMap((d) => d.resourceChanges).some((c) => c.resource_name === 'inner_val')).toBe(true);
  });

  it('survives a token revoked in the middle of the watch without losing or repeating an event', async () => {
    const ref = await demo.heat.create({ stack_name: uniqueName('watch-401'), template: waiting(4) });
    created.push(ref);
    const conn = connect(cloud, 'demo');
    try {
      const r = record(conn, ref);
      r.watcher.start();
      await r.until(() => r.events().length > 0);
      const token = conn.session.cached!.value;
      const http = new HttpClient();
      const admin = await connect(cloud, 'admin').session.token();
      const revoked = await http.request({
        method: 'DELETE',
        url: `${cloud.authUrl}/auth/tokens`,
        headers: { 'X-Auth-Token': admin.value, 'X-Subject-Token': token },
      });
      http.dispose();
      expect(revoked.status).toBe(204);
      await r.until(r.settled);
      r.watcher.stop();
      expect(conn.session.cached!.value).not.toBe(token);
      expect(r.errors).toEqual([]);
      expectEachOnce(r.deltas, await allEvents(ref));
    } finally {
      conn.dispose();
    }
  });

  it('rides out Heat being stopped and restarted mid-watch, and follows the stack to its end', async () => {
    // Slow to create, quick to delete: Heat is stopped while `slow` is being created.
    const template = waiting(1).replace('wait_secs: 1,', 'action_wait_secs: {create: 60, delete: 0},');
    const ref = await demo.heat.create({ stack_name: uniqueName('watch-restart'), template });
    created.push(ref);
    const r = record(demo, ref);
    let recovered = 0;
    const watcher = new StackWatcher(demo.heat, ref, {
      fastMs: 500,
      slowMs: 2_000,
      onChange: (d) => r.deltas.push(d),
      onError: (e) => r.errors.push(e),
      onRecovered: () => recovered++,
    });
    const until = async (test: () => boolean) => {
      // Heat offers no push: the test looks at what the watcher recorded, as the UI would.
      while (!test()) await new Promise((res) => setTimeout(res, 100));
    };
    watcher.start();
    await until(() => r.events().some((e) => e.resource_name === 'slow' && e.resource_status === 'CREATE_IN_PROGRESS'));
    stopService(cloud.heatProcesses.RegionOne!);
    await until(() => r.errors.length > 0);
    expect(r.errors[0]?.code).toBe('CLOUD_UNREACHABLE');
    startCloud();
    await until(() => recovered > 0);
    // The convergence engine does not reset a stack its dead engine left IN_PROGRESS (only legacy
    // stacks are reset at start): the user deletes it, and the watcher follows the delete.
    await demo.heat.delete(ref);
    await until(() => r.deltas.some((d) => d.gone));
    expect(watcher.running).toBe(false);
    const emitted = ids(r.events());
    expect(new Set(emitted).size).toBe(emitted.length);
    expect(r.events().at(-1)?.resource_status).toBe('DELETE_COMPLETE');
    expectEachOnce(r.deltas, await allEvents(ref));
  });
});
