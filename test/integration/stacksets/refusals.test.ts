// Bad input is refused with the seed's reason (error_code and field in the
// error's details) and changes nothing: the set, its instances and its
// operations read the same before and after. Through the dispatcher, as the
// renderer sends them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/ipc/result';
import { STACK_SET_ERRORS as E } from '../../../shared/stacksets/errors';
import { openStudio, type Studio } from './support';

let studio: Studio;
let projects: string[];
let setId: string;
const name = `bad${Date.now().toString(36)}`;

async function call(channel: string, request: unknown): Promise<Result<unknown>> {
  return studio.services.dispatcher.dispatch(channel, request);
}

function snapshot(): unknown {
  return { details: studio.services.stacksets.getSet({ stack_set_name: name }), sets: studio.services.stacksets.listSets().map((s) => s.stack_set_id) };
}

async function refused(channel: string, request: Record<string, unknown>, code: string, field: string): Promise<void> {
  const before = snapshot();
  const r = await call(channel, request);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.details).toMatchObject({ error_code: code, field });
  expect(snapshot()).toEqual(before);
}

function deploy(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    stack_set_name: name,
    stack_set_id: setId,
    action: 'CREATE_STACK_INSTANCES',
    deployment_targets: { regions: ['RegionOne', 'RegionTwo'], domain_ids: projects },
    ...extra,
  };
}

beforeAll(async () => {
  studio = openStudio();
  projects = [studio.cloud.users.admin.projectId, studio.cloud.users.demo.projectId];
  const r = await call('stacksets.create', {
    stack_set_name: name,
    template_version_id: studio.versionId,
    profile_ids: [studio.profileIds.admin, studio.profileIds.demo],
  });
  expect(r.ok).toBe(true);
  setId = (r as { value: { set: { stack_set_id: string } } }).value.set.stack_set_id;
});
afterAll(() => studio.close());

