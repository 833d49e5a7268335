// Template libraries bound to a git repository (main/library/git/): clone a
// repository or bind a checkout, pull and push with progress ('git.progress'
// events), resolve a pull's conflicts, save a version as a commit. The
// library itself is an ordinary catalog library, listed by `libraries.state`
// with its working copy under `git`.
import { z } from 'zod';
import { channel } from './define';
import { name, saveVersionRequest } from './library.contract';
import type { LibrariesState } from './libraries.contract';
import type { TemplateDetails } from '../library/model';
import { CONTROL_CHAR_MESSAGE, hasControlChar } from '../library/names';

export interface GitStatus {
  workdir: string;
  branch: string | null;
  upstream: string | null;
  /** Local commits not pushed yet, and pulled ones not merged yet (as of the last fetch). */
  ahead: number;
  behind: number;
  /** A pull is waiting for its conflicts to be resolved or aborted. */
  merging: boolean;
  /** History is being imported into the cache in the background. */
  importing: boolean;
}

export interface ConflictFile {
  path: string;
  /** The local side (null: deleted here), and the pulled side (null: deleted there). */
  ours: string | null;
  theirs: string | null;
}

export type PullOutcome = { state: 'up-to-date' | 'merged'; commits: number } | { state: 'conflict'; conflicts: ConflictFile[] };

export type Resolution = { path: string; take: 'ours' | 'theirs' } | { path: string; take: 'edited'; text: string };

export type GitOperation = 'clone' | 'pull' | 'push';

const url = z
  .string()
  .trim()
  .min(1, 'a repository URL or path is required')
  .max(4096)
  .refine((s) => !hasControlChar(s), CONTROL_CHAR_MESSAGE);
const libraryId = z.string().min(1).max(64);
const repoPath = z.string().min(1).max(1024);

export const gitChannels = {
  /** Clones a repository (https, ssh, git://, a path) into a folder the studio owns; it becomes the active library. */
  'git.clone': channel(z.object({ url, name })).returns<LibrariesState>(),
  /** Binds an existing checkout (an absolute path inside it); the studio commits there, in place. */
  'git.bind': channel(z.object({ path: url, name })).returns<LibrariesState>(),
  'git.status': channel(z.object({ libraryId })).returns<GitStatus>(),
  /** fetch + merge, never a rebase; a conflict leaves the merge in progress for `git.resolve` or `git.abort`. */
  'git.pull': channel(z.object({ libraryId })).returns<PullOutcome>(),
  'git.conflicts': channel(z.object({ libraryId })).returns<ConflictFile[]>(),
  'git.resolve': channel(
    z.object({
      libraryId,
      resolutions: z
        .array(
          z.union([z.object({ path: repoPath, take: z.enum(['ours', 'theirs']) }), z.object({ path: repoPath, take: z.literal('edited'), text: z.string() })]),
        )
        .min(1)
        .max(1000),
    }),
  ).returns<{ remaining: ConflictFile[]; committed: boolean }>(),
  /** Leaves the pull for git: the working copy goes back to what it was before the merge. */
  'git.abort': channel(z.object({ libraryId })).returns<{ aborted: true }>(),
  /** Never forced; a refusal (GIT_PUSH_REJECTED) keeps the local commit and gives the server's reason. */
  'git.push': channel(z.object({ libraryId })).returns<{ pushed: number }>(),
  /** Writes the files byte for byte and commits them; the message defaults to the version note. */
  'git.saveVersion': channel(saveVersionRequest.extend({ libraryId })).returns<TemplateDetails>(),
} as const;
