import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices, type Services } from '../../../../main/compose';
import type { ChannelName, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const YAML = 'heat_template_version: 2018-08-31\n# kept comment\nresources:\n  r: {type: OS::Heat::RandomString}\n';
const running: Services[] = [];
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const s of running.splice(0)) s.dispose();
  for (const c of cleanups.splice(0)) c();
});

function start(dataDir = tempDir()): Services {
  const s = composeServices({ dataDir, host: 'web', version: 'test' });
  running.push(s);
  return s;
}

async function call<K extends ChannelName>(s: Services, channel: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const r = await s.dispatcher.dispatch(channel, request);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as ResponseOf<K>;
}

async function failure(s: Services, channel: ChannelName, request: unknown): Promise<{ code: string; message: string }> {
  const r = await s.dispatcher.dispatch(channel, request);
  if (r.ok) throw new Error(`${channel} succeeded`);
  return r.error;
}

/** A template with three versions, nested files, layouts and notes. */
async function richTemplate(s: Services, name: string): Promise<string> {
  const t = await call(s, 'library.create', { name, tags: ['team'], from: { kind: 'yaml', yaml: YAML } });
  await call(s, 'library.saveVersion', {
    id: t.id,
    yaml: YAML + '# v2\n',
    layout: { r: { x: 1.5, y: -2 } },
    files: { 'nested/a.yaml': 'heat_template_version: 2018-08-31\n' },
    environment: 'parameters: {}\n',
    note: '第二版',
  });
  await call(s, 'library.saveVersion', {
    id: t.id,
    yaml: YAML + '# v3 ünïcode\n',
    layout: { r: { x: 3, y: 4 } },
    files: { 'nested/a.yaml': 'x: 1\n', 'b.sh': '#!/bin/sh\n' },
    environment: null,
    note: 'third',
  });
  return t.id;
}

function versionRows(db: Database.Database, id: string): unknown[] {
  return db
    .prepare('SELECT number, entry_path, yaml, layout, files, environment, note, created_at FROM template_versions WHERE template_id = ? ORDER BY number')
    .all(id);
}

