// Two team members (two studios, two clones) sharing templates through a
// real git server on 127.0.0.1 (git daemon): a saved version pushed by one is
// pulled, with its author and message, by the other; concurrent edits
// conflict and are resolved in the studio; a push the server refuses keeps
// the local commit and says why.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Services } from '../../../main/compose';
import type { ChannelName } from '../../../shared/ipc/contract';
import { git } from '../../support/git-server';
import { call, useGitTeam, type Member } from '../support/git-team';

const SERVER_YAML =
  'heat_template_version: 2018-08-31\ndescription: web server\nresources:\n  data:\n    type: volume.yaml\n  rand: {type: OS::Heat::RandomString}\n';
const VOLUME_YAML = 'heat_template_version: 2018-08-31\nresources:\n  v: {type: OS::Cinder::Volume, properties: {size: 1}}\n';
const NETWORK_YAML = 'heat_template_version: 2018-08-31\ndescription: network\nresources:\n  net: {type: OS::Neutron::Net}  # name here\n';

const team = useGitTeam('hs-git-lib-');

async function failure(s: Services, channel: ChannelName, request: unknown): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  const r = await s.dispatcher.dispatch(channel, request);
  if (r.ok) throw new Error(`${channel} succeeded`);
  return r.error;
}

const member = (author: string, url: string) => team.member(url, author);

async function templateNamed(m: Member, name: string) {
  const [summary] = (await call(m.studio, 'library.list', { search: '', sort: 'name', limit: 100 })).filter((t) => t.name === name);
  if (!summary) throw new Error(`no template ${name}`);
  return call(m.studio, 'library.get', { id: summary.id });
}

async function save(m: Member, name: string, yaml: string, commitMessage: string) {
  const t = await templateNamed(m, name);
  return call(m.studio, 'git.saveVersion', {
    libraryId: m.libraryId,
    id: t.id,
    yaml,
    files: t.latest.files,
    layout: { net: { x: 10, y: 20 } },
    environment: t.latest.environment,
    note: 'note',
    commitMessage,
  });
}

