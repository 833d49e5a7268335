// The open template libraries: the personal one (the data folder's
// library.sqlite, which also holds clouds, stacks and preferences) and any
// number of others, each its own SQLite file opened with openDatabase (so each
// gets its migrations, pre-migration backups, daily backups and corrupt-file
// handling as the personal one does). One is active: the `library.*`
// channels and every service holding the library act on it (active-library.ts).
// Which libraries are open, the active one and the recent ones are kept in
// the personal library's preferences; a library's own name in its file, so
// it keeps its name wherever the file goes.
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import {
  PERSONAL_LIBRARY_ID,
  type LibrariesState,
  type LibraryInfo,
  type LibrarySearchHit,
  type RecentLibrary,
  type TransferOutcome,
} from '../../shared/ipc/libraries.contract';
import type { EventBus } from '../events/event-bus';
import { BackupScheduler } from './backup-scheduler';
import { openDatabase, type Db } from './database';
import { assertCreatableLibrary, assertOpenableLibrary, lockedError } from './library-file-check';
import type { LibraryService } from './library-service';
import { PreferencesRepo } from './preferences-repo';
import { transferTemplates, type TransferMode } from './template-transfer';
import { busyError } from './write-transaction';

const NAME_KEY = 'library.name';
const OPEN_KEY = 'libraries.open';
const ACTIVE_KEY = 'libraries.active';
const RECENT_KEY = 'libraries.recent';
const RECENT_MAX = 10;

export interface OpenLibrary {
  id: string;
  path: string;
  db: Db;
  service: LibraryService;
  personal: boolean;
  recoveredFrom: string | null;
  backups: BackupScheduler;
}

export interface CatalogOptions {
  /** A library service over another file's database (same checker and events as the personal one). */
  serviceFor(db: Db): LibraryService;
  events: EventBus;
  nativeBinding?: string | undefined;
  now?: () => Date;
}

export class LibraryCatalog {
  private readonly libraries = new Map<string, OpenLibrary>();
  private activeId = PERSONAL_LIBRARY_ID;
  private problems: LibrariesState['problems'] = [];
  private readonly prefs: PreferencesRepo;

  constructor(
    personal: Omit<OpenLibrary, 'id' | 'personal'>,
    private readonly options: CatalogOptions,
  ) {
    this.libraries.set(PERSONAL_LIBRARY_ID, { ...personal, id: PERSONAL_LIBRARY_ID, personal: true });
    this.prefs = new PreferencesRepo(personal.db);
  }

  /** Opens again the libraries open at the last exit; one that cannot be is listed under problems, not fatal. */
  restore(): void {
    for (const path of this.readJson<string[]>(OPEN_KEY, [])) {
      try {
        this.openFile(path);
      } catch (err) {
        this.problems.push({ path, message: err instanceof Error ? err.message : String(err) });
      }
    }
    const active = this.prefs.get(ACTIVE_KEY);
    if (active && this.libraries.has(active)) this.activeId = active;
    this.persist();
  }

  active(): LibraryService {
    return this.current().service;
  }

  current(): OpenLibrary {
    return this.libraries.get(this.activeId) ?? this.mustGet(PERSONAL_LIBRARY_ID);
  }

  /** An open library by id (NOT_FOUND once closed). */
  library(id: string): OpenLibrary {
    return this.mustGet(id);
  }

  state(): LibrariesState {
    return {
      activeId: this.activeId,
      open: [...this.libraries.values()].map((l) => this.info(l)),
      recent: this.readJson<RecentLibrary[]>(RECENT_KEY, []),
      problems: this.problems,
    };
  }

  create(path: string, name: string): LibrariesState {
    assertCreatableLibrary(path);
    const lib = this.connect(path);
    new PreferencesRepo(lib.db).set(NAME_KEY, name);
    return this.adopt(lib);
  }

  open(path: string): LibrariesState {
    const already = this.findByPath(path);
    if (already) return this.switchTo(already.id);
    return this.adopt(this.openFile(path));
  }

  rename(id: string, name: string): LibrariesState {
    const lib = this.mustGet(id);
    new PreferencesRepo(lib.db).set(NAME_KEY, name);
    this.remember(lib);
    return this.state();
  }

  close(id: string): LibrariesState {
    const lib = this.mustGet(id);
    if (lib.personal) throw new AppError('READ_ONLY', msg('library.personalAlwaysOpen'), { id });
    lib.backups?.dispose();
    lib.db.close();
    this.libraries.delete(id);
    if (this.activeId === id) this.activate(PERSONAL_LIBRARY_ID);
    this.persist();
    return this.state();
  }

  switchTo(id: string): LibrariesState {
    this.activate(this.mustGet(id).id);
    this.persist();
    return this.state();
  }

  forget(path: string): LibrariesState {
    this.problems = this.problems.filter((p) => p.path !== path);
    this.persist();
    this.prefs.set(RECENT_KEY, JSON.stringify(this.readJson<RecentLibrary[]>(RECENT_KEY, []).filter((r) => r.path !== path)));
    return this.state();
  }

