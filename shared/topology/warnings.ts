// The seed's warnings (SPEC 1.2), offline: overlapping private network
// addresses, a password instead of a key, user_data that would break an app
// package, and the str_replace + get_attr helper for one server's script to
// reach another server's address. Codes are translated by the UI.
import { get, toValue } from '../hot/node';
import { resources } from '../hot/template';
import type { HotTemplate } from '../hot/template';

export type WarningCode = 'cidr-overlap' | 'password-not-key' | 'no-password-or-key' | 'user-data-app-chars';

export interface TopologyWarning {
  code: WarningCode;
  /** Resources the warning is about (badges on their nodes). */
  resources: string[];
  params: Record<string, string>;
}

/** [first, last] address of an IPv4 CIDR as numbers, or undefined. */
export function cidrRange(cidr: string): [number, number] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!m) return undefined;
  const parts = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (parts.some((p) => p > 255) || bits > 32) return undefined;
  const ip = parts.reduce((acc, p) => acc * 256 + p, 0);
  const size = 2 ** (32 - bits);
  const first = Math.floor(ip / size) * size;
  return [first, first + size - 1];
}

function props(def: unknown): Record<string, unknown> {
  const p = toValue(get(def as never, 'properties'));
  return p && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
}

/** Text of user_data when it is literal, or the template of a str_replace. */
function userDataText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'str_replace' in v) {
    const sr = (v as { str_replace: { template?: unknown } }).str_replace;
    return typeof sr?.template === 'string' ? sr.template : undefined;
  }
  return undefined;
}

export function topologyWarnings(t: HotTemplate, options: { asAppPackage?: boolean } = {}): TopologyWarning[] {
  const out: TopologyWarning[] = [];
  const subnets: { name: string; cidr: string; range: [number, number] }[] = [];
  for (const r of resources(t)) {
    const p = props(r.definition);
    if (r.type === 'OS::Neutron::Subnet' && typeof p.cidr === 'string') {
      const range = cidrRange(p.cidr);
      if (range) subnets.push({ name: r.name, cidr: p.cidr, range });
    }
    if (r.type === 'OS::Nova::Server') {
      if (p.admin_pass !== undefined && p.key_name === undefined) out.push({ code: 'password-not-key', resources: [r.name], params: { server: r.name } });
      // The seed: "需填写云主机密码或SSH key" — a server with neither cannot be logged in to.
      if (p.admin_pass === undefined && p.key_name === undefined) out.push({ code: 'no-password-or-key', resources: [r.name], params: { server: r.name } });
      const ud = userDataText(p.user_data);
      if (options.asAppPackage && ud !== undefined && /[\u4e00-\u9fff$]/.test(ud))
        out.push({ code: 'user-data-app-chars', resources: [r.name], params: { server: r.name } });
    }
  }
  for (let i = 0; i < subnets.length; i++) {
    for (let j = i + 1; j < subnets.length; j++) {
      const a = subnets[i] as (typeof subnets)[number];
      const b = subnets[j] as (typeof subnets)[number];
      if (a.range[0] <= b.range[1] && b.range[0] <= a.range[1])
        out.push({ code: 'cidr-overlap', resources: [a.name, b.name], params: { a: a.name, b: b.name, cidrA: a.cidr, cidrB: b.cidr } });
    }
  }
  return out;
}

/**
 * The seed's helper: user_data that reads another server's address through
 * str_replace + get_attr. The placeholder is a plain word, as in the seed's
 * example (`ip`), so the script passes the app package's check (no `$`).
 */
export const ADDRESS_PLACEHOLDER = 'peer_ip';
export const ADDRESS_HELPER_SCRIPT = `#!/bin/sh\necho "peer is at ${ADDRESS_PLACEHOLDER}" > /tmp/peer\n`;
export function userDataWithAddressOf(script: string, otherServer: string, placeholder = ADDRESS_PLACEHOLDER): Record<string, unknown> {
  return { str_replace: { template: script, params: { [placeholder]: { get_attr: [otherServer, 'first_address'] } } } };
}
