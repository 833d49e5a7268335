// Pull and push for a git-bound library. Pull is fetch + merge (never a
// rebase, never a reset): on a conflict the merge is left in progress, each
// conflicting file listed with both sides, for the user to resolve in the
// studio or leave for git; aborting puts the working copy back as it was.
// Push never forces: a refusal leaves the local commit and quotes the server.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { msg } from '../../../shared/messages/message';
import type { ConflictFile, PullOutcome, Resolution } from '../../../shared/ipc/git.contract';
import type { Git } from './git-command';

export type { ConflictFile, PullOutcome, Resolution };

export type Progress = (line: string) => void;

export async function upstreamOf(git: Git, cwd: string): Promise<{ remote: string; ref: string }> {
  const r = await git.run(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'], { cwd, okCodes: [128] });
  const ref = r.stdout.trim();
  if (r.code !== 0 || !ref.includes('/')) throw new AppError('GIT_FAILED', msg('git.noUpstream', { path: cwd }), { path: cwd });
  return { remote: ref.slice(0, ref.indexOf('/')), ref };
}

export async function pull(git: Git, cwd: string, onProgress?: Progress): Promise<PullOutcome> {
  if (await mergeInProgress(git, cwd)) return { state: 'conflict', conflicts: await conflicts(git, cwd) };
  const { remote, ref } = await upstreamOf(git, cwd);
  await git.run(['fetch', '--progress', remote], { cwd, ...(onProgress ? { onProgress } : {}) });
  const behind = Number((await git.run(['rev-list', '--count', `HEAD..${ref}`], { cwd })).stdout.trim());
  if (behind === 0) return { state: 'up-to-date', commits: 0 };
  const merge = await git.run(['merge', '--no-edit', ref], { cwd, okCodes: [1] });
  if (merge.code === 1) {
    const list = await conflicts(git, cwd);
    // Exit 1 without conflicting files: git refused before merging (e.g. a local change would be overwritten).
    if (list.length === 0) throw new AppError('GIT_FAILED', msg('git.failed', { command: 'git merge', reason: (merge.stderr || merge.stdout).trim() }), {});
    return { state: 'conflict', conflicts: list };
  }
  return { state: 'merged', commits: behind };
}

export async function mergeInProgress(git: Git, cwd: string): Promise<boolean> {
  return (await git.run(['rev-parse', '--verify', '--quiet', 'MERGE_HEAD'], { cwd, okCodes: [1] })).code === 0;
}

export async function conflicts(git: Git, cwd: string): Promise<ConflictFile[]> {
  const names = (await git.run(['-c', 'core.quotepath=off', 'diff', '--name-only', '--diff-filter=U', '-z'], { cwd })).stdout.split('\0').filter(Boolean);
  const side = async (stage: 2 | 3, path: string): Promise<string | null> => {
    const r = await git.run(['show', `:${stage}:${path}`], { cwd, okCodes: [128] });
    return r.code === 0 ? r.stdout : null;
  };
  return Promise.all(names.map(async (path) => ({ path, ours: await side(2, path), theirs: await side(3, path) })));
}

/** Applies the user's choice per file; once no conflict is left, commits the merge with git's message. */
export async function resolve(git: Git, cwd: string, resolutions: Resolution[]): Promise<{ remaining: ConflictFile[]; committed: boolean }> {
  const open = new Map((await conflicts(git, cwd)).map((c) => [c.path, c]));
  for (const r of resolutions) {
    const c = open.get(r.path);
    if (!c) throw new AppError('NOT_FOUND', msg('git.notConflicted', { path: r.path }), { path: r.path });
    const text = r.take === 'edited' ? r.text : r.take === 'ours' ? c.ours : c.theirs;
    if (text === null) {
      await git.run(['rm', '--quiet', '--', r.path], { cwd });
    } else {
      writeFileSync(join(cwd, r.path), text);
      await git.run(['add', '--', r.path], { cwd });
    }
  }
  const remaining = await conflicts(git, cwd);
  if (remaining.length > 0) return { remaining, committed: false };
  await git.run(['commit', '--no-edit', '--quiet'], { cwd });
  return { remaining, committed: true };
}

/** Leaves the pull for git: the working copy goes back to what it was before the merge. */
export async function abortMerge(git: Git, cwd: string): Promise<void> {
  if (await mergeInProgress(git, cwd)) await git.run(['merge', '--abort'], { cwd });
}

export async function push(git: Git, cwd: string, onProgress?: Progress): Promise<{ pushed: number }> {
  if (await mergeInProgress(git, cwd)) throw new AppError('GIT_CONFLICT', msg('git.resolveFirst'), {});
  const { remote, ref } = await upstreamOf(git, cwd);
  const ahead = Number((await git.run(['rev-list', '--count', `${ref}..HEAD`], { cwd })).stdout.trim());
  const branch = ref.slice(remote.length + 1);
  const r = await git.run(['push', '--progress', '--porcelain', remote, `HEAD:refs/heads/${branch}`], {
    cwd,
    okCodes: [1],
    ...(onProgress ? { onProgress } : {}),
  });
  if (r.code !== 0) {
    const reason = refusalReason(r.stdout, r.stderr);
    throw new AppError('GIT_PUSH_REJECTED', msg('git.pushRejected', { reason }), { reason, ahead });
  }
  return { pushed: ahead };
}

/** The server's own words: its `remote:` lines and the ref's refusal (e.g. "non-fast-forward", "pre-receive hook declined"). */
export function refusalReason(stdout: string, stderr: string): string {
  const remoteLines = stderr
    .split('\n')
    .filter((l) => l.startsWith('remote:'))
    .map((l) => l.slice('remote:'.length).trim())
    .filter(Boolean);
  const refLine = stdout.split('\n').find((l) => l.startsWith('!'));
  const refReason = refLine ? (/\(([^)]*)\)\s*$/.exec(refLine)?.[1] ?? refLine.split('\t').pop() ?? '') : '';
  const parts = [...remoteLines, refReason].filter(Boolean);
  return parts.length > 0 ? parts.join('\n') : stderr.trim().split('\n').slice(-3).join('\n');
}
