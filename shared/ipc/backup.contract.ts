import { z } from 'zod';
import { channel } from './define';
import { base64Length, LIBRARY_FILE_BYTES_MAX } from './byte-limits';

export interface BackupEntry {
  file: string;
  bytes: number;
  at: string;
}

export interface LibraryImportOutcome {
  imported: Array<{ id: string; name: string }>;
  skipped: Array<{ id: string; name: string; reason: 'exists' | 'recommended' }>;
}

export const backupChannels = {
  'backup.list': channel(z.object({})).returns<BackupEntry[]>(),
  'backup.now': channel(z.object({})).returns<BackupEntry>(),
  /** The whole library as one SQLite file, for moving to a new machine. */
  'backup.exportLibrary': channel(z.object({})).returns<{ fileName: string; base64: string }>(),
  /** Merges another library file: its templates are added, none here is overwritten. At most LIBRARY_FILE_BYTES_MAX. */
  'backup.importLibrary': channel(
    z.object({ fileName: z.string().min(1).max(1024), base64: z.string().min(1).max(base64Length(LIBRARY_FILE_BYTES_MAX)) }),
  ).returns<LibraryImportOutcome>(),
} as const;
