// A quota report as the reader returns it, fresh, for verdict tests:
// compute kinds as given, ports 500 free unless a network service is given,
// no Cinder, m1.tiny (1 vCPU, 512 MiB) as the one flavor.
import type { QuotaReport, ServiceQuota } from '../../../../shared/quota/model';
import type { QuotaService } from '../../../../shared/quota/kinds';

export const TINY = { id: '1', name: 'm1.tiny', vcpus: 1, ramMiB: 512 };

export function quotaService(name: QuotaService, kinds: ServiceQuota['kinds'], state: ServiceQuota['state'] = 'fresh'): ServiceQuota {
  return { service: name, state, source: 'quota-detail', fetchedAt: '2026-11-23T00:00:00.000Z', problem: null, kinds };
}

export function quotaReport(compute: ServiceQuota['kinds'], network: ServiceQuota | null = null, readAt = '2026-11-23T00:00:00.000Z'): QuotaReport {
  return {
    profileId: 'p',
    projectId: 'x',
    region: 'RegionOne',
    readAt,
    services: {
      compute: quotaService('compute', compute),
      network: network ?? quotaService('network', { port: { limit: 500, used: 0 } }),
      volume: { service: 'volume', state: 'unknown', source: null, fetchedAt: null, problem: { code: 'no-service', message: 'no Cinder' }, kinds: {} },
    },
    flavors: [TINY],
    flavorsState: 'fresh',
    flavorsFetchedAt: null,
  };
}
