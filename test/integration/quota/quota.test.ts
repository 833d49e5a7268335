// The quota panel's cloud side against the full test cloud: both projects'
// quota and usage read through our reader and cross-checked with the
// `openstack` CLI; the Heat-only RegionTwo gives unknowns with the reason;
// the 403 fallbacks on the real APIs; the classic topology deployed as demo
// raises usage by exactly what the pure count said; over quota the deploy is
// refused naming instances n/limit, and a saved template's "Check again"
// follows the quota read now; an update is judged by what it adds, in the
// update dialog's verdict and in the refusal.
import { describe, expect, it } from 'vitest';
import { classicTemplate, connect, openstackCli, passwordProfile, requireFullCloud, uniqueName } from '../cloud/test-cloud';
import { settle } from '../cloud/templates';
import { useStudioOnCloud } from '../support/studio';
import { readProjectQuota } from '../../../main/quota/quota-reader';
import { countTemplate } from '../../../shared/quota/count';
import { QUOTA_KINDS, type QuotaKind } from '../../../shared/quota/kinds';
import type { QuotaReport } from '../../../shared/quota/model';

const studio = useStudioOnCloud('quota-demo');
const call = studio.call;

function usedOf(r: QuotaReport): Record<QuotaKind, number | null> {
  return Object.fromEntries(
    QUOTA_KINDS.map((k) => [
      k,
      r.services[
        k === 'instances' || k === 'cores' || k === 'ram' || k === 'key_pairs' ? 'compute' : k === 'volumes' || k === 'gigabytes' ? 'volume' : 'network'
      ].kinds[k]?.used ?? null,
    ]),
  ) as Record<QuotaKind, number | null>;
}
function cliLimits(who: 'admin' | 'demo'): Record<string, number> {
  const rows = JSON.parse(openstackCli(requireFullCloud(), who, ['limits', 'show', '--absolute', '-f', 'json'])) as Array<{ Name: string; Value: number }>;
  return Object.fromEntries(rows.map((r) => [r.Name, r.Value]));
}
function realProfile(who: 'admin' | 'demo', region = 'RegionOne'): string {
  const cloud = requireFullCloud();
  return studio.services.profiles.create(passwordProfile(cloud, who, { name: uniqueName(`quota-${who}`), sandbox: false, region }), cloud.users[who].password)
    .id;
}

/**
 * Sets project demo's instance limit to its usage + `headroom`; returns the
 * limit and the quota before, to restore. Nova refuses a limit under the
 * usage, and the usage may move meanwhile (others deploy as demo): read, set, retry.
 */
async function limitDemoInstances(profileId: string, headroom: number): Promise<{ original: Record<string, number>; limit: number }> {
  const cloud = requireFullCloud();
  const original = JSON.parse(openstackCli(cloud, 'admin', ['quota', 'show', '-f', 'json', cloud.users.demo.projectId])) as Record<string, number>;
  for (let attempt = 0; ; attempt++) {
    const limit = (await call('quota.read', { profileId })).services.compute.kinds.instances!.used! + headroom;
    try {
      openstackCli(cloud, 'admin', ['quota', 'set', '--instances', String(limit), cloud.users.demo.projectId]);
      return { original, limit };
    } catch (err) {
      if (attempt >= 4) throw err;
    }
  }
}

