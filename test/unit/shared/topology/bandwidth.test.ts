// The public IP bandwidth (seed 3.1) as template edits: written as a QoS
// policy + bandwidth-limit rule + the floating IP's value_specs.qos_policy_id,
// read back, changed in place and removed without leaving anything behind.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseTemplate } from '../../../../shared/hot/template';
import { applyTopologyEdits } from '../../../../shared/topology/text-edits';
import { bandwidthEdits, bandwidthProblem, floatingIpBandwidth } from '../../../../shared/topology/bandwidth';

const BASE = `heat_template_version: 2018-08-31
resources:
  fip:
    type: OS::Neutron::FloatingIP
    properties:
      floating_network: public
`;

function withBandwidth(text: string, mbps: number | null): string {
  const t = parseTemplate(text);
  return applyTopologyEdits(t, bandwidthEdits(t, 'fip', mbps)).text;
}

describe('public IP bandwidth', () => {
  it('writes a policy, a rule in kbps and the floating IP qos_policy_id, and reads the Mbps back', () => {
    const text = withBandwidth(BASE, 5);
    const doc = parse(text) as { resources: Record<string, { type: string; properties: Record<string, unknown> }> };
    expect(doc.resources.fip!.properties.value_specs).toEqual({ qos_policy_id: { get_resource: 'fip_bandwidth_policy' } });
    expect(doc.resources.fip_bandwidth_policy!.type).toBe('OS::Neutron::QoSPolicy');
    expect(doc.resources.fip_bandwidth_limit).toEqual({
      type: 'OS::Neutron::QoSBandwidthLimitRule',
      properties: { policy: { get_resource: 'fip_bandwidth_policy' }, max_kbps: 5000, direction: 'egress' },
    });
    expect(floatingIpBandwidth(parseTemplate(text), 'fip')).toEqual({ policy: 'fip_bandwidth_policy', rule: 'fip_bandwidth_limit', mbps: 5 });
  });

  it('changes the existing rule in place instead of adding another', () => {
    const text = withBandwidth(withBandwidth(BASE, 5), 20);
    const doc = parse(text) as { resources: Record<string, { properties: Record<string, unknown> }> };
    expect(Object.keys(doc.resources)).toEqual(['fip', 'fip_bandwidth_policy', 'fip_bandwidth_limit']);
    expect(doc.resources.fip_bandwidth_limit!.properties.max_kbps).toBe(20000);
  });

  it('keeps other value_specs when adding and removing, and removing restores the original text', () => {
    const specs = BASE + '      value_specs: {description: kept}\n';
    const added = withBandwidth(specs, 3);
    expect((parse(added) as { resources: { fip: { properties: { value_specs: unknown } } } }).resources.fip.properties.value_specs).toEqual({
      description: 'kept',
      qos_policy_id: { get_resource: 'fip_bandwidth_policy' },
    });
    const removed = withBandwidth(added, null);
    expect(parse(removed)).toEqual(parse(specs));
    expect(parse(withBandwidth(withBandwidth(BASE, 3), null))).toEqual(parse(BASE));
    expect(floatingIpBandwidth(parseTemplate(BASE), 'fip')).toBeNull();
  });

  it('refuses a bandwidth that is not whole Mbps or out of range', () => {
    expect(bandwidthProblem(1.5)).toBe('not-whole');
    expect(bandwidthProblem(0)).toBe('out-of-range');
    expect(bandwidthProblem(2_000_001)).toBe('out-of-range');
    expect(bandwidthProblem(100)).toBeNull();
  });
});