describe('refusals, each with the seed’s reason and nothing changed', () => {
  it('refuses a region_order naming a region that is not in the operation', async () => {
    await refused(
      'stacksets.operate',
      deploy({ operation_preferences: { region_order: ['RegionOne', 'RegionThree'] } }),
      E.regionOrderMismatch,
      'operation_preferences.region_order',
    );
  });

  it('refuses both failure_tolerance_count and failure_tolerance_percentage', async () => {
    await refused(
      'stacksets.operate',
      deploy({ operation_preferences: { failure_tolerance_count: 1, failure_tolerance_percentage: 10 } }),
      E.toleranceExclusive,
      'operation_preferences.failure_tolerance_count',
    );
  });

  it('refuses a max_concurrent_count above failure tolerance + 1', async () => {
    await refused(
      'stacksets.operate',
      deploy({ operation_preferences: { max_concurrent_count: 3, failure_tolerance_count: 1 } }),
      E.concurrencyAboveTolerance,
      'operation_preferences.max_concurrent_count',
    );
  });

  it('refuses a domain-id CSV of 200 KB', async () => {
    const big = Buffer.from(`${'a'.repeat(63)},`.repeat(3200)).toString('base64');
    await refused(
      'stacksets.operate',
      deploy({ deployment_targets: { regions: ['RegionOne'], domain_ids_uri: 'ids.csv' }, domain_ids_csv: big }),
      E.csvTooLarge,
      'deployment_targets.domain_ids_uri',
    );
  });

  it('refuses a domain-id CSV with an empty id', async () => {
    const csv = Buffer.from(`${projects[0]},,${projects[1]}`).toString('base64');
    await refused(
      'stacksets.operate',
      deploy({ deployment_targets: { regions: ['RegionOne'], domain_ids_uri: 'ids.csv' }, domain_ids_csv: csv }),
      E.csvEmptyId,
      'deployment_targets.domain_ids_uri',
    );
  });

  it('refuses a set name starting with a digit', async () => {
    await refused(
      'stacksets.create',
      { stack_set_name: '9lives', template_version_id: studio.versionId, profile_ids: [studio.profileIds.demo] },
      E.nameInvalid,
      'stack_set_name',
    );
  });

  it('refuses a project no joined profile reaches', async () => {
    await refused(
      'stacksets.operate',
      deploy({ deployment_targets: { regions: ['RegionOne'], domain_ids: ['not-a-project'] } }),
      E.domainNotManaged,
      'deployment_targets.domain_ids',
    );
  });

  it('refuses an operation naming a deleted set’s old id once the name is re-created, and the new set is untouched', async () => {
    const old = `${name}x`;
    const first = (await call('stacksets.create', { stack_set_name: old, template_version_id: studio.versionId, profile_ids: [studio.profileIds.demo] })) as {
      ok: true;
      value: { set: { stack_set_id: string } };
    };
    const oldId = first.value.set.stack_set_id;
    expect((await call('stacksets.delete', { stack_set_name: old, stack_set_id: oldId })).ok).toBe(true);
    const second = (await call('stacksets.create', { stack_set_name: old, template_version_id: studio.versionId, profile_ids: [studio.profileIds.demo] })) as {
      ok: true;
      value: { set: { stack_set_id: string } };
    };
    expect(second.value.set.stack_set_id).not.toBe(oldId);

    const before = studio.services.stacksets.getSet({ stack_set_name: old });
    const r = await call('stacksets.operate', {
      stack_set_name: old,
      stack_set_id: oldId,
      action: 'CREATE_STACK_INSTANCES',
      deployment_targets: { regions: ['RegionOne'], domain_ids: [projects[1]] },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details).toMatchObject({ error_code: E.staleSetId, field: 'stack_set_id', http_status: 400 });
    expect(studio.services.stacksets.getSet({ stack_set_name: old })).toEqual(before);
  });
});

describe('the permission model’s agency fields (seed: SERVICE_MANAGED refuses all three with a 400)', () => {
  const create = (extra: Record<string, unknown>): Record<string, unknown> => ({
    stack_set_name: `${name}pm`,
    template_version_id: studio.versionId,
    profile_ids: [studio.profileIds.demo],
    ...extra,
  });

  it.each([
    ['managed_agency_name', E.managedAgency],
    ['administration_agency_name', E.administrationAgency],
    ['administration_agency_urn', E.administrationAgency],
  ] as const)('refuses %s on a SERVICE_MANAGED set, given or by default, and creates nothing', async (field, code) => {
    await refused('stacksets.create', create({ permission_model: 'SERVICE_MANAGED', [field]: 'rfs' }), code, field);
    await refused('stacksets.create', create({ [field]: 'rfs' }), code, field);
  });

  it('refuses SELF_MANAGED without managed_agency_name, or with both administration fields', async () => {
    await refused('stacksets.create', create({ permission_model: 'SELF_MANAGED', administration_agency_urn: 'u' }), E.managedAgency, 'managed_agency_name');
    await refused(
      'stacksets.create',
      create({ permission_model: 'SELF_MANAGED', administration_agency_name: 'a', administration_agency_urn: 'u', managed_agency_name: 'm' }),
      E.administrationAgency,
      'administration_agency_name',
    );
  });

  it('keeps a SERVICE_MANAGED set’s operations free of agency fields and asks them for exactly one of domain_ids and domain_ids_uri', async () => {
    expect(studio.services.stacksets.getSet({ stack_set_name: name }).set.permission_model).toBe('SERVICE_MANAGED');
    await refused('stacksets.operate', deploy({ deployment_targets: { regions: ['RegionOne'] } }), E.domainTargetsExclusive, 'deployment_targets.domain_ids');
    const csv = Buffer.from(projects.join(',')).toString('base64');
    await refused(
      'stacksets.operate',
      deploy({ deployment_targets: { regions: ['RegionOne'], domain_ids: projects, domain_ids_uri: 'ids.csv' }, domain_ids_csv: csv }),
      E.domainTargetsExclusive,
      'deployment_targets.domain_ids',
    );
    for (const op of studio.services.stacksets.getSet({ stack_set_name: name }).operations) {
      expect(Object.keys(op).filter((k) => k.includes('agency'))).toEqual([]);
    }
  });

  it('refuses a version that "needs editing" (seed 1.4): no set is made from it, and a DEPLOY_STACK_SET naming it changes nothing', async () => {
    // An unknown parameter: the HOT engine's error, so the saved version "needs editing".
    const broken = studio.services.library.create({
      name: `broken${Date.now().toString(36)}`,
      description: '',
      tags: [],
      from: {
        kind: 'yaml',
        yaml: 'heat_template_version: 2018-08-31\nresources:\n  r:\n    type: OS::Heat::None\n    properties:\n      value: { get_param: nowhere }\n',
      },
    });
    expect(broken.status).toBe('needs_editing');
    const sets = studio.services.stacksets.listSets().length;
    const r = await call('stacksets.create', { stack_set_name: `${name}edit`, template_version_id: broken.latest.id, profile_ids: [studio.profileIds.demo] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.details).toMatchObject({ error_code: E.versionNeedsEditing, field: 'template_version_id', http_status: 400 });
      expect(r.error.message).toMatch(/^Refused: the template needs editing\./);
    }
    expect(studio.services.stacksets.listSets()).toHaveLength(sets);
    await refused(
      'stacksets.operate',
      {
        stack_set_name: name,
        stack_set_id: setId,
        action: 'DEPLOY_STACK_SET',
        template_version_id: broken.latest.id,
        deployment_targets: { regions: ['RegionOne'], domain_ids: projects },
      },
      E.versionNeedsEditing,
      'template_version_id',
    );
  });
});
