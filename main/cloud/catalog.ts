// The Keystone v3 service catalog: endpoints are looked up by service type,
// region and interface, never hard-coded (SPEC section 3).
import { AppError } from '../../shared/ipc/errors';
import { listParam, msg } from '../../shared/messages/message';

export interface CatalogEndpoint {
  id?: string;
  interface: string;
  region: string | null;
  region_id?: string | null;
  url: string;
}

export interface CatalogService {
  type: string;
  name?: string;
  id?: string;
  endpoints: CatalogEndpoint[];
}

export interface EndpointQuery {
  type: string;
  region: string | null;
  interface: string;
}

export function findEndpoint(catalog: CatalogService[], query: EndpointQuery): string {
  const services = catalog.filter((s) => s.type === query.type);
  if (services.length === 0) {
    const types = [...new Set(catalog.map((s) => s.type))].sort();
    const offered = types.join(', ') || 'nothing';
    throw new AppError(
      'NO_ENDPOINT',
      msg('cloud.catalog.noService', { type: query.type, offered: types.length ? listParam(types) : msg('cloud.catalog.nothing') }),
      { type: query.type, offered },
    );
  }
  const endpoints = services.flatMap((s) => s.endpoints);
  const regionOf = (e: CatalogEndpoint) => e.region_id ?? e.region ?? null;
  const regions = [...new Set(endpoints.map(regionOf).filter((r): r is string => !!r))].sort();
  const inRegion = query.region === null ? endpoints : endpoints.filter((e) => regionOf(e) === query.region || e.region === query.region);
  if (inRegion.length === 0) {
    throw new AppError(
      'NO_ENDPOINT',
      msg('cloud.catalog.noRegion', {
        type: query.type,
        region: String(query.region),
        regions: regions.length ? listParam(regions) : msg('cloud.catalog.none'),
      }),
      { type: query.type, region: query.region, regions },
    );
  }
  const matching = inRegion.filter((e) => e.interface === query.interface);
  if (matching.length === 0) {
    const interfaces = [...new Set(inRegion.map((e) => e.interface))].sort();
    throw new AppError(
      'NO_ENDPOINT',
      msg('cloud.catalog.noInterface', {
        interface: query.interface,
        type: query.type,
        inRegion: query.region ? msg('cloud.catalog.inRegion', { region: query.region }) : '',
        interfaces: listParam(interfaces),
      }),
      { type: query.type, region: query.region, interface: query.interface, interfaces },
    );
  }
  const matchingRegions = [...new Set(matching.map(regionOf))];
  if (query.region === null && matchingRegions.length > 1) {
    throw new AppError('NO_ENDPOINT', msg('cloud.catalog.severalRegions', { type: query.type, regions: listParam(regions) }), { type: query.type, regions });
  }
  return matching[0]!.url.replace(/\/+$/, '');
}

/** Every region that offers a service type, for the profile editor's region list. */
export function regionsOffering(catalog: CatalogService[], type: string): string[] {
  const regions = catalog
    .filter((s) => s.type === type)
    .flatMap((s) => s.endpoints.map((e) => e.region_id ?? e.region))
    .filter((r): r is string => !!r);
  return [...new Set(regions)].sort();
}
