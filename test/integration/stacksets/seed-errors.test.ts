// Seed 002's errors beyond 400 and 404, each from a real cause on the test
// cloud, in the seed's body: error_code (11 characters), error_msg,
// encoded_authorization_message. 401: Keystone rejects a joined profile's
// password. 403: Heat's policy does not allow the project an admin-only
// resource type (OS::Neutron::QoSPolicy), found by Heat's preview before
// anything is written. 429: a set with MAX_QUEUED_OPERATIONS operations
// already waiting. 500: Heat failing with an internal error on a request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/ipc/result';
import { MAX_QUEUED_OPERATIONS, STACK_SET_ERRORS as E } from '../../../shared/stacksets/errors';
import { decodeAuthorization, seedErrorFromCloud } from '../../../main/stacksets/seed-errors';
import { passwordProfile, uniqueName } from '../cloud/test-cloud';
import { finished, openStudio, type Studio } from './support';

let studio: Studio;

async function call(channel: string, request: unknown): Promise<Result<unknown>> {
  return studio.services.dispatcher.dispatch(channel, request);
}

function seedBody(r: Result<unknown>): { error_code: string; error_msg: string; encoded_authorization_message: string; http_status: number; field: string } {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('accepted');
  const d = r.error.details as { error_code: string; encoded_authorization_message: string; http_status: number; field: string };
  expect(d.error_code).toHaveLength(11);
  return { ...d, error_msg: r.error.message };
}

beforeAll(() => {
  studio = openStudio();
});
afterAll(() => studio.close());

describe('seed 002 errors from real causes', () => {
  it('401: a joined profile whose password Keystone rejects, naming the profile; no set is created', async () => {
    const wrong = studio.services.profiles.create(passwordProfile(studio.cloud, 'demo', { name: 'ss-wrong-password' }), 'not-the-password').id;
    const name = uniqueName('unauth').replace(/-/g, '_');
    const body = seedBody(await call('stacksets.create', { stack_set_name: name, template_version_id: studio.versionId, profile_ids: [wrong] }));
    expect(body).toMatchObject({ error_code: E.tokenRejected, http_status: 401, field: 'profile_ids' });
    expect(body.error_msg).toContain('ss-wrong-password');
    expect(decodeAuthorization(body.encoded_authorization_message)).toMatchObject({ action: 'authenticate', profile: 'ss-wrong-password', cloud_status: 401 });
    expect(studio.services.stacksets.listSets().map((s) => s.stack_set_name)).not.toContain(name);
  });

  it('403: a project Heat does not allow an admin-only resource type, refused before any instance or operation is written', async () => {
    const real = studio.services.profiles.create(passwordProfile(studio.cloud, 'demo', { name: 'ss-demo-real', sandbox: false }), studio.cloud.users.demo.password).id;
    const qos = studio.services.library.create({ name: 'qos', description: '', tags: [], from: { kind: 'yaml', yaml: 'heat_template_version: 2018-08-31\nresources:\n  limit: {type: OS::Neutron::QoSPolicy}\n' } });
    const name = uniqueName('forbidden').replace(/-/g, '_');
    const created = await call('stacksets.create', { stack_set_name: name, template_version_id: qos.latest.id, profile_ids: [real] });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    const projectId = studio.cloud.users.demo.projectId;
    const body = seedBody(await call('stacksets.operate', { stack_set_name: name, action: 'CREATE_STACK_INSTANCES', deployment_targets: { regions: ['RegionOne'], domain_ids: [projectId] } }));
    expect(body).toMatchObject({ error_code: E.projectForbidden, http_status: 403, field: 'deployment_targets' });
    expect(body.error_msg).toContain('OS::Neutron::QoSPolicy');
    expect(decodeAuthorization(body.encoded_authorization_message)).toMatchObject({ project: projectId, region: 'RegionOne', profile: 'ss-demo-real', cloud_status: 403 });
    const details = studio.services.stacksets.getSet({ stack_set_name: name });
    expect(details.instances).toEqual([]);
    expect(details.operations).toEqual([]);
  });

  it(`429: the ${MAX_QUEUED_OPERATIONS + 1}th operation waiting behind a running one is refused, the queue unchanged`, async () => {
    const name = uniqueName('busy').replace(/-/g, '_');
    const created = await call('stacksets.create', { stack_set_name: name, template_version_id: studio.versionId, profile_ids: [studio.profileIds.demo], parameters: { wait: 8 } });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    const demo = studio.cloud.users.demo.projectId;
    const operate = (region: string) => call('stacksets.operate', { stack_set_name: name, action: 'CREATE_STACK_INSTANCES', deployment_targets: { regions: [region], domain_ids: [demo] } });
    const running = (await operate('RegionOne')) as { ok: true; value: { stack_set_operation_id: string; status: string } };
    expect(running.value.status).toBe('OPERATION_IN_PROGRESS');
    const queued: string[] = [];
    for (let i = 0; i < MAX_QUEUED_OPERATIONS; i++) {
      const r = (await operate('RegionTwo')) as { ok: true; value: { stack_set_operation_id: string; status: string } };
      expect(r.value.status).toBe('QUEUE_IN_PROGRESS');
      queued.push(r.value.stack_set_operation_id);
    }
    const before = studio.services.stacksets.getSet({ stack_set_name: name }).operations.length;
    const body = seedBody(await operate('RegionTwo'));
    expect(body).toMatchObject({ error_code: E.tooManyQueued, http_status: 429, encoded_authorization_message: '' });
    expect(studio.services.stacksets.getSet({ stack_set_name: name }).operations).toHaveLength(before);

    for (const id of queued) expect((await call('stacksets.stop', { stack_set_operation_id: id })).ok).toBe(true);
    expect((await finished(studio, running.value.stack_set_operation_id)).operation.status).toBe('OPERATION_COMPLETE');
    const del = (await call('stacksets.operate', { stack_set_name: name, action: 'DELETE_STACK_INSTANCES', deployment_targets: { regions: ['RegionOne'], domain_ids: [demo] } })) as { ok: true; value: { stack_set_operation_id: string } };
    expect((await finished(studio, del.value.stack_set_operation_id)).operation.status).toBe('OPERATION_COMPLETE');
  });

  it("500: Heat failing with an internal error answers in the seed's body with status 500", async () => {
    const heat = studio.services.cloud.heat(studio.profileIds.demo);
    // Heat's merge of environment files raises on a name missing from `files`: its API answers 500.
    const err = await heat.previewCreate({ stack_name: uniqueName('fails'), template: 'heat_template_version: 2018-08-31\n', environment_files: ['missing.yaml'] }).catch((e: unknown) => e);
    const seed = seedErrorFromCloud(err, { action: 'preview CREATE_STACK_INSTANCES', field: 'deployment_targets', region: 'RegionOne' });
    expect(seed).toMatchObject({ error_code: E.heatFailed, http_status: 500, encoded_authorization_message: '' });
    expect(seed!.error_code).toHaveLength(11);
    expect(seed!.error_msg).toMatch(/^preview CREATE_STACK_INSTANCES \(region "RegionOne"\): .*500/);
  });
});