describe('a git-bound template library shared by two members', () => {
  let alice: Member;
  let bob: Member;
  let url: string;

  beforeAll(async () => {
    url = team.server.seed('team', {
      'web/server.yaml': SERVER_YAML,
      'web/volume.yaml': VOLUME_YAML,
      'net/network.yaml': NETWORK_YAML,
      'README.md': '# team\n',
    });
    alice = await member('Alice', url);
    bob = await member('Bob', url);
  });

  it('lists the entries, with nested files grouped under the template that references them', async () => {
    const names = (await call(alice.studio, 'library.list', { search: '', sort: 'name', limit: 100 })).map((t) => t.name);
    expect(names).toEqual(['net/network.yaml', 'web/server.yaml']);
    const web = await templateNamed(alice, 'web/server.yaml');
    expect(web.latest.yaml).toBe(SERVER_YAML);
    expect(web.latest.files).toEqual({ 'web/volume.yaml': VOLUME_YAML });
    expect(web.versions).toHaveLength(1);
    expect(web.versions[0]!.note).toContain('Seed the team templates');
    expect(web.versions[0]!.note).toContain('Seeder');
    // Searching by a nested file's resource type finds its entry.
    expect((await call(alice.studio, 'library.list', { search: 'OS::Cinder::Volume', limit: 10 })).map((t) => t.name)).toEqual(['web/server.yaml']);
  });

  it('saves byte for byte as a commit, pushes, and the other member pulls the version with its author and message', async () => {
    const edited = `${SERVER_YAML}# keep this comment\n`;
    const saved = await save(alice, 'web/server.yaml', edited, 'Explain the server');
    expect(saved.versions).toHaveLength(2);
    expect(readFileSync(join(alice.workdir, 'web/server.yaml'), 'utf8')).toBe(edited);
    expect(JSON.parse(readFileSync(join(alice.workdir, '.heat-studio/layouts/web/server.yaml.json'), 'utf8'))).toEqual({ net: { x: 10, y: 20 } });
    expect(git(alice.workdir, 'log', '-1', '--format=%an|%s')).toBe('Alice|Explain the server\n');
    expect(await call(alice.studio, 'git.push', { libraryId: alice.libraryId })).toEqual({ pushed: 1 });

    expect(await call(bob.studio, 'git.pull', { libraryId: bob.libraryId })).toEqual({ state: 'merged', commits: 1 });
    const web = await templateNamed(bob, 'web/server.yaml');
    expect(web.latest.yaml).toBe(edited);
    expect(web.latest.layout).toEqual({ net: { x: 10, y: 20 } });
    expect(web.versions).toHaveLength(2);
    const newest = web.versions.find((v) => v.number === 2)!;
    expect(newest.note).toContain('Explain the server');
    expect(newest.note).toContain('Alice');
    // The first version is still there to diff and deploy.
    expect((await call(bob.studio, 'library.getVersion', { id: web.id, number: 1 })).yaml).toBe(SERVER_YAML);
  });

  it('a push refused for being behind keeps the local commit; the pull conflicts, is shown per file and resolved in the studio', async () => {
    const aliceText = NETWORK_YAML.replace('# name here', '# alice was here');
    const bobText = NETWORK_YAML.replace('# name here', '# bob was here');
    await save(alice, 'net/network.yaml', aliceText, 'Alice renames');
    await call(alice.studio, 'git.push', { libraryId: alice.libraryId });
    await save(bob, 'net/network.yaml', bobText, 'Bob renames');
    const bobHead = git(bob.workdir, 'rev-parse', 'HEAD');

    const refused = await failure(bob.studio, 'git.push', { libraryId: bob.libraryId });
    expect(refused.code).toBe('GIT_PUSH_REJECTED');
    expect(refused.message).toMatch(/fetch first|non-fast-forward/);
    expect(git(bob.workdir, 'rev-parse', 'HEAD')).toBe(bobHead);

    const pulled = await call(bob.studio, 'git.pull', { libraryId: bob.libraryId });
    expect(pulled.state).toBe('conflict');
    if (pulled.state !== 'conflict') return;
    const network = pulled.conflicts.find((c) => c.path === 'net/network.yaml')!;
    expect(network.ours).toBe(bobText);
    expect(network.theirs).toBe(aliceText);
    expect((await call(bob.studio, 'git.status', { libraryId: bob.libraryId })).merging).toBe(true);
    // Saving or pushing mid-merge is refused, not half done.
    expect((await failure(bob.studio, 'git.push', { libraryId: bob.libraryId })).code).toBe('GIT_CONFLICT');

    const merged = NETWORK_YAML.replace('# name here', '# alice and bob were here');
    const layoutConflicts = pulled.conflicts.filter((c) => c.path !== 'net/network.yaml').map((c) => ({ path: c.path, take: 'theirs' as const }));
    const done = await call(bob.studio, 'git.resolve', {
      libraryId: bob.libraryId,
      resolutions: [{ path: 'net/network.yaml', take: 'edited', text: merged }, ...layoutConflicts],
    });
    expect(done).toEqual({ remaining: [], committed: true });
    expect(readFileSync(join(bob.workdir, 'net/network.yaml'), 'utf8')).toBe(merged);
    expect(git(bob.workdir, 'log', '--format=%s').split('\n')).toContain('Bob renames'); // nothing lost
    expect((await templateNamed(bob, 'net/network.yaml')).latest.yaml).toBe(merged);
    await call(bob.studio, 'git.push', { libraryId: bob.libraryId });

    await call(alice.studio, 'git.pull', { libraryId: alice.libraryId });
    expect((await templateNamed(alice, 'net/network.yaml')).latest.yaml).toBe(merged);
  });

  it('leaving a conflict for git (abort) puts the working copy back as it was', async () => {
    await save(alice, 'web/server.yaml', `${SERVER_YAML}# alice again\n`, 'Alice again');
    await call(alice.studio, 'git.push', { libraryId: alice.libraryId });
    await save(bob, 'web/server.yaml', `${SERVER_YAML}# bob again\n`, 'Bob again');
    const before = git(bob.workdir, 'rev-parse', 'HEAD');
    expect((await call(bob.studio, 'git.pull', { libraryId: bob.libraryId })).state).toBe('conflict');
    await call(bob.studio, 'git.abort', { libraryId: bob.libraryId });
    expect(git(bob.workdir, 'rev-parse', 'HEAD')).toBe(before);
    expect(git(bob.workdir, 'status', '--porcelain')).toBe('');
    expect(readFileSync(join(bob.workdir, 'web/server.yaml'), 'utf8')).toBe(`${SERVER_YAML}# bob again\n`);
    expect((await call(bob.studio, 'git.status', { libraryId: bob.libraryId })).merging).toBe(false);
  });

  it('a push refused by a server hook keeps the commit and quotes the server', async () => {
    team.server.refuseWith('team', 'policy: templates must be reviewed first');
    await call(alice.studio, 'git.pull', { libraryId: alice.libraryId });
    await save(alice, 'net/network.yaml', `${NETWORK_YAML}# under review\n`, 'Needs review');
    const head = git(alice.workdir, 'rev-parse', 'HEAD');
    const refused = await failure(alice.studio, 'git.push', { libraryId: alice.libraryId });
    expect(refused.code).toBe('GIT_PUSH_REJECTED');
    expect(refused.details?.['reason']).toContain('policy: templates must be reviewed first');
    expect(refused.details?.['reason']).toContain('pre-receive hook declined');
    expect(git(alice.workdir, 'rev-parse', 'HEAD')).toBe(head);
    expect((await call(alice.studio, 'git.status', { libraryId: alice.libraryId })).ahead).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(alice.workdir, '.git'))).toBe(true);
  });
  it('the ordinary save (library.saveVersion) of the active git library commits, with the edited message', async () => {
    await call(alice.studio, 'libraries.switch', { id: alice.libraryId });
    const t = await templateNamed(alice, 'web/server.yaml');
    const yaml = `${t.latest.yaml}# saved from the editor\n`;
    const saved = await call(alice.studio, 'library.saveVersion', {
      id: t.id,
      yaml,
      files: t.latest.files,
      layout: {},
      environment: null,
      note: 'editor note',
      commitMessage: 'From the editor',
    });
    expect(git(alice.workdir, 'log', '-1', '--format=%s')).toBe('From the editor\n');
    expect(readFileSync(join(alice.workdir, 'web/server.yaml'), 'utf8')).toBe(yaml);
    expect(saved.versions.find((v) => v.number === saved.latestVersion)!.note).toContain('From the editor');
  });
});
