// The cloud services, built for main/compose.ts: profiles (with encrypted
// secrets), the Heat client per profile, the offline cache and the watchers.
import type { Db } from '../library/database';
import type { EventBus } from '../events/event-bus';
import { CloudCacheRepo } from '../library/cloud-cache-repo';
import { CloudProfileRepo } from '../library/cloud-profile-repo';
import { NodeSecretStore, type SecretStore } from '../platform/secret-store';
import { CloudService, type CloudServiceOptions } from './cloud-service';
import { ProfileService, type ProfileServiceOptions } from './profile-service';

export interface CloudServicesDeps {
  db: Db;
  events: EventBus;
  /** Electron: SafeStorageSecretStore (when the keyring really encrypts, see chooseSecretStore); browser/Node mode: omit for a 0600 key file in dataDir. */
  secrets?: SecretStore;
  dataDir: string;
  profileOptions?: ProfileServiceOptions;
  cloudOptions?: CloudServiceOptions;
}

export interface CloudServices {
  cloud: CloudService;
  profiles: ProfileService;
  dispose(): void;
}

export function createCloudServices(deps: CloudServicesDeps): CloudServices {
  const secrets = deps.secrets ?? NodeSecretStore.inDataDir(deps.dataDir);
  const profiles = new ProfileService(new CloudProfileRepo(deps.db), secrets, deps.profileOptions);
  const cloud = new CloudService(profiles, new CloudCacheRepo(deps.db), deps.events, deps.cloudOptions);
  return { cloud, profiles, dispose: () => cloud.dispose() };
}

export { CloudService } from './cloud-service';
export { ProfileService } from './profile-service';