  transfer(fromId: string, toId: string, ids: string[], mode: TransferMode): TransferOutcome {
    const from = this.mustGet(fromId);
    const to = this.mustGet(toId);
    const templates = transferTemplates(
      { db: from.db, name: this.displayName(from) },
      {
        db: to.db,
        name: this.displayName(to),
        isNameTaken: (n) => to.service.findByName(n).length > 0,
        freeName: (n) => to.service.freeName(n),
        reindex: (id) => to.service.reindex(id),
      },
      ids,
      mode,
    );
    // Both lists change: the active one's list refreshes, whichever end it is.
    for (const t of templates) this.options.events.emit('library.changed', { templateId: t.id });
    return { mode, targetId: to.id, templates };
  }

  search(text: string, scope: string, limit: number): LibrarySearchHit[] {
    const libs = scope === 'all' ? [...this.libraries.values()] : [this.mustGet(scope)];
    return libs.map((l) => ({
      libraryId: l.id,
      libraryName: this.nameOf(l),
      templates: l.service.list({ ...(text.trim() ? { search: text.trim() } : {}), sort: 'name', limit }),
    }));
  }

  dispose(): void {
    for (const lib of this.libraries.values()) {
      if (lib.personal) continue; // the personal library's database is the composer's to close
      lib.backups?.dispose();
      lib.db.close();
    }
    this.libraries.clear();
  }

  private adopt(lib: OpenLibrary): LibrariesState {
    this.activate(lib.id);
    this.persist();
    return this.state();
  }

  private activate(id: string): void {
    if (id === this.activeId) return;
    this.activeId = id;
    this.remember(this.mustGet(id));
    this.options.events.emit('library.changed', { templateId: null });
  }

  private openFile(path: string): OpenLibrary {
    const already = this.findByPath(path);
    if (already) return already;
    assertOpenableLibrary(path, this.options.nativeBinding);
    return this.connect(path);
  }

  private connect(path: string): OpenLibrary {
    let opened;
    try {
      opened = openDatabase(path, { nativeBinding: this.options.nativeBinding, now: this.options.now, ownFolder: false, busyTimeoutMs: 2000 });
    } catch (err) {
      if (busyError(null, err)) throw lockedError(path);
      throw err;
    }
    const id = libraryIdFor(realpathSync(path));
    const backups = new BackupScheduler(opened.db, path, this.options.now ? { now: this.options.now } : {});
    backups.start();
    const lib: OpenLibrary = {
      id,
      path,
      db: opened.db,
      service: this.options.serviceFor(opened.db),
      personal: false,
      recoveredFrom: opened.recoveredFrom,
      backups,
    };
    this.libraries.set(id, lib);
    this.remember(lib);
    return lib;
  }

  private findByPath(path: string): OpenLibrary | undefined {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      return undefined;
    }
    return this.libraries.get(libraryIdFor(real)) ?? [...this.libraries.values()].find((l) => l.personal && realpathSync(l.path) === real);
  }

  private mustGet(id: string): OpenLibrary {
    const lib = this.libraries.get(id);
    if (!lib) throw new AppError('NOT_FOUND', msg('library.notOpen'), { id });
    return lib;
  }

  private nameOf(lib: OpenLibrary): string | null {
    const stored = new PreferencesRepo(lib.db).get(NAME_KEY);
    if (stored) return stored;
    return lib.personal ? null : basename(lib.path, extname(lib.path));
  }

  private displayName(lib: OpenLibrary): string {
    return this.nameOf(lib) ?? 'Personal';
  }

  private info(lib: OpenLibrary): LibraryInfo {
    const count = (lib.db.prepare('SELECT COUNT(*) AS n FROM templates').get() as { n: number }).n;
    const workdir = lib.personal ? null : new PreferencesRepo(lib.db).get('git.workdir');
    return {
      id: lib.id,
      name: this.nameOf(lib),
      path: lib.path,
      personal: lib.personal,
      templates: count,
      recoveredFrom: lib.recoveredFrom,
      git: workdir ? { workdir } : null,
    };
  }

  private remember(lib: OpenLibrary): void {
    if (lib.personal) return;
    const entry: RecentLibrary = { path: lib.path, name: this.displayName(lib), openedAt: (this.options.now?.() ?? new Date()).toISOString() };
    const rest = this.readJson<RecentLibrary[]>(RECENT_KEY, []).filter((r) => r.path !== lib.path);
    this.prefs.set(RECENT_KEY, JSON.stringify([entry, ...rest].slice(0, RECENT_MAX)));
  }

  private persist(): void {
    const paths = [...this.libraries.values()].filter((l) => !l.personal).map((l) => l.path);
    // A library that failed to reopen stays in the list: it may be on a disk that is not mounted yet.
    const kept = this.problems.map((p) => p.path).filter((p) => !paths.includes(p));
    this.prefs.set(OPEN_KEY, JSON.stringify([...paths, ...kept]));
    this.prefs.set(ACTIVE_KEY, this.activeId);
  }

  private readJson<T>(key: string, fallback: T): T {
    const text = this.prefs.get(key);
    if (!text) return fallback;
    try {
      return JSON.parse(text) as T;
    } catch {
      return fallback;
    }
  }
}

/** Stable across restarts (the same file gets the same id), never 'personal'. */
function libraryIdFor(realPath: string): string {
  return `lib-${createHash('sha256').update(realPath).digest('hex').slice(0, 16)}`;
}
