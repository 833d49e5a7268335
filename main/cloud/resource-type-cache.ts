// What a region's Heat knows about resource types, read once and kept in
// memory per cloud and region (auth URL + region + endpoint override, so two
// profiles on one cloud share it): the list of types it offers
// (`GET /v1/{project}/resource_types`, for the palette) and each type's
// schema (`GET /v1/{project}/resource_types/{type}`, whose properties say
// `update_allowed` / `immutable`, for the update preview). Entries live an
// hour; a failed read is not kept, so the next ask tries again.
import type { CloudProfile } from '../../shared/cloud/profile';
import type { TypeSchema } from '../../shared/deploy/change-explain';
import type { CloudService } from './cloud-service';

type CloudCaller = Pick<CloudService, 'resourceTypes' | 'resourceTypeSchema'>;

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

export class ResourceTypeCache {
  private readonly types = new Map<string, Entry<string[]>>();
  private readonly schemas = new Map<string, Entry<TypeSchema | null>>();

  constructor(
    private readonly cloud: CloudCaller,
    private readonly profileOf: (profileId: string) => Pick<CloudProfile, 'authUrl' | 'region' | 'endpointOverride'>,
    private readonly ttlMs = 3_600_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The key of the cloud and region a profile talks to. */
  keyOf(profileId: string): string {
    const p = this.profileOf(profileId);
    return `${p.authUrl}|${p.region ?? ''}|${p.endpointOverride ?? ''}`;
  }

  /** The resource types the profile's region offers, sorted. */
  available(profileId: string): Promise<string[]> {
    return this.cached(this.types, this.keyOf(profileId), async () => {
      const list = await this.cloud.resourceTypes(profileId);
      return list
        .map((t) => (typeof t === 'string' ? t : typeof t === 'object' && t !== null ? (t as { resource_type?: unknown }).resource_type : undefined))
        .filter((t): t is string => typeof t === 'string')
        .sort();
    });
  }

  /** A type's property schema; null when Heat has no such type (a nested template's path, a type this region lacks). */
  schema(profileId: string, type: string): Promise<TypeSchema | null> {
    return this.cached(this.schemas, `${this.keyOf(profileId)}|${type}`, async () => {
      let raw: Record<string, unknown>;
      try {
        raw = await this.cloud.resourceTypeSchema(profileId, type);
      } catch (err) {
        if ((err as { code?: string }).code === 'NOT_FOUND') return null;
        throw err;
      }
      const props = (raw.properties ?? {}) as Record<string, { update_allowed?: unknown; immutable?: unknown }>;
      const properties: TypeSchema['properties'] = {};
      for (const [k, v] of Object.entries(props)) properties[k] = { update_allowed: v?.update_allowed === true, immutable: v?.immutable === true };
      return { properties };
    });
  }

  private cached<T>(map: Map<string, Entry<T>>, key: string, read: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = read();
    map.set(key, { at: this.now(), value });
    value.catch(() => {
      if (map.get(key)?.value === value) map.delete(key);
    });
    return value;
  }
}
