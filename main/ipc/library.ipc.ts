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
    'library.update': async (req) => {
      // A git template's name is its path: a new one is a git mv and a commit, under the new path's id.
      const gitLibrary = req.name !== undefined ? git?.active() : null;
      if (!gitLibrary || req.name === undefined) return library.update(req.id, req);
      const moved = await gitLibrary.rename(req.id, req.name);
      return req.description !== undefined || req.tags !== undefined ? library.update(moved.id, { description: req.description, tags: req.tags }) : moved;
    },
    // In a git-bound library a saved version is a commit (the cache imports it), not a cache row alone.
    'library.saveVersion': (req) => git?.active()?.saveVersion(req) ?? library.saveVersion(req),
    'library.delete': (req) => {
      library.delete(req.id);
      return { deleted: true as const };
    },
  };
}
