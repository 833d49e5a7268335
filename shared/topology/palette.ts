// The palette of the seed (SPEC 1.2) plus what the API glossary names, and
// the searchable list of every resource type in the HOT engine's catalog.
import { resourceTypeNames } from '../hot/catalog';
import { kindOfType } from './kinds';
import type { Kind } from './kinds';

export interface PaletteItem {
  /** Stable id used by tests and drag data: the kind, or `type:<HOT type>`. */
  id: string;
  kind: Kind;
  /** The HOT type created ('parameter' for external and shared networks). */
  type: string;
}

export interface PaletteGroup {
  id: 'external' | 'shared' | 'network' | 'compute' | 'loadbalancer';
  items: PaletteItem[];
}

const item = (kind: Kind, type: string): PaletteItem => ({ id: kind, kind, type });

export const PALETTE: readonly PaletteGroup[] = [
  { id: 'external', items: [item('external-network', 'parameter')] },
  { id: 'shared', items: [item('shared-network', 'parameter')] },
  {
    id: 'network',
    items: [
      item('router', 'OS::Neutron::Router'),
      item('private-network', 'OS::Neutron::Net'),
      item('floating-ip', 'OS::Neutron::FloatingIP'),
      item('port', 'OS::Neutron::Port'),
      item('security-group', 'OS::Neutron::SecurityGroup'),
    ],
  },
  { id: 'compute', items: [item('server', 'OS::Nova::Server'), item('volume', 'OS::Cinder::Volume'), item('key-pair', 'OS::Nova::KeyPair')] },
  {
    id: 'loadbalancer',
    items: [
      item('loadbalancer', 'OS::Octavia::LoadBalancer'),
      item('listener', 'OS::Octavia::Listener'),
      item('pool', 'OS::Octavia::Pool'),
      item('member', 'OS::Octavia::PoolMember'),
      item('health-monitor', 'OS::Octavia::HealthMonitor'),
    ],
  },
];

/** Every catalog type as a palette item, filtered by a case-insensitive search. */
export function allTypeItems(search = ''): PaletteItem[] {
  const q = search.trim().toLowerCase();
  return resourceTypeNames()
    .filter((n) => !q || n.toLowerCase().includes(q))
    .sort()
    .map((type) => ({ id: `type:${type}`, kind: kindOfType(type), type }));
}

export function paletteItem(id: string): PaletteItem | undefined {
  if (id.startsWith('type:')) {
    const type = id.slice(5);
    return { id, kind: kindOfType(type), type };
  }
  for (const g of PALETTE) for (const i of g.items) if (i.id === id) return i;
  return undefined;
}
