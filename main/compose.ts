// The one place services are constructed and wired, by hand. Electron's main
// (index.ts), the browser host (web/) and the tests all call composeServices,
// so every mode runs the same services behind the same dispatcher.
import type { AppInfo, Preferences, SecretStorageInfo } from '../shared/ipc/app.contract';
import { openDatabase, type Db } from './library/database';
import { EventBus } from './events/event-bus';
import { Dispatcher, type HandlerTable } from './ipc/dispatcher';
import { appHandlers, readPreferences } from './ipc/app.ipc';
import { libraryHandlers } from './ipc/library.ipc';
import { librariesHandlers, type ChooseLibraryPath } from './ipc/libraries.ipc';
import { gitHandlers } from './ipc/git.ipc';
import { GitLibraries } from './library/git/git-libraries';
import { GitImports } from './library/git/git-imports';
import { LibraryCatalog } from './library/library-catalog';
import { activeAppLinks, activeLibrary } from './library/active-library';
import { filesHandlers } from './ipc/files.ipc';
import { syncHandlers } from './ipc/sync.ipc';
import { StackSyncService } from './files/stack-sync';
import { CloudCacheRepo } from './library/cloud-cache-repo';
import { appsHandlers } from './ipc/apps.ipc';
import { AppService } from './apps/app-service';
import { backupHandlers } from './ipc/backup.ipc';
import { BackupScheduler } from './library/backup-scheduler';
import { ImportService } from './files/import-service';
import { ExportService } from './files/export-service';
import { stacksetHandlers } from './ipc/stacksets.ipc';
import { LibraryService } from './library/library-service';
import { PreferencesRepo } from './library/preferences-repo';
import { saveChecker } from './template-status/save-checker';
import { TemplateStatusService } from './template-status/status-service';
import { CloudProfileRepo } from './library/cloud-profile-repo';
import { TemplateRepo } from './library/template-repo';
import { databasePath } from './platform/paths';
import { createCloudServices, type CloudService, type ProfileService } from './cloud/index';
import { cloudHandlers } from './ipc/cloud.ipc';
import { deployHandlers } from './ipc/deploy.ipc';
import { DeployService } from './deploy/deploy-service';
import { ResourceTypeCache } from './cloud/resource-type-cache';
import { StackOriginRepo } from './library/stack-origin-repo';
import { StackSetRepo } from './library/stackset-repo';
import type { SecretStore } from './platform/secret-store';
import { StackSetAccounts } from './stacksets/accounts';
import { StackSetService } from './stacksets/stackset-service';
import { quotaHandlers } from './ipc/quota.ipc';
import { QuotaService } from './quota/quota-service';
import { QuotaCacheRepo } from './library/quota-cache-repo';
import { existingHandlers } from './ipc/existing.ipc';
import { InventoryService } from './existing/inventory-service';
import { InventoryCacheRepo } from './library/inventory-cache-repo';

export interface ComposeOptions {
  dataDir: string;
  host: AppInfo['host'];
  /** The app's version: Electron's app.getVersion(), or package.json's in Node. */
  version: string;
  nativeBinding?: string | undefined;
  now?: () => Date;
  /** Electron passes its safeStorage store; plain Node uses a key file in the data dir. */
  secrets?: SecretStore;
  /** What to tell the user about `secrets` (default: the key file of the browser host). */
  secretStorage?: SecretStorageInfo;
  /** Stack set runner poll interval (tests and the bench shorten it). */
  stacksetPollMs?: number;
  /** Deadline for each file fetched by a URL import (tests shorten it). */
  importTimeoutMs?: number;
  /** The desktop app's file dialog for library files (the browser host types a path instead). */
  chooseLibraryPath?: ChooseLibraryPath;
}

export interface Services {
  dispatcher: Dispatcher;
  events: EventBus;
  library: LibraryService;
  profiles: ProfileService;
  cloud: CloudService;
  stacksets: StackSetService;
  info: AppInfo;
  db: Db;
  /** The saved preferences (locale...), and a way to hear them change (returns the unsubscribe). */
  preferences(): Preferences;
  onPreferences(listener: (p: Preferences) => void): () => void;
  dispose(): void;
}

