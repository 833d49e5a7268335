// The quota APIs' answers -> KindQuota per kind. Shapes as the test cloud's
// Nova, Neutron and Cinder send them (test/unit/shared/quota/parse.test.ts
// keeps the real answers); anything else is refused with what was missing.
import type { KindQuota } from './model';
import { kindsOf, type QuotaKind } from './kinds';

export class QuotaParseError extends Error {}

type Kinds = Partial<Record<QuotaKind, KindQuota>>;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function objectAt(body: unknown, key: string, what: string): Record<string, unknown> {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new QuotaParseError(`${what} has no "${key}" object`);
  return v as Record<string, unknown>;
}

/** Usage counts reservations too: they are resources being made right now. */
function usedOf(entry: Record<string, unknown>, key: 'in_use' | 'used'): number | null {
  const used = num(entry[key]);
  return used === null ? null : used + (num(entry.reserved) ?? 0);
}

/** Nova `GET /os-quota-sets/{project}/detail`: {quota_set: {instances: {limit, in_use, reserved}, ...}}. */
export function parseNovaQuotaDetail(body: unknown): Kinds {
  const set = objectAt(body, 'quota_set', 'Nova os-quota-sets detail');
  return detailKinds(set, 'compute', 'in_use', 'Nova os-quota-sets detail');
}

/** Cinder `GET /os-quota-sets/{project}?usage=true`: {quota_set: {volumes: {limit, in_use, reserved, allocated}, ...}}. */
export function parseCinderQuotaUsage(body: unknown): Kinds {
  const set = objectAt(body, 'quota_set', 'Cinder os-quota-sets usage');
  return detailKinds(set, 'volume', 'in_use', 'Cinder os-quota-sets usage');
}

/** Neutron `GET /v2.0/quotas/{project}/details`: {quota: {network: {limit, used, reserved}, ...}}. */
export function parseNeutronQuotaDetails(body: unknown): Kinds {
  const set = objectAt(body, 'quota', 'Neutron quota details');
  return detailKinds(set, 'network', 'used', 'Neutron quota details');
}

function detailKinds(set: Record<string, unknown>, service: 'compute' | 'network' | 'volume', usedKey: 'in_use' | 'used', what: string): Kinds {
  const out: Kinds = {};
  for (const kind of kindsOf(service)) {
    const entry = set[kind];
    if (!entry || typeof entry !== 'object') continue;
    const e = entry as Record<string, unknown>;
    out[kind] = { limit: num(e.limit), used: usedOf(e, usedKey) };
  }
  if (Object.keys(out).length === 0) throw new QuotaParseError(`${what} names none of ${kindsOf(service).join(', ')}`);
  return out;
}

/** Neutron `GET /v2.0/quotas/{project}` (limits only): {quota: {network: 100, ...}}. */
export function parseNeutronQuotaLimits(body: unknown): Kinds {
  const set = objectAt(body, 'quota', 'Neutron quotas');
  const out: Kinds = {};
  for (const kind of kindsOf('network')) if (kind in set) out[kind] = { limit: num(set[kind]), used: null };
  if (Object.keys(out).length === 0) throw new QuotaParseError('Neutron quotas names no network kind');
  return out;
}

/**
 * Nova `GET /limits`, readable by any member of the project: absolute
 * maxTotal* and total*Used. It has no key pair usage (key pairs are counted
 * per user: the quota service lists the user's own).
 */
export function parseNovaLimits(body: unknown): Kinds {
  const abs = objectAt(objectAt(body, 'limits', 'Nova limits'), 'absolute', 'Nova limits');
  return {
    instances: { limit: num(abs.maxTotalInstances), used: num(abs.totalInstancesUsed) },
    cores: { limit: num(abs.maxTotalCores), used: num(abs.totalCoresUsed) },
    ram: { limit: num(abs.maxTotalRAMSize), used: num(abs.totalRAMUsed) },
    key_pairs: { limit: num(abs.maxTotalKeypairs), used: null },
  };
}

/** Cinder `GET /limits`: absolute maxTotalVolumes/maxTotalVolumeGigabytes and their usage. */
export function parseCinderLimits(body: unknown): Kinds {
  const abs = objectAt(objectAt(body, 'limits', 'Cinder limits'), 'absolute', 'Cinder limits');
  return {
    volumes: { limit: num(abs.maxTotalVolumes), used: num(abs.totalVolumesUsed) },
    gigabytes: { limit: num(abs.maxTotalVolumeGigabytes), used: num(abs.totalGigabytesUsed) },
  };
}

/** The Neutron collections counted when the quota API is closed to the project, and their list keys. */
export const NEUTRON_COLLECTIONS: ReadonlyArray<{ kind: QuotaKind; path: string; key: string }> = [
  { kind: 'network', path: '/networks', key: 'networks' },
  { kind: 'subnet', path: '/subnets', key: 'subnets' },
  { kind: 'port', path: '/ports', key: 'ports' },
  { kind: 'router', path: '/routers', key: 'routers' },
  { kind: 'floatingip', path: '/floatingips', key: 'floatingips' },
  { kind: 'security_group', path: '/security-groups', key: 'security_groups' },
  { kind: 'security_group_rule', path: '/security-group-rules', key: 'security_group_rules' },
];

/** Fills usage from counts where the quota answer had none. */
export function withUsage(kinds: Kinds, counts: Partial<Record<QuotaKind, number>>): Kinds {
  const out: Kinds = { ...kinds };
  for (const [kind, n] of Object.entries(counts) as Array<[QuotaKind, number]>) {
    const q = out[kind] ?? { limit: null, used: null };
    out[kind] = { limit: q.limit, used: q.used ?? n };
  }
  return out;
}
