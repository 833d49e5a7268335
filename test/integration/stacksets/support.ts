// Shared set-up for the stack set integration tests: a real studio (the same
// composeServices the app runs) on a temp data dir, joined to the real test
// cloud through two password profiles (projects admin and demo).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices, type Services } from '../../../main/compose';
import type { OperationDetails } from '../../../shared/ipc/stacksets.contract';
import { FINAL_OPERATION_STATUSES } from '../../../shared/stacksets/model';
import { connect, loadTestCloud, passwordProfile, type TestCloud } from '../cloud/test-cloud';

/** TestResource waits `wait` seconds and fails when `fail` is true: set per instance through parameter overrides. */
export const STACKSET_TEMPLATE = `heat_template_version: 2018-08-31
parameters:
  wait: {type: number, default: 1}
  fail: {type: boolean, default: false}
resources:
  slow:
    type: OS::Heat::TestResource
    properties: {wait_secs: {get_param: wait}, fail: {get_param: fail}, value: stackset}
outputs:
  value: {value: {get_attr: [slow, output]}}
`;

export interface Studio {
  cloud: TestCloud;
  dataDir: string;
  services: Services;
  profileIds: { admin: string; demo: string };
  versionId: string;
  /** Opens the studio again on the same data dir (an app restart). */
  restart(): Services;
  close(): void;
}

export function openStudio(pollMs = 300): Studio {
  const cloud = loadTestCloud();
  const dataDir = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'hs-stacksets-'));
  const open = () => composeServices({ dataDir, host: 'web', version: 'test', stacksetPollMs: pollMs });
  const studio: Studio = {
    cloud,
    dataDir,
    services: open(),
    profileIds: { admin: '', demo: '' },
    versionId: '',
    restart() {
      studio.services.dispose();
      studio.services = open();
      return studio.services;
    },
    close() {
      studio.services.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  for (const who of ['admin', 'demo'] as const) {
    studio.profileIds[who] = studio.services.profiles.create(passwordProfile(cloud, who, { name: `ss-${who}` }), cloud.users[who].password).id;
  }
  const template = studio.services.library.create({ name: 'stackset', description: '', tags: [], from: { kind: 'yaml', yaml: STACKSET_TEMPLATE } });
  studio.versionId = template.latest.id;
  return studio;
}

/** Resolves with the operation once it reaches a final status (pushed events, no polling). */
export function finished(studio: Studio, operationId: string, timeoutMs = 110_000): Promise<OperationDetails> {
  return new Promise((resolve, reject) => {
    const services = studio.services;
    const check = (): boolean => {
      const details = services.stacksets.getOperation(operationId);
      if (!FINAL_OPERATION_STATUSES.includes(details.operation.status)) return false;
      clearTimeout(timer);
      unsubscribe();
      resolve(details);
      return true;
    };
    const timer = setTimeout(() => {
      unsubscribe();
      reject(
        new Error(`operation ${operationId} not finished after ${timeoutMs} ms: ${JSON.stringify(services.stacksets.getOperation(operationId).progress)}`),
      );
    }, timeoutMs);
    const unsubscribe = services.events.subscribe((e) => {
      if (e.type === 'stacksets.operation' && (e.payload as { operation: { stack_set_operation_id: string } }).operation.stack_set_operation_id === operationId)
        check();
    });
    check();
  });
}

/** Resolves once the predicate holds for a pushed progress event of the operation. */
export function until(studio: Studio, operationId: string, predicate: (d: OperationDetails) => boolean, timeoutMs = 60_000): Promise<OperationDetails> {
  return new Promise((resolve, reject) => {
    const services = studio.services;
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`operation ${operationId}: condition not met after ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = services.events.subscribe((e) => {
      if (e.type !== 'stacksets.operation') return;
      const d = services.stacksets.getOperation(operationId);
      if (d.operation.stack_set_operation_id === operationId && predicate(d)) {
        clearTimeout(timer);
        unsubscribe();
        resolve(d);
      }
    });
  });
}

/** The peer view: Heat itself, as the instance's project, in the instance's region. */
export async function heatStatus(cloud: TestCloud, region: string, projectId: string, name: string, id: string): Promise<string> {
  const who = cloud.users.admin.projectId === projectId ? 'admin' : 'demo';
  const c = connect(cloud, who, { region });
  try {
    return (await c.heat.show({ name, id })).stack_status;
  } catch (err) {
    if ((err as { code?: string }).code === 'NOT_FOUND') return 'NOT_FOUND';
    throw err;
  } finally {
    c.dispose();
  }
}
