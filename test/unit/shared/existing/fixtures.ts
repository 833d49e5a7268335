// A small inventory as the demo project of the full test cloud would list it:
// the shared external network `public`, a shared network, a private network
// behind a router on `public`, a private network with no router, flavors,
// an image, a key pair, zones.
import { emptyInventory } from '../../../../shared/existing/inventory';
import type { Inventory } from '../../../../shared/existing/inventory';

export const PROJECT = '5983ccf3c7b14f2cb97d76cebc6faf40';
export const IDS = {
  public: '0b4d6a52-3f0e-4a47-9d0b-1e2f3a4b5c6d',
  shared: '1c5e7b63-4a1f-4b58-8e1c-2f3a4b5c6d7e',
  private1: '2d6f8c74-5b2a-4c69-9f2d-3a4b5c6d7e8f',
  lonely: '3e7a9d85-6c3b-4d7a-8a3e-4b5c6d7e8f90',
  router1: '4f8bae96-7d4c-4e8b-9b4f-5c6d7e8f90a1',
  subnet1: '5a9cbfa7-8e5d-4f9c-8c5a-6d7e8f90a1b2',
} as const;

export function demoInventory(): Inventory {
  return {
    ...emptyInventory(PROJECT),
    networks: [
      { id: IDS.public, name: 'public', kind: 'external-network', status: 'ACTIVE', projectId: 'admin-project', subnets: [], routerIds: [] },
      { id: IDS.shared, name: 'share_net', kind: 'shared-network', status: 'ACTIVE', projectId: 'admin-project', subnets: [], routerIds: [] },
      {
        id: IDS.private1,
        name: 'private1',
        kind: 'private-network',
        status: 'ACTIVE',
        projectId: PROJECT,
        subnets: [{ id: IDS.subnet1, name: 'private1-subnet', cidr: '10.1.0.0/24', ipVersion: 4 }],
        routerIds: [IDS.router1],
      },
      { id: IDS.lonely, name: '研发 net', kind: 'private-network', status: 'ACTIVE', projectId: PROJECT, subnets: [], routerIds: [] },
    ],
    routers: [{ id: IDS.router1, name: 'router1', status: 'ACTIVE', projectId: PROJECT, externalNetworkId: IDS.public }],
    flavors: [
      { id: '1', name: 'm1.tiny', vcpus: 1, ramMiB: 512, diskGiB: 1 },
      { id: '2', name: 'm1.small', vcpus: 1, ramMiB: 2048, diskGiB: 20 },
    ],
    images: [
      { id: '7b0c1d2e-0000-4000-8000-000000000001', name: 'tiny', status: 'active' },
      { id: '7b0c1d2e-0000-4000-8000-000000000002', name: 'half-uploaded', status: 'queued' },
    ],
    keyPairs: [{ id: 'lab', name: 'lab' }],
    securityGroups: [{ id: '8c1d2e3f-0000-4000-8000-000000000001', name: 'default' }],
    zones: { compute: ['nova'], volume: ['nova'] },
  };
}
