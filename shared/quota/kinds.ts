// The quota kinds the panel shows, named as each service names them in its
// quota API (Nova os-quota-sets, Neutron quotas, Cinder os-quota-sets), so a
// parsed answer maps onto them without a translation table.
export const QUOTA_SERVICES = ['compute', 'network', 'volume'] as const;
export type QuotaService = (typeof QUOTA_SERVICES)[number];

export const QUOTA_KINDS = [
  'instances',
  'cores',
  'ram',
  'key_pairs',
  'network',
  'subnet',
  'port',
  'router',
  'floatingip',
  'security_group',
  'security_group_rule',
  'volumes',
  'gigabytes',
] as const;
export type QuotaKind = (typeof QUOTA_KINDS)[number];

export const KIND_SERVICE: Readonly<Record<QuotaKind, QuotaService>> = {
  instances: 'compute',
  cores: 'compute',
  ram: 'compute',
  key_pairs: 'compute',
  network: 'network',
  subnet: 'network',
  port: 'network',
  router: 'network',
  floatingip: 'network',
  security_group: 'network',
  security_group_rule: 'network',
  volumes: 'volume',
  gigabytes: 'volume',
};

/** The unit a kind is counted in, for display ("ram" is MiB as Nova counts it, "gigabytes" GiB). */
export const KIND_UNIT: Readonly<Partial<Record<QuotaKind, 'MiB' | 'GiB'>>> = { ram: 'MiB', gigabytes: 'GiB' };

export function isQuotaKind(s: string): s is QuotaKind {
  return (QUOTA_KINDS as readonly string[]).includes(s);
}

export function kindsOf(service: QuotaService): QuotaKind[] {
  return QUOTA_KINDS.filter((k) => KIND_SERVICE[k] === service);
}
