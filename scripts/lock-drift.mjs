// `.ci/run`'s guard for package-lock.json when `npm ci` refuses it.
//
// Why: this registry has listed some packages' other-platform optional builds
// (rollup's @rollup/rollup-<os>-<cpu>) at times without versions and at times
// with them, so a lock written on one day can be refused by `npm ci` on
// another ("Missing: @rollup/rollup-android-arm-eabi@4.68.7 from lock file").
// `npm install` with the same lock then adds or drops those entries. That
// change is harmless: nothing of it is installed on this platform. Any other
// change is not, so two checks decide:
//   1. compareLocks(committed, rewritten, platform): the rewritten lock may
//      differ from the committed one only by whole entries that are marked
//      `optional` and whose os/cpu/libc exclude this platform;
//   2. checkInstalled(committed, installed): every package npm actually put in
//      node_modules (its hidden lock, node_modules/.package-lock.json) has the
//      version, and where both name one the integrity, the committed lock names.
// So CI never passes with a dependency version the lock does not name.
//
// CLI: node scripts/lock-drift.mjs COMMITTED_LOCK REWRITTEN_LOCK [INSTALLED_LOCK]
// prints what it accepted and exits 0, or prints each refusal and exits 1.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The platform npm installs for: process.platform / process.arch, libc on Linux. */
export function currentPlatform() {
  let libc = null;
  if (process.platform === 'linux') {
    const report = process.report?.getReport?.();
    libc = report?.header?.glibcVersionRuntime ? 'glibc' : 'musl';
  }
  return { os: process.platform, cpu: process.arch, libc };
}

/** npm's own reading of os/cpu/libc lists: names allowed, "!name" excluded. */
function listAllows(list, value) {
  if (!Array.isArray(list) || list.length === 0 || value == null) return true;
  const allowed = list.filter((v) => !v.startsWith('!'));
  if (list.includes(`!${value}`)) return false;
  return allowed.length === 0 || allowed.includes(value);
}

/** True when npm would never install this lock entry on `platform`. */
export function isOtherPlatformOptional(entry, platform) {
  if (!entry || entry.optional !== true) return false;
  return !(listAllows(entry.os, platform.os) && listAllows(entry.cpu, platform.cpu) && listAllows(entry.libc, platform.libc));
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Compares two package-lock.json objects.
 * @returns {{ accepted: boolean, notes: string[], problems: string[] }}
 */
export function compareLocks(committed, rewritten, platform = currentPlatform()) {
  const notes = [];
  const problems = [];
  for (const field of new Set([...Object.keys(committed), ...Object.keys(rewritten)])) {
    if (field !== 'packages' && !same(committed[field], rewritten[field])) problems.push(`top-level field "${field}" changed`);
  }
  const before = committed.packages ?? {};
  const after = rewritten.packages ?? {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[key];
    const now = after[key];
    if (was && now) {
      if (!same(was, now)) problems.push(`${key || '(root)'} changed (${was.version ?? '?'} -> ${now.version ?? '?'})`);
    } else if (now) {
      if (isOtherPlatformOptional(now, platform)) notes.push(`added other-platform optional ${key}@${now.version ?? '(no version)'}`);
      else problems.push(`${key}@${now.version ?? '?'} added, and it is not an other-platform optional build`);
    } else if (isOtherPlatformOptional(was, platform)) {
      notes.push(`dropped other-platform optional ${key}@${was.version ?? '(no version)'}`);
    } else {
      problems.push(`${key}@${was.version ?? '?'} removed, and it is not an other-platform optional build`);
    }
  }
  return { accepted: problems.length === 0, notes, problems };
}

/**
 * Checks what npm installed (node_modules/.package-lock.json) against the committed lock.
 * @returns {{ accepted: boolean, checked: number, problems: string[] }}
 */
export function checkInstalled(committed, installed) {
  const locked = committed.packages ?? {};
  const problems = [];
  let checked = 0;
  for (const [key, got] of Object.entries(installed.packages ?? {})) {
    if (key === '') continue;
    checked += 1;
    const want = locked[key];
    if (!want) problems.push(`${key}@${got.version} is installed but not in the committed lock`);
    else if (want.version !== got.version) problems.push(`${key} is ${got.version}, the lock names ${want.version}`);
    else if (want.integrity && got.integrity && want.integrity !== got.integrity) problems.push(`${key}@${got.version} has another integrity than the lock's`);
  }
  return { accepted: problems.length === 0, checked, problems };
}

function main([committedPath, rewrittenPath, installedPath]) {
  if (!committedPath || !rewrittenPath) {
    console.error('usage: node scripts/lock-drift.mjs COMMITTED_LOCK REWRITTEN_LOCK [INSTALLED_LOCK]');
    return 2;
  }
  const read = (p) => JSON.parse(readFileSync(p, 'utf8'));
  const committed = read(committedPath);
  const drift = compareLocks(committed, read(rewrittenPath));
  for (const note of drift.notes) console.log(`lock-drift: accepted: ${note}`);
  for (const problem of drift.problems) console.error(`lock-drift: REFUSED: ${problem}`);
  let ok = drift.accepted;
  if (installedPath) {
    const installed = checkInstalled(committed, read(installedPath));
    for (const problem of installed.problems) console.error(`lock-drift: REFUSED: ${problem}`);
    if (installed.accepted) console.log(`lock-drift: ${installed.checked} installed packages, each at the committed lock's version`);
    ok = ok && installed.accepted;
  }
  console.log(ok ? 'lock-drift: the lock changed only by other-platform optional entries' : 'lock-drift: the lock changed in a way CI does not accept');
  return ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main(process.argv.slice(2)));
