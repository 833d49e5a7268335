// .ci/run's guard for a lock that `npm ci` refused (scripts/lock-drift.mjs):
// other-platform optional entries may come and go, nothing else may change,
// and what gets installed is what the committed lock names.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error: a plain .mjs script with no type declarations
import { checkInstalled, compareLocks, isOtherPlatformOptional } from '../../../scripts/lock-drift.mjs';

const linuxX64 = { os: 'linux', cpu: 'x64', libc: 'glibc' };
const committed = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const clone = () => JSON.parse(JSON.stringify(committed));
const androidBuild = {
  version: '4.68.7',
  integrity: 'sha512-x',
  cpu: ['arm'],
  dev: true,
  license: 'MIT',
  optional: true,
  os: ['android'],
};

describe('lock drift', () => {
  it('accepts the committed lock as it is', () => {
    expect(compareLocks(committed, clone(), linuxX64)).toEqual({ accepted: true, notes: [], problems: [] });
  });

  it('accepts a lock that only adds or drops other-platform optional builds, and says so', () => {
    const grown = clone();
    grown.packages['node_modules/@rollup/rollup-android-arm-eabi-test'] = androidBuild;
    const added = compareLocks(committed, grown, linuxX64);
    expect(added.accepted).toBe(true);
    expect(added.notes).toEqual(['added other-platform optional node_modules/@rollup/rollup-android-arm-eabi-test@4.68.7']);
    const dropped = compareLocks(grown, committed, linuxX64);
    expect(dropped.accepted).toBe(true);
    expect(dropped.notes[0]).toMatch(/^dropped other-platform optional/);
  });

  it('refuses a lock that changes an installed version', () => {
    const bumped = clone();
    bumped.packages['node_modules/yaml'] = { ...bumped.packages['node_modules/yaml'], version: '2.0.0' };
    const verdict = compareLocks(committed, bumped, linuxX64);
    expect(verdict.accepted).toBe(false);
    expect(verdict.problems).toEqual([expect.stringContaining('node_modules/yaml changed')]);
  });

  it('refuses an added optional build for this very platform, and an added or removed plain package', () => {
    const thisPlatform = clone();
    thisPlatform.packages['node_modules/@rollup/rollup-linux-x64-test'] = { ...androidBuild, os: ['linux'], cpu: ['x64'] };
    expect(compareLocks(committed, thisPlatform, linuxX64).accepted).toBe(false);
    const extra = clone();
    extra.packages['node_modules/left-pad'] = { version: '1.3.0' };
    expect(compareLocks(committed, extra, linuxX64).accepted).toBe(false);
    const fewer = clone();
    delete fewer.packages['node_modules/yaml'];
    expect(compareLocks(committed, fewer, linuxX64).problems).toEqual([expect.stringContaining('node_modules/yaml@')]);
  });

  it('refuses a change outside packages (the root package, lockfileVersion)', () => {
    const other = clone();
    other.lockfileVersion = 2;
    expect(compareLocks(committed, other, linuxX64).accepted).toBe(false);
  });

  it('reads os/cpu/libc lists as npm does (negations, musl builds on glibc)', () => {
    expect(isOtherPlatformOptional({ optional: true, os: ['!win32'] }, linuxX64)).toBe(false);
    expect(isOtherPlatformOptional({ optional: true, os: ['!linux'] }, linuxX64)).toBe(true);
    expect(isOtherPlatformOptional({ optional: true, os: ['linux'], cpu: ['x64'], libc: ['musl'] }, linuxX64)).toBe(true);
    expect(isOtherPlatformOptional({ os: ['android'] }, linuxX64)).toBe(false); // not optional: npm would fail, not skip
  });

  it('refuses an installed package at a version or integrity the lock does not name', () => {
    const installed = { packages: { 'node_modules/yaml': committed.packages['node_modules/yaml'] } };
    expect(checkInstalled(committed, installed)).toEqual({ accepted: true, checked: 1, problems: [] });
    const wrong = { packages: { 'node_modules/yaml': { ...committed.packages['node_modules/yaml'], version: '2.0.0' } } };
    expect(checkInstalled(committed, wrong).problems).toEqual([expect.stringContaining('node_modules/yaml is 2.0.0')]);
    const tampered = { packages: { 'node_modules/yaml': { ...committed.packages['node_modules/yaml'], integrity: 'sha512-other' } } };
    expect(checkInstalled(committed, tampered).accepted).toBe(false);
    const stranger = { packages: { 'node_modules/left-pad': { version: '1.3.0' } } };
    expect(checkInstalled(committed, stranger).problems).toEqual([expect.stringContaining('not in the committed lock')]);
  });
});
