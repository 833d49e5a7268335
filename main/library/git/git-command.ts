// The system's git, run through execFile (never a shell: a URL or a path is
// one argument, whatever characters it holds). Credentials are the user's
// git setup (ssh-agent, credential helpers); GIT_TERMINAL_PROMPT=0 and a
// batch-mode ssh make a missing credential fail at once instead of waiting
// on a prompt nobody sees.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { msg } from '../../../shared/messages/message';

export interface GitResult {
  stdout: string;
  /** stdout's bytes, for output whose byte counts matter (cat-file --batch). */
  raw: Buffer;
  stderr: string;
  code: number;
}

export interface GitRunOptions {
  cwd: string;
  /** Text for git's stdin (e.g. a commit message with -F -). */
  input?: string;
  /** Exit codes that are answers, not failures (merge's 1 on conflict). */
  okCodes?: number[];
  /** Each line git writes to stderr as it goes (progress of fetch, push, clone). */
  onProgress?: (line: string) => void;
  timeoutMs?: number;
}

/** HEAT_STUDIO_GIT when set, else the first `git` on PATH. */
export function findGit(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env['HEAT_STUDIO_GIT'];
  if (chosen) {
    if (isExecutable(chosen)) return chosen;
    throw gitMissing(chosen);
  }
  const names = process.platform === 'win32' ? ['git.exe', 'git.cmd'] : ['git'];
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  throw gitMissing('git');
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function gitMissing(path: string): AppError {
  return new AppError('GIT_UNAVAILABLE', msg('git.missing', { path }), { path });
}

export class Git {
  constructor(private readonly binary: string = findGit()) {}

  /** Runs git; a non-zero exit outside okCodes is GIT_FAILED with git's own words. */
  run(args: string[], options: GitRunOptions): Promise<GitResult> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        this.binary,
        args,
        {
          cwd: options.cwd,
          env: gitEnv(),
          maxBuffer: 256 * 1024 * 1024,
          timeout: options.timeoutMs ?? 10 * 60_000,
          encoding: 'buffer',
          windowsHide: true,
        },
        (error, stdoutBuf, stderrBuf) => {
          const stdout = stdoutBuf.toString('utf8');
          const stderr = stderrBuf.toString('utf8');
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          if (code === 0 || options.okCodes?.includes(code)) return resolve({ stdout, raw: stdoutBuf, stderr, code });
          if (error && typeof error.code === 'string' && error.code === 'ENOENT') return reject(gitMissing(this.binary));
          reject(gitFailed(args, stderr || error?.message || '', code));
        },
      );
      if (options.onProgress && child.stderr) {
        const onProgress = options.onProgress;
        // Progress lines end in \r (rewritten in place) or \n.
        child.stderr.on('data', (chunk: Buffer) => {
          for (const line of chunk.toString('utf8').split(/[\r\n]+/)) if (line.trim()) onProgress(line.trim());
        });
      }
      // git may exit without reading its stdin (most commands): the closed pipe is no error.
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(options.input ?? '');
    });
  }

  /** The bytes of a file at a commit (or an index stage such as ':2:path'), exactly. */
  async show(cwd: string, spec: string): Promise<string> {
    return (await this.run(['show', spec], { cwd })).stdout;
  }
}

function gitEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    // ssh asks nothing either: a key in the agent works, a passphrase prompt fails.
    GIT_SSH_COMMAND: process.env['GIT_SSH_COMMAND'] ?? 'ssh -o BatchMode=yes',
    // Messages in English, so the reasons quoted to the user are git's usual words whatever the OS locale.
    LC_ALL: 'C',
  };
}

export function gitFailed(args: string[], stderr: string, code: number): AppError {
  const reason = stderr.trim().split('\n').slice(-6).join('\n');
  return new AppError('GIT_FAILED', msg('git.failed', { command: `git ${args[0] ?? ''}`, reason }), { args, code, reason });
}