describe('quota against the full test cloud', () => {
  it('reads both projects’ quota and usage, equal to what the openstack CLI shows', async () => {
    for (const who of ['admin', 'demo'] as const) {
      const report = await call('quota.read', { profileId: realProfile(who) });
      for (const s of ['compute', 'network', 'volume'] as const)
        expect(report.services[s]).toMatchObject({ state: 'fresh', source: 'quota-detail', problem: null });
      const quota = JSON.parse(openstackCli(requireFullCloud(), who, ['quota', 'show', '-f', 'json'])) as Record<string, number>;
      const k = (s: 'compute' | 'network' | 'volume', kind: QuotaKind) => report.services[s].kinds[kind];
      expect(k('compute', 'instances')?.limit).toBe(quota.instances);
      expect(k('compute', 'cores')?.limit).toBe(quota.cores);
      expect(k('compute', 'ram')?.limit).toBe(quota.ram);
      expect(k('network', 'port')?.limit).toBe(quota.ports);
      expect(k('network', 'security_group_rule')?.limit).toBe(quota['secgroup-rules']);
      expect(k('volume', 'gigabytes')?.limit).toBe(quota.gigabytes);
      const limits = cliLimits(who);
      expect(k('compute', 'instances')?.used).toBe(limits.totalInstancesUsed);
      expect(k('compute', 'ram')?.used).toBe(limits.totalRAMUsed);
      expect(report.flavors?.map((f) => f.name).sort()).toEqual([...requireFullCloud().flavors].sort());
    }
  }, 180_000);

  it('the Heat-only RegionTwo: every quota unknown, saying the service is missing; a server counts as unknown cores', async () => {
    const report = await call('quota.read', { profileId: realProfile('demo', 'RegionTwo') });
    for (const s of ['compute', 'network', 'volume'] as const) {
      expect(report.services[s]).toMatchObject({ state: 'unknown', problem: { code: 'no-service' } });
      expect(report.services[s].problem?.message).toMatch(/has no (Nova|Neutron|Cinder)/);
    }
    expect(report.flavorsState).toBe('unknown');
    const count = countTemplate({
      yaml: 'heat_template_version: 2018-08-31\nresources:\n  s: {type: OS::Nova::Server, properties: {flavor: m1.tiny}}\n',
      flavors: report.flavors,
    });
    expect(count.cores.unknown[0]?.code).toBe('flavors-unavailable');
  }, 60_000);

  it('403 from every quota API (another project’s quota): Nova and Cinder /limits, Neutron counts by listing', async () => {
    const cloud = requireFullCloud();
    const read = await readProjectQuota(connect(cloud, 'demo'), cloud.users.admin.projectId);
    expect(read.services.compute).toMatchObject({ source: 'limits', problem: null });
    expect(read.services.network).toMatchObject({ source: 'listing', problem: null });
    expect(read.services.volume).toMatchObject({ source: 'limits', problem: null });
    expect(read.services.compute.kinds?.instances?.limit).toBe(cliLimits('demo').maxTotalInstances);
  }, 60_000);

  it('deploying the classic topology as demo raises usage by what the count said', async (ctx) => {
    const profileId = realProfile('demo');
    const heat = studio.services.profiles.connection(profileId).heat;
    /** The other stacks of the project and their states: usage is the project's, so they must hold still for an exact comparison. */
    const others = async (mine: string | null) =>
      (await heat.listAll({}))
        .filter((x) => x.id !== mine)
        .map((x) => `${x.id}:${x.stack_status}`)
        .sort()
        .join();
    const othersBefore = await others(null);
    const before = await call('quota.read', { profileId });
    const yaml = classicTemplate('demo');
    const count = countTemplate({ yaml, flavors: before.flavors });
    for (const k of QUOTA_KINDS) expect(count[k].unknown, k).toEqual([]);
    const result = await call('deploy.create', { profileId, stackName: uniqueName('quota-classic'), source: { kind: 'yaml', yaml }, options: {} });
    studio.created.push(result.stack);
    const done = await settle(studio.services.profiles.connection(profileId).heat, result.stack, 300_000);
    expect(done.stack_status).toBe('CREATE_COMPLETE');
    const after = await call('quota.read', { profileId });
    const u0 = usedOf(before);
    const u1 = usedOf(after);
    const delta = Object.fromEntries(QUOTA_KINDS.map((k) => [k, (u1[k] ?? NaN) - (u0[k] ?? NaN)]));
    const counted = Object.fromEntries(QUOTA_KINDS.map((k) => [k, count[k].known]));
    if ((await others(result.stack.id)) !== othersBefore) {
      // Someone else deployed or deleted in project demo meanwhile (a shared dev cloud; never in `npm test`, which runs
      // files one after another): the project's usage no longer isolates this stack. Reported as skipped, not passed.
      console.warn('quota test: other stacks of project demo changed meanwhile, exact comparison not possible', { delta, counted });
      ctx.skip();
    }
    expect(delta).toEqual(counted);
    // The CLI sees the usage our reader saw (read right after it).
    const limits = cliLimits('demo');
    expect(u1.instances).toBe(limits.totalInstancesUsed);
    expect(u1.cores).toBe(limits.totalCoresUsed);
    expect(u1.ram).toBe(limits.totalRAMUsed);
  }, 420_000);

  it('over quota (instances set to used + 1, two servers): the deploy is refused naming instances n/limit; the quota is restored', async () => {
    const cloud = requireFullCloud();
    const profileId = realProfile('demo');
    const { original, limit } = await limitDemoInstances(profileId, 1);
    try {
      const server = (n: string) =>
        `  ${n}:\n    type: OS::Nova::Server\n    properties: {image: ${cloud.image}, flavor: m1.tiny, networks: [{network: ${cloud.publicNetwork}}]}\n`;
      const yaml = `heat_template_version: 2018-08-31\nresources:\n${server('a')}${server('b')}`;
      const err = await call('deploy.create', { profileId, stackName: uniqueName('quota-over'), source: { kind: 'yaml', yaml }, options: {} }).catch(
        (e: Error & { code: string }) => e,
      );
      expect(err).toMatchObject({ code: 'QUOTA_EXCEEDED', message: expect.stringMatching(new RegExp(`instances \\d+/${limit}`)) });
      const check = await call('quota.checkDeploy', { profileId, source: { kind: 'yaml', yaml }, options: {} });
      expect(check.check.state).toBe('over');
      // Saved, its status follows the quota read now on "Check again": over -> needs editing, raised -> usable.
      const saved = await call('library.create', { name: uniqueName('quota-over'), description: '', tags: [], from: { kind: 'yaml', yaml, layout: {} } });
      const overNow = await call('sync.recheck', { templateId: saved.id, profileId });
      expect(overNow).toMatchObject({
        status: 'needs_editing',
        reason: expect.stringMatching(
          new RegExp(`^Over quota in RegionOne \\(quota read \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\): instances \\d+/${limit}[ ,]`),
        ),
      });
      expect((await call('library.get', { id: saved.id })).statusReason).toBe(overNow.reason);
      openstackCli(cloud, 'admin', ['quota', 'set', '--instances', String(original.instances), cloud.users.demo.projectId]);
      await expect(call('sync.recheck', { templateId: saved.id, profileId })).resolves.toMatchObject({ status: 'usable', checkedWithCloud: true });
      await call('library.delete', { id: saved.id });
    } finally {
      openstackCli(cloud, 'admin', ['quota', 'set', '--instances', String(original.instances), cloud.users.demo.projectId]);
    }
  }, 120_000);

  it('an update counts only what it adds: at the limit, keeping the server goes through; a second one (new template or new count) is refused', async () => {
    const cloud = requireFullCloud();
    const profileId = realProfile('demo');
    const yaml = [
      'heat_template_version: 2018-08-31',
      'parameters:',
      '  count: {type: number, default: 1}',
      'resources:',
      // A private network: the fake OVS agent binds no port on the external network (its servers fail to build).
      '  net: {type: OS::Neutron::Net}',
      '  subnet: {type: OS::Neutron::Subnet, properties: {network: {get_resource: net}, cidr: 10.20.0.0/24}}',
      '  group:',
      '    type: OS::Heat::ResourceGroup',
      '    depends_on: subnet',
      '    properties:',
      '      count: {get_param: count}',
      `      resource_def: {type: OS::Nova::Server, properties: {image: ${cloud.image}, flavor: m1.tiny, networks: [{network: {get_resource: net}}]}}`,
      '',
    ].join('\n');
    const created = await call('deploy.create', { profileId, stackName: uniqueName('quota-update'), source: { kind: 'yaml', yaml }, options: {} });
    studio.created.push(created.stack);
    const heat = studio.services.profiles.connection(profileId).heat;
    expect((await settle(heat, created.stack, 300_000)).stack_status).toBe('CREATE_COMPLETE');
    // The limit is the usage itself (our server included): nothing more may be added.
    const { original, limit } = await limitDemoInstances(profileId, 0);
    try {
      // The same template and count: adds nothing, so it is not refused at the limit.
      // The update dialog's verdict, read with Heat's preview, says the same as the refusals below.
      const verdict = async (source: { kind: 'yaml'; yaml: string } | null, parameters: Record<string, string> = {}) =>
        (await call('quota.checkUpdate', { profileId, stack: created.stack, source, options: { parameters } }))?.check.kinds.find(
          (k) => k.kind === 'instances',
        );
      expect(await verdict({ kind: 'yaml', yaml })).toMatchObject({ state: 'ok', canvas: 0 });
      expect(await verdict({ kind: 'yaml', yaml: yaml.replace('default: 1', 'default: 2') })).toMatchObject({
        state: 'over',
        canvas: 1,
        total: limit + 1,
        limit,
      });
      expect(await verdict(null, { count: '2' })).toMatchObject({ state: 'over', canvas: 1, total: limit + 1, limit });
      const same = await call('deploy.update', { profileId, stack: created.stack, source: { kind: 'yaml', yaml }, options: {} });
      expect((await settle(heat, same.stack, 300_000)).stack_status).toBe('UPDATE_COMPLETE');
      const over = new RegExp(`Over quota: .*instances ${limit + 1}/${limit} \\(used \\+ what the update adds / limit\\)\\. Updating is blocked`);
      // A new template with two servers.
      const two = yaml.replace('default: 1', 'default: 2');
      const refusedTemplate = await call('deploy.update', { profileId, stack: created.stack, source: { kind: 'yaml', yaml: two }, options: {} }).catch(
        (e: Error & { code: string }) => e,
      );
      expect(refusedTemplate).toMatchObject({ code: 'QUOTA_EXCEEDED', message: expect.stringMatching(over) });
      // Parameters only (PATCH): count 2 on the stack's own template.
      const refusedPatch = await call('deploy.update', { profileId, stack: created.stack, source: null, options: { parameters: { count: '2' } } }).catch(
        (e: Error & { code: string }) => e,
      );
      expect(refusedPatch).toMatchObject({ code: 'QUOTA_EXCEEDED', message: expect.stringMatching(over) });
      // Nothing changed in Heat: still one server, the last update complete.
      const stack = await heat.show(created.stack);
      expect(stack.stack_status).toBe('UPDATE_COMPLETE');
      expect(stack.parameters?.count).toBe('1');
    } finally {
      openstackCli(cloud, 'admin', ['quota', 'set', '--instances', String(original.instances), cloud.users.demo.projectId]);
    }
  }, 600_000);
});
