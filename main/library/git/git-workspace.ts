// Getting a working copy: a clone the studio makes (any URL git accepts:
// https, ssh, git://, a local path) into a folder it owns, or an existing
// checkout the user binds (the studio then commits there, in place).
import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { msg } from '../../../shared/messages/message';
import type { Git } from './git-command';

export async function cloneRepository(git: Git, url: string, into: string, onProgress?: (line: string) => void): Promise<string> {
  if (url.trim().startsWith('-')) throw new AppError('BAD_REQUEST', msg('git.badUrl', { url }), { url }); // never read as an option
  if (existsSync(into) && readdirSync(into).length > 0) throw new AppError('CONFLICT', msg('git.folderNotEmpty', { path: into }), { path: into });
  await git.run(['clone', '--progress', '--', url.trim(), into], { cwd: process.cwd(), ...(onProgress ? { onProgress } : {}) });
  return into;
}

/** The top of the checkout `path` is in; refuses a folder that is no git working copy. */
export async function bindCheckout(git: Git, path: string): Promise<string> {
  if (!isAbsolute(path) || !existsSync(path)) throw new AppError('NOT_FOUND', msg('git.notACheckout', { path }), { path });
  const r = await git.run(['rev-parse', '--show-toplevel'], { cwd: path, okCodes: [128] });
  if (r.code !== 0 || !r.stdout.trim()) throw new AppError('NOT_FOUND', msg('git.notACheckout', { path }), { path });
  return resolve(r.stdout.trim());
}

/** The identity commits are made with: the user's own git config; without one git would refuse, so say so up front. */
export async function assertIdentity(git: Git, cwd: string): Promise<void> {
  const name = await git.run(['config', 'user.name'], { cwd, okCodes: [1] });
  const email = await git.run(['config', 'user.email'], { cwd, okCodes: [1] });
  if (!name.stdout.trim() || !email.stdout.trim()) throw new AppError('GIT_FAILED', msg('git.noIdentity', { path: cwd }), { path: cwd });
}
