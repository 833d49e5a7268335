// A real LibraryService on a temp SQLite file, for tests of what builds on it.
import { join } from 'node:path';
import { openDatabase } from '../../main/library/database';
import { EventBus } from '../../main/events/event-bus';
import { LibraryService } from '../../main/library/library-service';
import { TemplateRepo } from '../../main/library/template-repo';
import { hotChecker } from '../../shared/library/offline-status';

export function makeLibrary(dir: string) {
  const { db } = openDatabase(join(dir, 'library.sqlite'));
  const library = new LibraryService(new TemplateRepo(db), hotChecker, new EventBus());
  return { library, db, userTemplates: () => library.list({}).filter((t) => t.origin === 'user') };
}
