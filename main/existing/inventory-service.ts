// The inventory of a profile's project, live with the offline cache behind
// it: a read that cannot reach the cloud serves the last good listing marked
// stale (with when it was read and why it is stale); a live read replaces
// the cached one. Re-validation (rule 7) always reads live: a stale listing
// would judge against the past.
import type { Fetched } from '../../shared/cloud/heat-types';
import type { Inventory } from '../../shared/existing/inventory';
import { needsCloudCheck, revalidate, type MissingInCloud, type RevalidationInput } from '../../shared/existing/revalidate';
import { AppError } from '../../shared/ipc/errors';
import type { ProfileService } from '../cloud/profile-service';
import type { InventoryCacheRepo, InventoryKey } from '../library/inventory-cache-repo';
import { OFFLINE_CODES, readInventory } from './inventory-reader';

export class InventoryService {
  constructor(
    private readonly profiles: Pick<ProfileService, 'get' | 'connection'>,
    private readonly cache: InventoryCacheRepo,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Live when the cloud answers; else the cached listing, stale. Offline with nothing cached: the error. */
  async inventory(profileId: string): Promise<Fetched<Inventory>> {
    const key = this.key(profileId);
    try {
      const value = await this.live(profileId);
      const at = this.now().toISOString();
      this.cache.save(key, value, at);
      return { value, fetchedAt: at, stale: false, error: null };
    } catch (err) {
      const cached = this.cache.get(key);
      if (err instanceof AppError && OFFLINE_CODES.has(err.code) && cached) {
        return { value: cached.inventory, fetchedAt: cached.fetchedAt, stale: true, error: { code: err.code, message: err.message } };
      }
      throw err;
    }
  }

  live(profileId: string): Promise<Inventory> {
    return readInventory(this.profiles.connection(profileId));
  }

  /**
   * Rule 7 against what the cloud holds now. Not for a sandbox profile: its
   * environment turns every Nova/Neutron/Cinder/Glance resource into an
   * OS::Heat::None placeholder, so no image, flavor or zone is ever used
   * (and Heat itself still checks the parameters' custom constraints).
   */
  async revalidate(profileId: string, input: RevalidationInput): Promise<MissingInCloud[]> {
    const p = this.profiles.get(profileId);
    if (p.sandbox || !needsCloudCheck(input)) return [];
    return revalidate(input, await this.live(profileId), { project: p.projectName ?? p.projectId ?? '', region: p.region ?? '' });
  }

  private key(profileId: string): InventoryKey {
    const p = this.profiles.get(profileId);
    return { profileId, project: p.projectId ?? p.projectName ?? '', region: p.region ?? '' };
  }
}
