// A repository's history read in two git processes, however many templates
// it holds: one `git log` lists every commit with the files it touched, one
// `git cat-file --batch` reads every file version needed. (A log and a show
// per template would be thousands of processes on a large repository.)
import type { Git } from './git-command';
import { noPause, type Pause } from './time-slices';

export interface CommitInfo {
  hash: string;
  author: string;
  email: string;
  /** ISO 8601, the author's date. */
  date: string;
  message: string;
  files: string[];
}

const FIELD = '\x1f';
const RECORD = '\x1e';

/** Every commit reachable from HEAD, oldest first, with the files each changed (a merge: only what it changed itself). */
export async function readLog(git: Git, cwd: string, pause: Pause = noPause): Promise<CommitInfo[]> {
  const head = await git.run(['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd, okCodes: [1, 128] });
  if (head.code !== 0) return []; // an empty repository: no commit yet
  const out = await git.run(
    [
      '-c',
      'core.quotepath=off',
      'log',
      '--reverse',
      '--topo-order',
      '--cc',
      '--name-only',
      `--format=${RECORD}%H${FIELD}%an${FIELD}%ae${FIELD}%aI${FIELD}%B${FIELD}`,
      'HEAD',
    ],
    { cwd },
  );
  const commits: CommitInfo[] = [];
  for (const record of out.stdout.split(RECORD)) {
    if (!record.trim()) continue;
    const [hash = '', author = '', email = '', date = '', message = '', names = ''] = record.split(FIELD);
    const files = names
      .split('\n')
      .map((n) => n.trim())
      .filter(Boolean);
    commits.push({ hash, author, email, date: new Date(date).toISOString(), message: message.trim(), files });
    await pause(); // 10,000 commits are tens of milliseconds of parsing
  }
  return commits;
}

/** The text of each `commit:path` (null where the path did not exist at that commit). */
export async function readBlobs(git: Git, cwd: string, specs: string[], pause: Pause = noPause): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  if (specs.length === 0) return result;
  const out = await git.run(['cat-file', '--batch'], { cwd, input: specs.map((s) => `${s}\n`).join('') });
  const raw = out.raw;
  let at = 0;
  for (const spec of specs) {
    const eol = raw.indexOf(0x0a, at);
    const header = raw.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      result.set(spec, null); // "<spec> missing" (or ambiguous)
      continue;
    }
    const size = Number(m[2]);
    result.set(spec, m[1] === 'blob' ? raw.subarray(at, at + size).toString('utf8') : null);
    at += size + 1;
    await pause();
  }
  return result;
}
