import type { LibraryService } from '../library/library-service';
import type { GitLibraries } from '../library/git/git-libraries';
import type { DomainHandlers } from './dispatcher';

export function libraryHandlers(library: LibraryService, git?: Pick<GitLibraries, 'active'>): DomainHandlers<'library'> {
  return {
    'library.list': (req) => library.list(req),
    'library.resourceTypes': () => library.resourceTypes(),
    'library.get': (req) => library.get(req.id),
    'library.getVersion': (req) => library.getVersion(req.id, req.number),
    'library.create': (req) => library.create(req),
    'library.update': (req) => library.update(req.id, req),
    // In a git-bound library a saved version is a commit (the cache imports it), not a cache row alone.
    'library.saveVersion': (req) => git?.active()?.saveVersion(req) ?? library.saveVersion(req),
    'library.delete': (req) => {
      library.delete(req.id);
      return { deleted: true as const };
    },
  };
}
