// The inventory of a profile's project, live with the offline cache behind
// it: a read that cannot reach the cloud serves the last good listing marked
// stale (with when it was read and why it is stale); a live read replaces
// the cached one. Re-validation (rule 7) always reads live: a stale listing
// would judge against the past.
import type { Fetched } from '../../shared/cloud/heat-types';
import type { Inventory } from '../../shared/existing/inventory';
import { needsCloudCheck, revalidate, type MissingInCloud, type RevalidationInput } from '../../shared/existing/revalidate';
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import type { ProfileService } from '../cloud/profile-service';
import type { InventoryCacheRepo, InventoryKey } from '../library/inventory-cache-repo';
import { OFFLINE_CODES, readInventory } from './inventory-reader';
import type { ChoiceList } from '../../shared/existing/choices';
import type { CreatedKeyPair } from '../../shared/ipc/existing.contract';
import { readChoices } from './choices-reader';
import { generateKey, parsePublicKey, uploadKeyPair, KEY_NAME, type KeyAlgorithm } from './keypairs';

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

  /** The deploy form's pickers, live (a picker offers what exists now; offline, each list carries the reason). */
  choices(profileId: string, constraints: readonly string[]): Promise<ChoiceList[]> {
    return readChoices(this.profiles.connection(profileId), constraints);
  }

  /**
   * A key pair in the profile's project. Generated: the key is made here and
   * only its public half uploaded; the private key is answered once and kept
   * nowhere. Imported: the pasted public key is checked, then uploaded.
   */
  async createKeyPair(
    profileId: string,
    name: string,
    how: { mode: 'generate'; algorithm: KeyAlgorithm } | { mode: 'import'; publicKey: string },
  ): Promise<CreatedKeyPair> {
    const keyName = name.trim();
    if (!KEY_NAME.test(keyName)) throw new AppError('BAD_REQUEST', msg('existing.keyPairName', { name: keyName.slice(0, 60) }));
    const key = how.mode === 'generate' ? generateKey(how.algorithm, keyName) : { ...parsePublicKey(how.publicKey), privateKey: null };
    const up = await uploadKeyPair(this.profiles.connection(profileId), keyName, key.publicKey);
    return { name: up.name, fingerprint: up.fingerprint || key.fingerprint, publicKey: key.publicKey, privateKey: key.privateKey };
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
