// Several template libraries side by side: each its own SQLite file. The
// "personal" one (the data folder's library.sqlite) is always open; others
// are created or opened from any path, switched between, renamed, closed,
// and templates copied or moved between them (with all their versions).
// The `library.*` channels act on the active library.
import { z } from 'zod';
import { channel } from './define';
import { name } from './library.contract';
import { LIMITS, type TemplateSummary } from '../library/model';
import { CONTROL_CHAR_MESSAGE, hasControlChar } from '../library/names';

export const PERSONAL_LIBRARY_ID = 'personal';

export interface LibraryInfo {
  id: string;
  /** null: the personal library under its default name, worded by the UI. */
  name: string | null;
  path: string;
  personal: boolean;
  templates: number;
  /** Set when the file was damaged on open: where it was moved aside. */
  recoveredFrom: string | null;
  /** A library bound to a git repository: its working copy (the file is the cache of its history). */
  git: { workdir: string } | null;
}

export interface RecentLibrary {
  path: string;
  name: string;
  openedAt: string;
}

export interface LibrariesState {
  activeId: string;
  open: LibraryInfo[];
  /** Libraries opened before, newest first, the open ones included. */
  recent: RecentLibrary[];
  /** Libraries open at the last exit that could not be opened again, and why. */
  problems: Array<{ path: string; message: string }>;
}

export interface LibrarySearchHit {
  libraryId: string;
  libraryName: string | null;
  templates: TemplateSummary[];
}

export interface TransferOutcome {
  mode: 'copy' | 'move';
  targetId: string;
  templates: Array<{ sourceId: string; id: string; name: string; versions: number }>;
}

const libraryId = z.string().min(1).max(64);
const path = z
  .string()
  .trim()
  .min(1, 'a path is required')
  .max(4096)
  .refine((s) => !hasControlChar(s), CONTROL_CHAR_MESSAGE);

export const librariesChannels = {
  'libraries.state': channel(z.object({})).returns<LibrariesState>(),
  /** A new, empty library file at `path` (which must not exist yet); it becomes the active one. */
  'libraries.create': channel(z.object({ path, name })).returns<LibrariesState>(),
  /** Opens an existing library file (or switches to it when open already). */
  'libraries.open': channel(z.object({ path })).returns<LibrariesState>(),
  'libraries.rename': channel(z.object({ id: libraryId, name })).returns<LibrariesState>(),
  /** Closes a library (never the personal one); its file stays where it is, listed under recent. */
  'libraries.close': channel(z.object({ id: libraryId })).returns<LibrariesState>(),
  'libraries.switch': channel(z.object({ id: libraryId })).returns<LibrariesState>(),
  /** Forgets a recent library (the file itself is not touched). */
  'libraries.forget': channel(z.object({ path })).returns<LibrariesState>(),
  /** Copies or moves templates, with every version, from one open library to another. */
  'libraries.transfer': channel(
    z.object({ fromId: libraryId, toId: libraryId, templateIds: z.array(z.string().min(1).max(64)).min(1).max(1000), mode: z.enum(['copy', 'move']) }),
  ).returns<TransferOutcome>(),
  /** Searches one open library, or all of them: each hit list says which library. */
  'libraries.search': channel(
    z.object({
      search: z.string().max(LIMITS.searchMax),
      scope: z.union([z.literal('all'), libraryId]),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
  ).returns<LibrarySearchHit[]>(),
  /** The desktop app's file dialog (null when cancelled); the browser host has none and answers NOT_FOUND. */
  'libraries.choosePath': channel(z.object({ purpose: z.enum(['create', 'open']) })).returns<{ path: string | null }>(),
} as const;
