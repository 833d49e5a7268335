// A real git server on 127.0.0.1 for the git-library tests: Debian's
// `git daemon` serving bare repositories from a temp folder, pushes allowed.
// Also a global git config with an identity, so commits work on a machine
// whose user never set one (each clone then sets its own author).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface GitServer {
  base: string;
  port: number;
  url(repo: string): string;
  /** A bare repository `<name>.git` holding `files` in one commit on main. */
  seed(name: string, files: Record<string, string>): string;
  /** A pre-receive hook that refuses every push with `message`. */
  refuseWith(name: string, message: string): void;
  stop(): void;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
}

/** Points this process's git at a private global config with an identity (restored by the returned function). */
export function useTestGitIdentity(dir: string): () => void {
  const file = join(dir, 'gitconfig');
  writeFileSync(file, '[user]\n\tname = Studio Test\n\temail = test@example.invalid\n[init]\n\tdefaultBranch = main\n');
  const before = process.env['GIT_CONFIG_GLOBAL'];
  process.env['GIT_CONFIG_GLOBAL'] = file;
  return () => {
    if (before === undefined) delete process.env['GIT_CONFIG_GLOBAL'];
    else process.env['GIT_CONFIG_GLOBAL'] = before;
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startGitServer(): Promise<GitServer> {
  const base = mkdtempSync(join(tmpdir(), 'hs-git-server-'));
  const port = await freePort();
  const daemon: ChildProcess = spawn(
    'git',
    ['daemon', '--listen=127.0.0.1', `--port=${port}`, `--base-path=${base}`, '--export-all', '--enable=receive-pack', '--reuseaddr', base],
    { stdio: 'ignore' },
  );
  const url = (repo: string): string => `git://127.0.0.1:${port}/${repo}`;
  const server: GitServer = {
    base,
    port,
    url,
    seed(name, files) {
      const bare = join(base, `${name}.git`);
      git(base, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
      const work = mkdtempSync(join(tmpdir(), 'hs-git-seed-'));
      git(work, 'init', '--quiet', '--initial-branch=main');
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(work, path)), { recursive: true });
        writeFileSync(join(work, path), text);
      }
      git(work, 'add', '.');
      git(work, '-c', 'user.name=Seeder', '-c', 'user.email=seed@example.invalid', 'commit', '--quiet', '-m', 'Seed the team templates');
      git(work, 'push', '--quiet', bare, 'main');
      rmSync(work, { recursive: true, force: true });
      return url(`${name}.git`);
    },
    refuseWith(name, message) {
      const hook = join(base, `${name}.git`, 'hooks', 'pre-receive');
      writeFileSync(hook, `#!/bin/sh\necho ${JSON.stringify(message)} >&2\nexit 1\n`, { mode: 0o755 });
    },
    stop() {
      daemon.kill();
      rmSync(base, { recursive: true, force: true });
    },
  };
  // Ready when it answers a ls-remote (of a repository that does not exist yet: the refusal proves it listens).
  const started = Date.now();
  for (;;) {
    try {
      execFileSync('git', ['ls-remote', url('probe.git')], { stdio: 'pipe', timeout: 5000 });
      break;
    } catch (err) {
      const text = String((err as { stderr?: Buffer }).stderr ?? '');
      if (/not exported|does not appear|access denied|repository/i.test(text) && !/Connection refused/i.test(text)) break;
      if (Date.now() - started > 15_000) throw new Error(`git daemon did not start on port ${port}: ${text}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return server;
}
