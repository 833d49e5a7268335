// The library every service holds (import, export, deploy, apps, backups,
// the library channels) is whichever one the user switched to: these stand
// for the catalog's active library and forward each call to it, so switching
// needs no service to be rebuilt or re-wired.
import { AppLinkRepo } from './app-link-repo';
import type { LibraryCatalog } from './library-catalog';
import type { LibraryService } from './library-service';

/** An object whose every property is read from `current()` at the time of use. */
export function forwardTo<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const target = current();
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function activeLibrary(catalog: LibraryCatalog): LibraryService {
  return forwardTo(() => catalog.active());
}

/** App links live with their templates, in the active library's file. */
export function activeAppLinks(catalog: LibraryCatalog): AppLinkRepo {
  return forwardTo(() => new AppLinkRepo(catalog.current().db));
}
