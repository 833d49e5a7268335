import { statSync } from 'node:fs';
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import type { Db } from '../library/database';
import type { BackupScheduler } from '../library/backup-scheduler';
import type { LibraryService } from '../library/library-service';
import { exportDatabase, isSqliteFile, mergeLibrary } from '../library/library-transfer';
import type { DomainHandlers } from './dispatcher';

/** `current`: the active library's file and its backup schedule (each library keeps its own backups/ beside it). */
export function backupHandlers(current: () => { db: Db; backups: BackupScheduler }, library: LibraryService, nativeBinding?: string): DomainHandlers<'backup'> {
  const scheduler = (): BackupScheduler => current().backups;
  return {
    'backup.list': () => scheduler().list(),
    'backup.now': () => {
      const file = scheduler().backupNow();
      return { file, bytes: statSync(file).size, at: new Date().toISOString() };
    },
    'backup.exportLibrary': () => ({
      fileName: `heat-studio-library-${new Date().toISOString().slice(0, 10)}.sqlite`,
      base64: Buffer.from(exportDatabase(current().db)).toString('base64'),
    }),
    'backup.importLibrary': (req) => {
      const bytes = new Uint8Array(Buffer.from(req.base64, 'base64'));
      if (!isSqliteFile(bytes)) throw new AppError('IMPORT_FAILED', msg('library.backup.notSqlite', { file: req.fileName }), { file: req.fileName });
      const result = mergeLibrary(current().db, bytes, req.fileName, (id) => library.reindex(id), nativeBinding);
      return result;
    },
  };
}
