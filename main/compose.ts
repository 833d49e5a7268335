// The one place services are constructed and wired, by hand. Electron's main
// (index.ts), the browser host (web/) and the tests all call composeServices,
// so every mode runs the same services behind the same dispatcher.
import type { AppInfo } from '../shared/ipc/app.contract';
import { openDatabase, type Db } from './library/database';
import { EventBus } from './events/event-bus';
import { Dispatcher, type HandlerTable } from './ipc/dispatcher';
import { appHandlers } from './ipc/app.ipc';
import { libraryHandlers } from './ipc/library.ipc';
import { filesHandlers } from './ipc/files.ipc';
import { ImportService } from './files/import-service';
import { ExportService } from './files/export-service';
import { LibraryService } from './library/library-service';
import { PreferencesRepo } from './library/preferences-repo';
import { hotChecker } from './library/template-checker';
import { TemplateRepo } from './library/template-repo';
import { databasePath } from './platform/paths';

export interface ComposeOptions {
  dataDir: string;
  host: AppInfo['host'];
  /** The app's version: Electron's app.getVersion(), or package.json's in Node. */
  version: string;
  nativeBinding?: string | undefined;
  now?: () => Date;
}

export interface Services {
  dispatcher: Dispatcher;
  events: EventBus;
  library: LibraryService;
  info: AppInfo;
  db: Db;
  dispose(): void;
}

export function composeServices(options: ComposeOptions): Services {
  const path = databasePath(options.dataDir);
  const opened = openDatabase(path, { nativeBinding: options.nativeBinding, now: options.now });
  const db = opened.db;
  const events = new EventBus();
  const templates = new TemplateRepo(db);
  const preferences = new PreferencesRepo(db);
  const library = new LibraryService(templates, hotChecker, events, options.now);
  library.seedRecommended();

  const info: AppInfo = {
    version: options.version,
    host: options.host,
    dataDir: options.dataDir,
    databasePath: path,
    recoveredFrom: opened.recoveredFrom,
  };
  const handlers: HandlerTable = {
    ...appHandlers(info, preferences),
    ...libraryHandlers(library),
    ...filesHandlers(new ImportService(library), new ExportService(library)),
  };
  const dispatcher = new Dispatcher(handlers);

  return {
    dispatcher,
    events,
    library,
    info,
    db,
    dispose() {
      events.dispose();
      db.close();
    },
  };
}
