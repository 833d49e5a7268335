// A public IP's bandwidth (seed 3.1: 选择公网IP，设置您需要的带宽大小), written
// as Neutron QoS: an OS::Neutron::QoSPolicy, one OS::Neutron::QoSBandwidthLimitRule
// in it (max_kbps), and the policy set on the floating IP.
//
// Why value_specs.qos_policy_id: this Heat's OS::Neutron::FloatingIP has no
// qos_policy property, but passes value_specs to Neutron's floating IP
// create/update as they are, and Neutron's qos-fip extension takes
// qos_policy_id there. A policy on the floating IP is what the L3 agent
// applies to that address's traffic (NAT'd through the router), so it limits
// the public IP and nothing else; a policy on the server's port would limit
// all its traffic, private too.
//
// One rule, egress (Neutron's default direction): the server's traffic out
// through its public IP, which is what clouds sell as a public IP bandwidth.
import { get, isMap, nodeAt, toValue } from '../hot/node';
import { resources, type HotTemplate } from '../hot/template';
import type { TopologyEdit } from './text-edits';

export const QOS_POLICY_TYPE = 'OS::Neutron::QoSPolicy';
export const BANDWIDTH_RULE_TYPE = 'OS::Neutron::QoSBandwidthLimitRule';
/** Neutron's bandwidth limit is an integer in kbps; 1 Mbps = 1000 kbps. */
export const KBPS_PER_MBPS = 1000;
/** Neutron takes max_kbps up to 2^31 - 1; whole Mbps below that. */
export const MAX_BANDWIDTH_MBPS = 2_000_000;

export interface FloatingIpBandwidth {
  policy: string;
  /** The rule resource in the template, or null when the policy has none yet. */
  rule: string | null;
  /** The limit in Mbps, or null when the rule's max_kbps is not a number (a get_param...). */
  mbps: number | null;
}

function getResourceOf(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const r = (value as Record<string, unknown>).get_resource;
  return typeof r === 'string' ? r : null;
}

function propertiesOf(t: HotTemplate, name: string): Record<string, unknown> {
  const v = toValue(nodeAt(t.root ?? undefined, ['resources', name, 'properties']));
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function typeOf(t: HotTemplate, name: string): string | undefined {
  return resources(t).find((r) => r.name === name)?.type;
}

/** The bandwidth the template gives floating IP `fip`, or null when it has no QoS policy of the template's own. */
export function floatingIpBandwidth(t: HotTemplate, fip: string): FloatingIpBandwidth | null {
  const specs = propertiesOf(t, fip).value_specs;
  const policy = getResourceOf(specs && typeof specs === 'object' ? (specs as Record<string, unknown>).qos_policy_id : undefined);
  if (!policy || typeOf(t, policy) !== QOS_POLICY_TYPE) return null;
  for (const r of resources(t)) {
    if (r.type !== BANDWIDTH_RULE_TYPE) continue;
    const props = propertiesOf(t, r.name);
    if (getResourceOf(props.policy) !== policy) continue;
    if (props.direction !== undefined && props.direction !== 'egress') continue;
    const kbps = props.max_kbps;
    return { policy, rule: r.name, mbps: typeof kbps === 'number' ? kbps / KBPS_PER_MBPS : null };
  }
  return { policy, rule: null, mbps: null };
}

/** Why a typed bandwidth cannot be written, or null when it can (whole Mbps, 1 to MAX_BANDWIDTH_MBPS). */
export function bandwidthProblem(mbps: number): 'not-whole' | 'out-of-range' | null {
  if (!Number.isInteger(mbps)) return 'not-whole';
  if (mbps < 1 || mbps > MAX_BANDWIDTH_MBPS) return 'out-of-range';
  return null;
}

function freeName(t: HotTemplate, wanted: string): string {
  const taken = new Set(resources(t).map((r) => r.name));
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}_${n}`)) return `${wanted}_${n}`;
}

/**
 * The edits that give floating IP `fip` a bandwidth of `mbps` (a new policy
 * and rule, or the existing rule's max_kbps), or, with null, remove the
 * template's policy and rule and the floating IP's qos_policy_id.
 */
export function bandwidthEdits(t: HotTemplate, fip: string, mbps: number | null): TopologyEdit[] {
  const current = floatingIpBandwidth(t, fip);
  const specsPath = ['resources', fip, 'properties', 'value_specs'];
  if (mbps === null) {
    if (!current) return [];
    const specs = nodeAt(t.root ?? undefined, specsPath);
    const onlyKey = isMap(specs) && specs.index.size === 1;
    const edits: TopologyEdit[] = [
      onlyKey ? { op: 'unsetProperty', resource: fip, path: ['value_specs'] } : { op: 'unsetProperty', resource: fip, path: ['value_specs', 'qos_policy_id'] },
    ];
    if (current.rule) edits.push({ op: 'removeResource', name: current.rule });
    edits.push({ op: 'removeResource', name: current.policy });
    return edits;
  }
  const kbps = mbps * KBPS_PER_MBPS;
  if (current?.rule) return [{ op: 'put', path: ['resources', current.rule, 'properties', 'max_kbps'], value: kbps }];
  const edits: TopologyEdit[] = [];
  let policy = current?.policy;
  if (!policy) {
    policy = freeName(t, `${fip}_bandwidth_policy`);
    edits.push({
      op: 'addEntry',
      path: ['resources'],
      key: policy,
      value: { type: QOS_POLICY_TYPE, properties: { description: `Bandwidth of public IP ${fip}` } },
    });
    const specs = get(nodeAt(t.root ?? undefined, ['resources', fip, 'properties']) ?? undefined, 'value_specs');
    edits.push(
      isMap(specs)
        ? { op: 'put', path: [...specsPath, 'qos_policy_id'], value: { get_resource: policy } }
        : { op: 'put', path: specsPath, value: { qos_policy_id: { get_resource: policy } } },
    );
  }
  const rule = freeName(t, `${fip}_bandwidth_limit`);
  edits.push({
    op: 'addEntry',
    path: ['resources'],
    key: rule,
    value: { type: BANDWIDTH_RULE_TYPE, properties: { policy: { get_resource: policy }, max_kbps: kbps, direction: 'egress' } },
  });
  return edits;
}
