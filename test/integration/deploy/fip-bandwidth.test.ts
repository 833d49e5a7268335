// Seed 3.1's public IP with a bandwidth, deployed for real on the full cloud:
// the template the inspector writes (bandwidthEdits) creates a Neutron QoS
// policy with a bandwidth-limit rule, and the floating IP carries the policy.
// Read back from Neutron itself: the floating IP's qos_policy_id and the
// rule's max_kbps. A new bandwidth deployed as an update changes the rule in
// place (same policy, same address).
//
// Heat's and Neutron's default policies let only a project admin create QoS
// policies and rules, so the admin project deploys it; a member is refused by
// Heat before anything is created, with a reason naming the resource type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../../main/cloud/connection';
import { parseTemplate } from '../../../shared/hot/template';
import { bandwidthEdits } from '../../../shared/topology/bandwidth';
import { applyTopologyEdits } from '../../../shared/topology/text-edits';
import { connect, requireFullCloud, uniqueName, type FullTestCloud } from '../cloud/test-cloud';
import { settle } from '../cloud/templates';
import { useStudioOnCloud } from '../support/studio';

const studio = useStudioOnCloud('fip-bandwidth', { sandbox: false, who: 'admin' });
const member = useStudioOnCloud('fip-bandwidth-member', { sandbox: false });
const call = studio.call;
let cloud: FullTestCloud;
let neutron: Connection;

beforeAll(() => {
  cloud = requireFullCloud();
  neutron = connect(cloud, 'admin', { sandbox: false });
});
afterAll(() => neutron?.dispose());

function templateWith(mbps: number): string {
  const base = parseTemplate(`heat_template_version: 2018-08-31
resources:
  public_ip:
    type: OS::Neutron::FloatingIP
    properties:
      floating_network: ${cloud.publicNetwork}
outputs:
  address: {value: {get_attr: [public_ip, floating_ip_address]}}
`);
  return applyTopologyEdits(base, bandwidthEdits(base, 'public_ip', mbps)).text;
}

interface Fip {
  id: string;
  floating_ip_address: string;
  qos_policy_id: string | null;
}

async function physicalIds(ref: { name: string; id: string }): Promise<Record<string, string>> {
  const resources = await studio.services.profiles.connection(studio.profileId).heat.resources(ref);
  return Object.fromEntries(resources.map((r) => [r.resource_name, r.physical_resource_id ?? '']));
}

async function readNeutron(ids: Record<string, string>): Promise<{ fip: Fip; rules: { id: string; max_kbps: number; direction: string }[] }> {
  const network = neutron.service('network');
  const fip = (await network.get<{ floatingip: Fip }>(`/floatingips/${ids.public_ip}`)).body!.floatingip;
  const rules = (
    await network.get<{ bandwidth_limit_rules: { id: string; max_kbps: number; direction: string }[] }>(
      `/qos/policies/${ids.public_ip_bandwidth_policy}/bandwidth_limit_rules`,
    )
  ).body!.bandwidth_limit_rules;
  return { fip, rules };
}

describe('public IP with a bandwidth (seed 3.1) on the full cloud', () => {
  it('deploys the QoS policy and rule and attaches the policy to the floating IP; an update changes the limit in place', async () => {
    const tpl = studio.services.library.create({ name: uniqueName('fip-bw'), description: '', tags: [], from: { kind: 'yaml', yaml: templateWith(5) } });
    const name = uniqueName('fip-bw');
    const created = await call('deploy.create', {
      profileId: studio.profileId,
      stackName: name,
      source: { kind: 'library', templateId: tpl.id, version: 1 },
      options: {},
    });
    studio.created.push(created.stack);
    const done = await settle(studio.services.profiles.connection(studio.profileId).heat, created.stack);
    expect(done.stack_status, done.stack_status_reason ?? '').toBe('CREATE_COMPLETE');

    const ids = await physicalIds(created.stack);
    const first = await readNeutron(ids);
    expect(first.fip.qos_policy_id).toBe(ids.public_ip_bandwidth_policy!);
    expect(first.rules).toEqual([expect.objectContaining({ id: ids.public_ip_bandwidth_limit, max_kbps: 5000, direction: 'egress' })]);

    studio.services.library.saveVersion({ id: tpl.id, yaml: templateWith(20), layout: {}, files: {}, environment: null, note: '20 Mbps' });
    await call('deploy.update', {
      profileId: studio.profileId,
      stack: created.stack,
      source: { kind: 'library', templateId: tpl.id, version: 2 },
      options: {},
    });
    const updated = await settle(studio.services.profiles.connection(studio.profileId).heat, created.stack);
    expect(updated.stack_status, updated.stack_status_reason ?? '').toBe('UPDATE_COMPLETE');
    const second = await readNeutron(await physicalIds(created.stack));
    expect(second.fip).toEqual(first.fip);
    expect(second.rules).toEqual([expect.objectContaining({ id: ids.public_ip_bandwidth_limit, max_kbps: 20000 })]);
  });

  it("is refused for a project member by Heat's default policy, naming the QoS type, with nothing created", async () => {
    const name = uniqueName('fip-bw-member');
    const err = await member
      .call('deploy.create', { profileId: member.profileId, stackName: name, source: { kind: 'yaml', yaml: templateWith(5) }, options: {} })
      .catch((e: Error & { code: string }) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/OS::Neutron::QoS(Policy|BandwidthLimitRule)/);
    expect((await member.services.profiles.connection(member.profileId).heat.list({ name })).stacks).toEqual([]);
  });
});
