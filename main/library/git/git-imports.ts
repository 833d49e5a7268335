// Imports into a git-bound library. The import service works out the
// templates exactly as for any library (files, folder, zip, bundle, URL), but
// against the cache inside a transaction that is rolled back at once; what it
// made is then written into the working copy and committed, and the cache
// imports that commit like any other (ids from paths). So nothing imported
// lives only in the cache, where a pull or a re-clone would lose it.
import type { ImportResult, ImportService } from '../../files/import-service';
import type { LibraryService } from '../library-service';
import type { GitLibrary } from './git-library';

const ROLLBACK = Symbol('dry run');

/** Runs `fn` in a transaction that is always rolled back, and returns what `fn` returned. */
function undone<T>(transaction: (fn: () => void) => void, fn: () => T): T {
  let out: { value: T } | null = null;
  try {
    transaction(() => {
      out = { value: fn() };
      throw ROLLBACK;
    });
  } catch (err) {
    if (err !== ROLLBACK) throw err;
  }
  return (out as { value: T } | null)!.value;
}

/** The library service with its import writes (new templates, new versions) undone, each returning what it would have made. */
export function dryRunLibrary(service: LibraryService, transaction: (fn: () => void) => void): LibraryService {
  const dry = Object.create(service) as LibraryService;
  dry.createMany = (inputs) => undone(transaction, () => service.createMany(inputs));
  dry.saveVersion = (input) => undone(transaction, () => service.saveVersion(input));
  return dry;
}

export class GitImports {
  constructor(
    private readonly libraries: { active(): GitLibrary | null },
    /** The import service over a given library service (same limits and fetcher as the plain one). */
    private readonly importerOver: (library: LibraryService) => ImportService,
  ) {}

  /** The import committed into the active git library; null when the active library is a plain one. */
  run(action: (imports: ImportService) => ImportResult | Promise<ImportResult>): Promise<ImportResult> | null {
    const git = this.libraries.active();
    if (!git) return null;
    return (async () => {
      const made = await action(this.importerOver(git.dryRunService()));
      return { templates: await git.commitImported(made.templates), skipped: made.skipped };
    })();
  }
}
