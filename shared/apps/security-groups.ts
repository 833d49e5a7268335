// The port ranges a template's security groups open, read with the HOT
// engine: rules inline in OS::Neutron::SecurityGroup (properties.rules) and
// OS::Neutron::SecurityGroupRule resources. The seed: "您选择的应用/服务端口号
// 应与您选择安全组端口范围匹配" (an app/service access port must fit the
// security group's port range). Ingress only: access entries are ways in.
import { parseTemplate, resources, sectionMap, type HotTemplate } from '../hot/template';
import { functionCall, get, isSeq, isString, toValue, type HNode } from '../hot/node';
import { templateTexts, type TemplateFiles } from './problems';

export interface PortRange {
  /** Where the rule is: resource name, and the rule's index for inline rules. */
  resource: string;
  protocol: 'tcp' | 'udp' | 'any';
  min: number;
  max: number;
}

export function ingressRanges(t: TemplateFiles): PortRange[] {
  const out: PortRange[] = [];
  for (const [path, text] of templateTexts(t)) {
    const tpl = parseTemplate(text, path);
    if (tpl.kind !== 'hot') continue;
    for (const r of resources(tpl)) {
      if (r.type === 'OS::Neutron::SecurityGroup') {
        const rules = get(get(r.definition, 'properties'), 'rules');
        if (isSeq(rules)) rules.items.forEach((rule, i) => pushRule(tpl, rule, `${r.name}.rules[${i}]`, out));
      } else if (r.type === 'OS::Neutron::SecurityGroupRule') {
        pushRule(tpl, get(r.definition, 'properties'), r.name, out);
      }
    }
  }
  return out;
}

function pushRule(tpl: HotTemplate, rule: HNode | undefined, resource: string, out: PortRange[]): void {
  if (!rule) return;
  const direction = resolve(tpl, get(rule, 'direction')) ?? 'ingress';
  if (direction !== 'ingress') return;
  const protocolValue = resolve(tpl, get(rule, 'protocol'));
  const protocol = protocolValue === null || protocolValue === undefined || protocolValue === 'any' ? 'any' : protocolName(protocolValue);
  if (protocol === null) return; // icmp and the like open no ports
  const min = resolve(tpl, get(rule, 'port_range_min'));
  const max = resolve(tpl, get(rule, 'port_range_max'));
  // A bound we cannot know offline (a parameter without a default) is taken
  // as open: refusing a port we cannot prove closed would block valid apps.
  const lo = min === undefined || min === null ? 1 : Number(min);
  const hi = max === undefined || max === null ? (min === undefined || min === null ? 65_535 : lo) : Number(max);
  out.push({ resource, protocol, min: Number.isFinite(lo) ? lo : 1, max: Number.isFinite(hi) ? hi : 65_535 });
}

function protocolName(v: unknown): 'tcp' | 'udp' | null {
  const s = String(v).toLowerCase();
  if (s === 'tcp' || s === '6') return 'tcp';
  if (s === 'udp' || s === '17') return 'udp';
  return null;
}

/** A literal, or a get_param's default; undefined when absent or not knowable offline. */
function resolve(tpl: HotTemplate, n: HNode | undefined): unknown {
  if (!n) return undefined;
  const call = functionCall(n);
  if (!call) return toValue(n);
  if (call.name !== 'get_param' || !isString(call.args)) return undefined;
  const fallback = get(get(sectionMap(tpl, 'parameters'), call.args.value), 'default');
  return fallback ? toValue(fallback) : undefined;
}

/** Does some ingress rule let this port in? With no rules at all there is nothing to fit. */
export function portFits(ranges: readonly PortRange[], protocol: 'http' | 'https' | 'tcp' | 'udp', port: number): boolean {
  if (ranges.length === 0) return true;
  const wanted = protocol === 'udp' ? 'udp' : 'tcp';
  return ranges.some((r) => (r.protocol === 'any' || r.protocol === wanted) && r.min <= port && port <= r.max);
}
