// Imports into a git-bound library (real git daemon on 127.0.0.1): files and
// folders imported while it is active are written into the working copy and
// committed, so the teammates get them by pulling; the cache only mirrors the
// commit. An import that would overwrite another file of the repository is
// refused with the path named, leaving the working copy and the list as they were.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Services } from '../../../main/compose';
import { StackOriginRepo } from '../../../main/library/stack-origin-repo';
import { git } from '../../support/git-server';
import { call, useGitTeam } from '../support/git-team';

const SERVER_YAML = 'heat_template_version: 2018-08-31\ndescription: web server\nresources:\n  rand: {type: OS::Heat::RandomString}\n';
const DB_YAML = 'heat_template_version: 2018-08-31\ndescription: database # kept as written\nresources:\n  disk:\n    type: disk.yaml\n';
const DISK_YAML = 'heat_template_version: 2018-08-31\nresources:\n  v: {type: OS::Cinder::Volume, properties: {size: 2}}\n';

const APP_YAML = 'heat_template_version: 2018-08-31\ndescription: app tier\nresources:\n  net:\n    type: ../common/net.yaml\n';
const NET_YAML = 'heat_template_version: 2018-08-31\nresources:\n  n: {type: OS::Neutron::Net}\n';

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
  });

  it('a rename into another folder moves the entry with its nested file in one commit; history and deployed stacks follow', async () => {
    const alice = await member(
      team.server.seed('move', { 'db/database.yaml': DB_YAML, 'db/disk.yaml': DISK_YAML, 'web/app.yaml': APP_YAML, 'common/net.yaml': NET_YAML }),
    );
    const db = (await call(alice.studio, 'library.list', { search: 'database' }))[0]!;
    const origins = new StackOriginRepo(alice.studio.db);
    const deployed = { profileId: 'p1', stackId: 's1', stackName: 'db-stack', templateName: db.name, templateVersion: 1, deployedAt: new Date().toISOString() };
    origins.save({ ...deployed, templateId: db.id });

    const moved = await call(alice.studio, 'library.update', { id: db.id, name: 'storage/database.yaml' });
    expect(moved.name).toBe('storage/database.yaml');
    expect(git(alice.workdir, 'status', '--porcelain')).toBe('');
    expect(git(alice.workdir, 'rev-list', '--count', 'HEAD')).toBe('2\n'); // the seed, then one commit for the whole move
    expect(git(alice.workdir, 'show', '--name-status', '--format=', '-M', 'HEAD').trim().split('\n').sort()).toEqual([
      'R100\tdb/database.yaml\tstorage/database.yaml',
      'R100\tdb/disk.yaml\tstorage/disk.yaml',
    ]);
    const details = await call(alice.studio, 'library.get', { id: moved.id });
    expect(details.versions).toHaveLength(2);
    expect(details.latest.files).toEqual({ 'storage/disk.yaml': DISK_YAML });
    expect((await call(alice.studio, 'library.getVersion', { id: moved.id, number: 1 })).files).toEqual({ 'db/disk.yaml': DISK_YAML });
    // The stack deployed from the template points at it under its new id and name; nothing points at the old id.
    expect(origins.listForTemplate(moved.id)).toEqual([{ ...deployed, templateId: moved.id, templateName: 'storage/database.yaml' }]);
    expect(origins.listForTemplate(db.id)).toEqual([]);

    // web/app.yaml reaches ../common/net.yaml: two folders deep it would reach teams/common/net.yaml, so that is refused.
    const app = (await call(alice.studio, 'library.list', { search: 'app tier' }))[0]!;
    const head = git(alice.workdir, 'rev-parse', 'HEAD');
    const refused = await alice.studio.dispatcher.dispatch('library.update', { id: app.id, name: 'teams/prod/app.yaml' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('common/net.yaml');
    expect(git(alice.workdir, 'rev-parse', 'HEAD')).toBe(head);
    expect(await names(alice.studio)).toEqual(['storage/database.yaml', 'web/app.yaml']);
    // One folder over, the same ../common/net.yaml still reaches it: allowed, and the shared file stays where it is.
    expect((await call(alice.studio, 'library.update', { id: app.id, name: 'api/app.yaml' })).name).toBe('api/app.yaml');
    expect(readFileSync(join(alice.workdir, 'common/net.yaml'), 'utf8')).toBe(NET_YAML);
  });
});
