// The seed's resource kinds (SPEC 1.2): what a canvas node *is* for the eight
// rules, the palette and the icons. A HOT type maps to one kind; anything the
// seed does not name is 'other' and follows no seed rule.
export type Kind =
  | 'external-network'
  | 'shared-network'
  | 'router'
  | 'private-network'
  | 'subnet'
  | 'router-interface'
  | 'floating-ip'
  | 'floating-ip-association'
  | 'port'
  | 'security-group'
  | 'server'
  | 'volume'
  | 'volume-attachment'
  | 'key-pair'
  | 'loadbalancer'
  | 'listener'
  | 'pool'
  | 'member'
  | 'health-monitor'
  | 'nested'
  | 'other';

/** Kinds the eight rules talk about. */
export const SEED_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  'external-network',
  'shared-network',
  'router',
  'private-network',
  'server',
  'volume',
  'floating-ip',
]);

/** Network parameters are drawn as nodes: the networks the template joins but does not create. */
export const PARAM_NODE_PREFIX = 'param:';

const BY_TYPE: Record<string, Kind> = {
  'OS::Neutron::Router': 'router',
  'OS::Neutron::Net': 'private-network',
  'OS::Neutron::ProviderNet': 'private-network',
  'OS::Neutron::Subnet': 'subnet',
  'OS::Neutron::RouterInterface': 'router-interface',
  'OS::Neutron::FloatingIP': 'floating-ip',
  'OS::Nova::FloatingIP': 'floating-ip',
  'OS::Neutron::FloatingIPAssociation': 'floating-ip-association',
  'OS::Nova::FloatingIPAssociation': 'floating-ip-association',
  'OS::Neutron::Port': 'port',
  'OS::Neutron::SecurityGroup': 'security-group',
  'OS::Nova::Server': 'server',
  'OS::Cinder::Volume': 'volume',
  'OS::Cinder::VolumeAttachment': 'volume-attachment',
  'OS::Nova::KeyPair': 'key-pair',
  'OS::Octavia::LoadBalancer': 'loadbalancer',
  'OS::Octavia::Listener': 'listener',
  'OS::Octavia::Pool': 'pool',
  'OS::Octavia::PoolMember': 'member',
  'OS::Octavia::HealthMonitor': 'health-monitor',
};

export function kindOfType(type: string): Kind {
  if (type.endsWith('.yaml') || type.endsWith('.template') || type.endsWith('.yml')) return 'nested';
  return BY_TYPE[type] ?? 'other';
}

/** Colours per kind family, for nodes and the palette. */
export const KIND_COLOR: Record<Kind, string> = {
  'external-network': '#2b7a78',
  'shared-network': '#3a7ca5',
  router: '#6c5b7b',
  'private-network': '#4f86c6',
  subnet: '#7fa7d9',
  'router-interface': '#9aa5b1',
  'floating-ip': '#e07a5f',
  'floating-ip-association': '#9aa5b1',
  port: '#81b29a',
  'security-group': '#b56576',
  server: '#3d405b',
  volume: '#8d6e63',
  'volume-attachment': '#9aa5b1',
  'key-pair': '#c9a227',
  loadbalancer: '#5f0f40',
  listener: '#9a031e',
  pool: '#fb8b24',
  member: '#e36414',
  'health-monitor': '#0f4c5c',
  nested: '#495057',
  other: '#6c757d',
};
