// Team members of a git-bound library for the git integration tests: a real
// git daemon on 127.0.0.1 for the suite, a scratch folder with a test git
// identity, and one studio (its own data dir, its own clone) per member.
// Every studio, the server and the scratch folder go when the suite ends.
import { afterAll, beforeAll, expect } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices, type Services } from '../../../main/compose';
import type { ChannelName, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { git, startGitServer, useTestGitIdentity, type GitServer } from '../../support/git-server';

export interface Member {
  studio: Services;
  libraryId: string;
  workdir: string;
}

/** A typed call through the contract that throws the studio's error (code and details kept). */
export async function call<K extends ChannelName>(s: Services, channel: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const r = await s.dispatcher.dispatch(channel, request);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, details: r.error.details });
  return r.value as ResponseOf<K>;
}

export interface GitTeam {
  /** The suite's git server (set in beforeAll). */
  readonly server: GitServer;
  /** A new member who clones `url`; with `author`, the clone commits under that name. */
  member(url: string, author?: string): Promise<Member>;
}

export function useGitTeam(scratchPrefix: string): GitTeam {
  let scratch = '';
  let server: GitServer | undefined;
  let restoreIdentity: (() => void) | undefined;
  const studios: Services[] = [];
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), scratchPrefix));
    restoreIdentity = useTestGitIdentity(scratch);
    server = await startGitServer();
  });
  afterAll(() => {
    for (const s of studios.splice(0)) s.dispose();
    server?.stop();
    restoreIdentity?.();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });
  return {
    get server() {
      if (!server) throw new Error('the git server starts in beforeAll');
      return server;
    },
    async member(url, author) {
      const studio = composeServices({ dataDir: mkdtempSync(join(scratch, 'studio-')), host: 'web', version: 'test' });
      studios.push(studio);
      const state = await call(studio, 'git.clone', { url, name: author ? `${author}'s team` : 'team' });
      const lib = state.open.find((l) => l.id === state.activeId)!;
      expect(lib.git).not.toBeNull();
      if (author) {
        git(lib.git!.workdir, 'config', 'user.name', author);
        git(lib.git!.workdir, 'config', 'user.email', `${author.toLowerCase()}@example.invalid`);
      }
      return { studio, libraryId: lib.id, workdir: lib.git!.workdir };
    },
  };
}
