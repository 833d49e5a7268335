// The git-bound libraries among the catalog's open ones. Each is an ordinary
// catalog library (its own SQLite file, so list, search, versions, diff and
// deploy work unchanged) whose file says where its working copy is
// (`git.workdir`). Clones and caches live under the data folder's
// git-libraries/; a bound checkout stays where it is.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { msg } from '../../../shared/messages/message';
import type { LibrariesState } from '../../../shared/ipc/libraries.contract';
import type { EventBus } from '../../events/event-bus';
import type { LibraryCatalog } from '../library-catalog';
import { PreferencesRepo } from '../preferences-repo';
import type { StackOriginRepo } from '../stack-origin-repo';
import type { TemplateChecker } from '../../../shared/library/offline-status';
import { TemplateRepo } from '../template-repo';
import { Git } from './git-command';
import { GitLibrary } from './git-library';
import { assertIdentity, bindCheckout, cloneRepository } from './git-workspace';

export const WORKDIR_KEY = 'git.workdir';

export class GitLibraries {
  private readonly bound = new Map<string, GitLibrary>();
  private gitBinary: Git | null = null;

  constructor(
    private readonly catalog: LibraryCatalog,
    private readonly dataDir: string,
    private readonly check: TemplateChecker,
    private readonly events: EventBus,
    /** The stack origins (the personal library's): a rename re-points the stacks deployed from the template. */
    private readonly origins: Pick<StackOriginRepo, 'repoint'>,
  ) {}

  /** git is looked up when first needed: a studio without git works, minus git libraries. */
  private get git(): Git {
    this.gitBinary ??= new Git();
    return this.gitBinary;
  }

  async clone(url: string, name: string, onProgress?: (line: string) => void): Promise<LibrariesState> {
    const home = join(this.dataDir, 'git-libraries', createHash('sha256').update(`${url}\n${Date.now()}`).digest('hex').slice(0, 16));
    mkdirSync(home, { recursive: true, mode: 0o700 });
    const workdir = await cloneRepository(this.git, url, join(home, 'repo'), onProgress);
    return this.adopt(workdir, join(home, 'library.sqlite'), name);
  }

  async bind(path: string, name: string): Promise<LibrariesState> {
    const workdir = await bindCheckout(this.git, path);
    const home = join(this.dataDir, 'git-libraries', createHash('sha256').update(workdir).digest('hex').slice(0, 16));
    mkdirSync(home, { recursive: true, mode: 0o700 });
    const cache = join(home, 'library.sqlite');
    return existsSync(cache) ? this.reopen(cache) : this.adopt(workdir, cache, name);
  }

  /** The active library's git side, or null for a plain SQLite library. */
  active(): GitLibrary | null {
    const lib = this.catalog.current();
    return !lib.personal && new PreferencesRepo(lib.db).get(WORKDIR_KEY) ? this.of(lib.id) : null;
  }

  /** The git library behind a catalog id (opening its working copy on first use, e.g. after a restart). */
  of(libraryId: string): GitLibrary {
    const known = this.bound.get(libraryId);
    if (known) return known;
    const lib = this.catalog.library(libraryId);
    const workdir = new PreferencesRepo(lib.db).get(WORKDIR_KEY);
    if (!workdir) throw new AppError('NOT_FOUND', msg('git.notGitLibrary'), { libraryId });
    const repo = new TemplateRepo(lib.db);
    const git = new GitLibrary(
      { git: this.git, workdir, repo, prefs: new PreferencesRepo(lib.db), check: this.check, reindex: (id) => lib.service.reindex(id) },
      lib.service,
      {
        // Thousands of templates from a first import are one change for the screens (one list refresh), not one each.
        changed: (ids) => {
          if (ids.length === 1) this.events.emit('library.changed', { templateId: ids[0]! });
          else this.events.emit('library.changed', { templateId: null });
        },
        importing: (running) => this.events.emit('git.importing', { libraryId, running }),
        renamed: (fromId, toId, name) => void this.origins.repoint(fromId, toId, name),
      },
    );
    this.bound.set(libraryId, git);
    // History arrives in the background: the list answers from the cache meanwhile.
    void git.refresh().catch(() => undefined);
    return git;
  }

  private async adopt(workdir: string, cache: string, name: string): Promise<LibrariesState> {
    await assertIdentity(this.git, workdir);
    const state = this.catalog.create(cache, name);
    new PreferencesRepo(this.catalog.library(state.activeId).db).set(WORKDIR_KEY, workdir);
    await this.of(state.activeId).refresh();
    return this.catalog.state();
  }

  private reopen(cache: string): LibrariesState {
    const state = this.catalog.open(cache);
    this.of(state.activeId);
    return state;
  }
}
