import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import type { LibraryCatalog } from '../library/library-catalog';
import type { DomainHandlers } from './dispatcher';

/** The desktop app's file dialog; absent in the browser host, whose UI asks for a path instead. */
export type ChooseLibraryPath = (purpose: 'create' | 'open') => Promise<string | null>;

export function librariesHandlers(catalog: LibraryCatalog, choosePath?: ChooseLibraryPath): DomainHandlers<'libraries'> {
  return {
    'libraries.state': () => catalog.state(),
    'libraries.create': (req) => catalog.create(req.path, req.name),
    'libraries.open': (req) => catalog.open(req.path),
    'libraries.rename': (req) => catalog.rename(req.id, req.name),
    'libraries.close': (req) => catalog.close(req.id),
    'libraries.switch': (req) => catalog.switchTo(req.id),
    'libraries.forget': (req) => catalog.forget(req.path),
    'libraries.transfer': (req) => catalog.transfer(req.fromId, req.toId, req.templateIds, req.mode),
    'libraries.search': (req) => catalog.search(req.search, req.scope, req.limit),
    'libraries.choosePath': async (req) => {
      if (!choosePath) throw new AppError('NOT_FOUND', msg('library.noFileDialog'), {});
      return { path: await choosePath(req.purpose) };
    },
  };
}