describe('several libraries side by side', () => {
  it('creates a second library, which becomes the active one, and switches back to the personal one', async () => {
    const s = start();
    const file = join(tempDir(), 'team.sqlite');
    const state = await call(s, 'libraries.create', { path: file, name: '团队' });
    expect(state.open.map((l) => l.name)).toEqual([null, '团队']);
    expect(state.activeId).not.toBe('personal');
    expect(await call(s, 'library.list', {})).toEqual([]); // a new library starts empty
    await call(s, 'library.create', { name: 'only in team', from: { kind: 'yaml', yaml: YAML } });
    const back = await call(s, 'libraries.switch', { id: 'personal' });
    expect(back.activeId).toBe('personal');
    expect((await call(s, 'library.list', {})).map((t) => t.name)).not.toContain('only in team');
  });

  it("remembers open, active and recent libraries across restarts, and keeps a renamed library's name in its file", async () => {
    const dataDir = tempDir();
    const file = join(tempDir(), 'ops.sqlite');
    const first = start(dataDir);
    const created = await call(first, 'libraries.create', { path: file, name: 'ops' });
    await call(first, 'libraries.rename', { id: created.activeId, name: '运维' });
    first.dispose();
    running.splice(0);

    const again = start(dataDir);
    const state = await call(again, 'libraries.state', {});
    expect(state.activeId).toBe(created.activeId);
    expect(state.open.find((l) => l.id === created.activeId)?.name).toBe('运维');
    expect(state.recent.map((r) => r.path)).toEqual([file]);
    const closed = await call(again, 'libraries.close', { id: created.activeId });
    expect(closed.activeId).toBe('personal');
    expect(closed.recent.map((r) => r.name)).toEqual(['运维']);
    // Opened from another studio's data folder, it keeps the name written in the file.
    const other = start();
    const opened = await call(other, 'libraries.open', { path: file });
    expect(opened.open.find((l) => l.path === file)?.name).toBe('运维');
  });

  it('moves a template with every version byte-identical, and copies one as a new template', async () => {
    const s = start();
    const id = await richTemplate(s, 'web tier');
    const before = versionRows(s.db, id);
    const team = await call(s, 'libraries.create', { path: join(tempDir(), 'team.sqlite'), name: 'team' });
    const teamDb = new Database(join(team.open[1]!.path), { readonly: true });
    cleanups.push(() => teamDb.close());

    const moved = await call(s, 'libraries.transfer', { fromId: 'personal', toId: team.activeId, templateIds: [id], mode: 'move' });
    expect(moved.templates).toEqual([{ sourceId: id, id, name: 'web tier', versions: 3 }]);
    expect(versionRows(teamDb, id)).toEqual(before);
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM template_versions WHERE template_id = ?').get(id)).toEqual({ n: 0 });
    const there = await call(s, 'library.get', { id }); // the team library is active
    expect(there.tags).toEqual(['team']);
    expect(await call(s, 'library.list', { search: 'RandomString' })).toHaveLength(1);

    const copied = await call(s, 'libraries.transfer', { fromId: team.activeId, toId: 'personal', templateIds: [id], mode: 'copy' });
    const copy = copied.templates[0]!;
    expect(copy.id).not.toBe(id);
    expect(versionRows(s.db, copy.id)).toEqual(before);
    expect(versionRows(teamDb, id)).toEqual(before); // the source keeps its template
  });

  it('names a copy freely when the target has a template of that name', async () => {
    const s = start();
    const id = await richTemplate(s, 'dup');
    const team = await call(s, 'libraries.create', { path: join(tempDir(), 't.sqlite'), name: 't' });
    await call(s, 'library.create', { name: 'dup', from: { kind: 'blank' } });
    const out = await call(s, 'libraries.transfer', { fromId: 'personal', toId: team.activeId, templateIds: [id], mode: 'copy' });
    expect(out.templates[0]!.name).toBe('dup (2)');
  });

  it('leaves both libraries as they were when a move fails halfway into the target', async () => {
    const s = start();
    const a = await richTemplate(s, 'first');
    const b = await richTemplate(s, 'second');
    const file = join(tempDir(), 'target.sqlite');
    const team = await call(s, 'libraries.create', { path: file, name: 'target' });
    // The target refuses the second template's last version: a real SQLite failure mid-transaction.
    const side = new Database(file);
    side.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON template_versions WHEN NEW.note = 'third' AND (SELECT COUNT(*) FROM template_versions) >= 3 BEGIN SELECT RAISE(ABORT, 'disk says no'); END;`,
    );
    side.close();
    const before = [versionRows(s.db, a), versionRows(s.db, b)];
    const err = await failure(s, 'libraries.transfer', { fromId: 'personal', toId: team.activeId, templateIds: [a, b], mode: 'move' });
    expect(err.message).toContain('disk says no');
    expect([versionRows(s.db, a), versionRows(s.db, b)]).toEqual(before);
    expect(await call(s, 'library.list', {})).toEqual([]); // nothing half-arrived in the target
  });

  it('takes the copies back out of the target when the source cannot delete the moved templates', async () => {
    const s = start();
    const a = await richTemplate(s, 'stuck');
    const before = versionRows(s.db, a);
    const team = await call(s, 'libraries.create', { path: join(tempDir(), 'target.sqlite'), name: 'target' });
    s.db.exec(`CREATE TRIGGER keep BEFORE DELETE ON templates BEGIN SELECT RAISE(ABORT, 'source is stuck'); END;`);
    const err = await failure(s, 'libraries.transfer', { fromId: 'personal', toId: team.activeId, templateIds: [a], mode: 'move' });
    expect(err.message).toContain('source is stuck');
    expect(versionRows(s.db, a)).toEqual(before);
    expect(await call(s, 'library.list', {})).toEqual([]);
  });

  it('searches one library or all, each hit list naming its library', async () => {
    const s = start();
    await call(s, 'library.create', { name: 'personal zebrafish', from: { kind: 'yaml', yaml: YAML } });
    const team = await call(s, 'libraries.create', { path: join(tempDir(), 'team.sqlite'), name: 'team' });
    await call(s, 'library.create', { name: 'team zebrafish', from: { kind: 'yaml', yaml: YAML } });
    const all = await call(s, 'libraries.search', { search: 'zebrafish', scope: 'all' });
    expect(all.map((h) => [h.libraryName, h.templates.map((t) => t.name)])).toEqual([
      [null, ['personal zebrafish']],
      ['team', ['team zebrafish']],
    ]);
    const one = await call(s, 'libraries.search', { search: 'zebrafish', scope: team.activeId });
    expect(one.map((h) => h.libraryId)).toEqual([team.activeId]);
  });

  it('refuses, untouched and with the path in words, a missing path, a file that is not a library, another database and a file taken', async () => {
    const s = start();
    const dir = tempDir();
    expect(await failure(s, 'libraries.open', { path: join(dir, 'nope.sqlite') })).toMatchObject({
      code: 'LIBRARY_UNAVAILABLE',
      message: expect.stringContaining('nope.sqlite: there is no file'),
    });
    const photo = join(dir, 'photo.sqlite');
    writeFileSync(photo, 'not sqlite at all, a photo maybe');
    expect(await failure(s, 'libraries.open', { path: photo })).toMatchObject({
      code: 'LIBRARY_UNAVAILABLE',
      message: expect.stringContaining('not a Heat Studio library'),
    });
    expect(readFileSync(photo, 'utf8')).toBe('not sqlite at all, a photo maybe');
    const foreign = join(dir, 'other-app.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE songs (title TEXT)');
    other.close();
    const bytes = readFileSync(foreign);
    expect(await failure(s, 'libraries.open', { path: foreign })).toMatchObject({
      code: 'LIBRARY_UNAVAILABLE',
      message: expect.stringContaining('no template tables'),
    });
    expect(readFileSync(foreign).equals(bytes)).toBe(true);
    expect(await failure(s, 'libraries.create', { path: photo, name: 'x' })).toMatchObject({ code: 'CONFLICT' });
    expect(await failure(s, 'libraries.create', { path: join(dir, 'no-such-folder', 'x.sqlite'), name: 'x' })).toMatchObject({ code: 'LIBRARY_UNAVAILABLE' });
    expect(await failure(s, 'libraries.open', { path: 'relative.sqlite' })).toMatchObject({
      code: 'LIBRARY_UNAVAILABLE',
      message: expect.stringContaining('full path'),
    });
    expect((await call(s, 'libraries.state', {})).open).toHaveLength(1);
  });

  it('refuses a read-only library file, leaving it as it was', async () => {
    const s = start();
    const file = join(tempDir(), 'ro.sqlite');
    await call(s, 'libraries.create', { path: file, name: 'ro' });
    const state = await call(s, 'libraries.state', {});
    await call(s, 'libraries.close', { id: state.activeId });
    const bytes = readFileSync(file);
    // root ignores file modes; the immutable flag holds for root too.
    if (process.getuid?.() === 0) {
      execFileSync('chattr', ['+i', file]);
      cleanups.push(() => execFileSync('chattr', ['-i', file]));
    } else {
      chmodSync(file, 0o444);
    }
    expect(await failure(s, 'libraries.open', { path: file })).toMatchObject({ code: 'LIBRARY_UNAVAILABLE', message: expect.stringContaining('read-only') });
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a library file another program holds locked', async () => {
    const s = start();
    const file = join(tempDir(), 'locked.sqlite');
    const state = await call(s, 'libraries.create', { path: file, name: 'locked' });
    await call(s, 'libraries.close', { id: state.activeId });
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE; CREATE TABLE hold (x); ');
    cleanups.push(() => holder.close());
    expect(await failure(s, 'libraries.open', { path: file })).toMatchObject({ code: 'LIBRARY_UNAVAILABLE', message: expect.stringContaining('locked') });
  }, 15_000);

  it('moves a damaged library file aside and starts it afresh, as for the personal library', async () => {
    const s = start();
    const file = join(tempDir(), 'broken.sqlite');
    const state = await call(s, 'libraries.create', { path: file, name: 'broken' });
    await call(s, 'libraries.close', { id: state.activeId });
    const bytes = readFileSync(file);
    bytes.fill(0x55, 100, 4096 * 2); // header kept, first pages destroyed
    writeFileSync(file, bytes);
    const opened = await call(s, 'libraries.open', { path: file });
    const info = opened.open.find((l) => l.path === file)!;
    expect(info.recoveredFrom).toMatch(/broken\.sqlite\.corrupt-/);
    expect(readFileSync(info.recoveredFrom!).equals(bytes)).toBe(true);
  });
});
