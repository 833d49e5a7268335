// Imports into a git-bound library (real git daemon on 127.0.0.1): files and
// folders imported while it is active are written into the working copy and
// committed, so the teammates get them by pulling; the cache only mirrors the
// commit. An import that would overwrite another file of the repository is
// refused with the path named, leaving the working copy and the list as they were.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Services } from '../../../main/compose';
import { git } from '../../support/git-server';
import { call, useGitTeam } from '../support/git-team';

const SERVER_YAML = 'heat_template_version: 2018-08-31\ndescription: web server\nresources:\n  rand: {type: OS::Heat::RandomString}\n';
const DB_YAML = 'heat_template_version: 2018-08-31\ndescription: database # kept as written\nresources:\n  disk:\n    type: disk.yaml\n';
const DISK_YAML = 'heat_template_version: 2018-08-31\nresources:\n  v: {type: OS::Cinder::Volume, properties: {size: 2}}\n';

const team = useGitTeam('hs-git-imp-');

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const names = async (s: Services) => (await call(s, 'library.list', { search: '', sort: 'name', limit: 100 })).map((t) => t.name);

const member = (url: string) => team.member(url);

describe('importing into a git-bound library', () => {
  it('commits an imported folder into the working copy; the teammate pulls it', async () => {
    const url = team.server.seed('imports', { 'web/server.yaml': SERVER_YAML });
    const alice = await member(url);
    const bob = await member(url);
    const imported = await call(alice.studio, 'files.importFiles', {
      files: [
        { path: 'db/database.yaml', base64: base64(DB_YAML) },
        { path: 'db/disk.yaml', base64: base64(DISK_YAML) },
      ],
    });
    // One template (the disk is the database's nested file), with the id every clone gives that path.
    expect(imported.templates.map((t) => t.name)).toEqual(['db/database.yaml']);
    expect(imported.templates[0]!.id).toMatch(/^git-/);
    expect(await names(alice.studio)).toEqual(['db/database.yaml', 'web/server.yaml']);
    expect(readFileSync(join(alice.workdir, 'db/database.yaml'), 'utf8')).toBe(DB_YAML);
    expect(git(alice.workdir, 'status', '--porcelain')).toBe('');
    expect(git(alice.workdir, 'show', '--name-only', '--format=%s', 'HEAD').split('\n').filter(Boolean).sort()).toEqual(
      ['.heat-studio/layouts/db/database.yaml.json', 'Import db/database.yaml', 'db/database.yaml', 'db/disk.yaml'].sort(),
    );
    const details = await call(alice.studio, 'library.get', { id: imported.templates[0]!.id });
    expect(details.versions).toHaveLength(1);
    expect(details.latest.files).toEqual({ 'db/disk.yaml': DISK_YAML });

    await call(alice.studio, 'git.push', { libraryId: alice.libraryId });
    expect(await call(bob.studio, 'git.pull', { libraryId: bob.libraryId })).toEqual({ state: 'merged', commits: 1 });
    expect(await names(bob.studio)).toEqual(['db/database.yaml', 'web/server.yaml']);
  });

  it('one file with a chosen entry is committed at its path, with a message naming it', async () => {
    const alice = await member(team.server.seed('single', { 'web/server.yaml': SERVER_YAML }));
    await call(alice.studio, 'files.importFiles', { files: [{ path: 'disk.yaml', base64: base64(DISK_YAML) }], entry: 'disk.yaml' });
    expect(readFileSync(join(alice.workdir, 'disk.yaml'), 'utf8')).toBe(DISK_YAML);
    expect(git(alice.workdir, 'log', '-1', '--format=%s')).toBe('Import disk.yaml\n');
    expect(await names(alice.studio)).toEqual(['disk.yaml', 'web/server.yaml']);
  });

  it('refuses to overwrite another file of the repository, naming it; the working copy and the list stay as they were', async () => {
    const alice = await member(team.server.seed('clash', { 'web/server.yaml': SERVER_YAML }));
    const head = git(alice.workdir, 'rev-parse', 'HEAD');
    const r = await alice.studio.dispatcher.dispatch('files.importFiles', { files: [{ path: 'web/server.yaml', base64: base64(DISK_YAML) }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CONFLICT');
    expect(r.error.message).toContain('web/server.yaml');
    expect(readFileSync(join(alice.workdir, 'web/server.yaml'), 'utf8')).toBe(SERVER_YAML);
    expect(git(alice.workdir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(alice.workdir, 'status', '--porcelain')).toBe('');
    // The dry run left nothing in the cache: no template named after the refused file besides the repository's own.
    expect(await names(alice.studio)).toEqual(['web/server.yaml']);
  });

  it('a rename moves the entry and its layout with git mv, commits, and keeps the history under the new name', async () => {
    const alice = await member(team.server.seed('rename', { 'web/server.yaml': SERVER_YAML }));
    const [web] = await call(alice.studio, 'library.list', { search: '' });
    await call(alice.studio, 'library.saveVersion', { id: web!.id, yaml: `${SERVER_YAML}# two\n`, layout: { rand: { x: 1, y: 2 } } });
    const renamed = await call(alice.studio, 'library.update', { id: web!.id, name: 'web/frontend.yaml', tags: ['web'] });
    expect(renamed.name).toBe('web/frontend.yaml');
    expect(renamed.tags).toEqual(['web']);
    expect(await names(alice.studio)).toEqual(['web/frontend.yaml']);
    expect(git(alice.workdir, 'status', '--porcelain')).toBe('');
    expect(git(alice.workdir, 'log', '-1', '--format=%s')).toBe('Rename web/server.yaml to web/frontend.yaml\n');
    // git sees a rename (R), not a delete and an add, for the entry and its layout sidecar.
    expect(
      git(alice.workdir, 'show', '--name-status', '--format=', '-M', 'HEAD')
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[0])
        .sort(),
    ).toEqual(['R100', 'R100']);
    expect(readFileSync(join(alice.workdir, 'web/frontend.yaml'), 'utf8')).toBe(`${SERVER_YAML}# two\n`);
    const details = await call(alice.studio, 'library.get', { id: renamed.id });
    // The seed, the saved version, the rename: the history came along.
    expect(details.versions).toHaveLength(3);
    expect(details.latest.layout).toEqual({ rand: { x: 1, y: 2 } });
    expect((await call(alice.studio, 'library.getVersion', { id: renamed.id, number: 1 })).yaml).toBe(SERVER_YAML);
    expect((await call(alice.studio, 'library.getVersion', { id: renamed.id, number: 3 })).note).toContain('Rename web/server.yaml');

    const refused = await alice.studio.dispatcher.dispatch('library.update', { id: renamed.id, name: 'elsewhere/frontend.yaml' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('elsewhere/frontend.yaml');
    expect(await names(alice.studio)).toEqual(['web/frontend.yaml']);
  });
});