export function composeServices(options: ComposeOptions): Services {
  const path = databasePath(options.dataDir);
  const opened = openDatabase(path, { nativeBinding: options.nativeBinding, now: options.now });
  const db = opened.db;
  const events = new EventBus();
  const templates = new TemplateRepo(db);
  const preferences = new PreferencesRepo(db);
  // A template's status on save: the HOT engine, then the newest quota read (main/template-status/README.md).
  const quotaCache = new QuotaCacheRepo(db);
  const checker = saveChecker(quotaCache, new CloudProfileRepo(db));
  // Daily copies of the library file beside it (backups/), the newest five kept.
  const backups = new BackupScheduler(db, path);
  backups.start();
  const personal = new LibraryService(templates, checker, events, options.now);
  // Reasons stored before they were messages get theirs (migration 009), so old ones are worded in the reader's language too.
  personal.rewordStatuses();
  personal.seedRecommended();
  // Other library files beside the personal one; every service below acts on the active one (active-library.ts).
  const catalog = new LibraryCatalog(
    { path, db, service: personal, recoveredFrom: opened.recoveredFrom, backups },
    {
      serviceFor: (other) => {
        const service = new LibraryService(new TemplateRepo(other), checker, events, options.now);
        service.rewordStatuses();
        return service;
      },
      events,
      nativeBinding: options.nativeBinding,
      ...(options.now ? { now: options.now } : {}),
    },
  );
  catalog.restore();
  const library = activeLibrary(catalog);
  const apps = new AppService(library, activeAppLinks(catalog), options.now);

  // Cloud profiles (secrets encrypted at rest), the Heat client, the offline
  // cache and the stack watchers; the stack set runner reaches Heat through them.
  const cloudServices = createCloudServices({ db, events, dataDir: options.dataDir, ...(options.secrets ? { secrets: options.secrets } : {}) });
  const profiles = cloudServices.profiles;

  // Stack sets: operations left unfinished by the last run resume at once.
  const stacksets = new StackSetService(new StackSetRepo(db), new StackSetAccounts(profiles), events, {
    ...(options.stacksetPollMs !== undefined ? { pollMs: options.stacksetPollMs } : {}),
  });
  stacksets.resumeAll();

  // The quota panel's cloud side; deploy and app export are refused over quota.
  const quota = new QuotaService(profiles, quotaCache, options.now);
  // What already exists in the cloud (SPEC 1.5): the palette's Existing tab, and rule 7 on re-check and deploy.
  const inventory = new InventoryService(profiles, new InventoryCacheRepo(db), options.now);
  // Resource types per cloud and region: the update preview's explanation and the palette's marks.
  const resourceTypes = new ResourceTypeCache(cloudServices.cloud, (id) => profiles.get(id));
  // "Check again": every status step, for the profile the user chose.
  const status = new TemplateStatusService(library, cloudServices.cloud, profiles, inventory, quota);
  const deploy = new DeployService(library, cloudServices.cloud, new StackOriginRepo(db), quota, inventory, resourceTypes, options.now);

  const info: AppInfo = {
    version: options.version,
    host: options.host,
    dataDir: options.dataDir,
    databasePath: path,
    recoveredFrom: opened.recoveredFrom,
    secretStorage: options.secretStorage ?? { kind: 'keyfile', reason: 'browser' },
  };
  // Libraries bound to git: saving in one commits (library.saveVersion goes there when it is active).
  const gitLibraries = new GitLibraries(catalog, options.dataDir, checker, events, new StackOriginRepo(db));
  const importsOver = (over: LibraryService) => new ImportService(over, undefined, undefined, options.importTimeoutMs);
  const preferenceListeners = new Set<(p: Preferences) => void>();
  const handlers: HandlerTable = {
    ...appHandlers(info, preferences, (p) => preferenceListeners.forEach((l) => l(p))),
    ...libraryHandlers(library, gitLibraries),
    ...librariesHandlers(catalog, options.chooseLibraryPath),
    ...gitHandlers(gitLibraries, events),
    ...filesHandlers(importsOver(library), new ExportService(library), new GitImports(gitLibraries, importsOver)),
    ...appsHandlers(apps, { service: quota, library }),
    ...backupHandlers(() => catalog.current(), library, options.nativeBinding),
    ...cloudHandlers(cloudServices),
    ...syncHandlers(new StackSyncService(library, cloudServices.cloud, profiles, new StackOriginRepo(db), new CloudCacheRepo(db)), status),
    ...stacksetHandlers(stacksets, profiles),
    ...deployHandlers(deploy),
    ...quotaHandlers(quota, deploy),
    ...existingHandlers(inventory),
  };
  const dispatcher = new Dispatcher(handlers);

  return {
    dispatcher,
    events,
    library,
    profiles,
    cloud: cloudServices.cloud,
    stacksets,
    info,
    db,
    preferences: () => readPreferences(preferences),
    onPreferences(listener) {
      preferenceListeners.add(listener);
      return () => preferenceListeners.delete(listener);
    },
    dispose() {
      catalog.dispose();
      backups.dispose();
      stacksets.dispose();
      cloudServices.dispose();
      profiles.dispose();
      events.dispose();
      db.close();
    },
  };
}
