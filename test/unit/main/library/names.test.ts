// Names with control characters (NUL first of all) are refused wherever they
// come from: the service (past the IPC schema), a bundle's sidecar, a merged
// library file (which must also keep the 255-character limit). After each
// refusal the library is intact and unchanged.
import { describe, expect, it } from 'vitest';
import { ExportService } from '../../../../main/files/export-service';
import { ImportService } from '../../../../main/files/import-service';
import { exportDatabase, mergeLibrary } from '../../../../main/library/library-transfer';
import { libraryChannels } from '../../../../shared/ipc/library.contract';
import { validateStackSetName } from '../../../../shared/stacksets/stack-set';
import { integrityCheck, librarySnapshot } from '../../../support/library-state';
import { makeLibrary } from '../../../support/library';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const YAML = 'heat_template_version: 2018-08-31\nresources: {}\n';
const yaml = { kind: 'yaml' as const, yaml: YAML };

function expectUnchanged(lib: ReturnType<typeof makeLibrary>, refuse: () => unknown, code: string, message: RegExp) {
  const before = librarySnapshot(lib.db);
  expect(refuse).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  expect(integrityCheck(lib.db)).toBe('ok');
  expect(librarySnapshot(lib.db)).toEqual(before);
}

describe('names refuse control characters', () => {
  it.each(['a\u0000b', 'line\nbreak', 'esc\u001b[31m', 'del\u007f'])('the library service refuses the template name %j', (name) => {
    const lib = makeLibrary(tempDir());
    expectUnchanged(lib, () => lib.library.create({ name, description: '', tags: [], from: yaml }), 'BAD_REQUEST', /control characters/);
    const t = lib.library.create({ name: 'fine', description: '', tags: [], from: yaml });
    expectUnchanged(lib, () => lib.library.update(t.id, { name }), 'BAD_REQUEST', /control characters/);
    expectUnchanged(lib, () => lib.library.update(t.id, { tags: ['ok', name] }), 'BAD_REQUEST', /A tag cannot contain control characters/);
  });

  it('the IPC schema refuses them too, with a clear message', () => {
    const r = libraryChannels['library.create'].request.safeParse({ name: 'a\u0000b', from: { kind: 'blank' } });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('control characters');
  });

  it('a bundle whose sidecar names the template with a NUL is refused as a whole', () => {
    const lib = makeLibrary(tempDir());
    const t = lib.library.create({ name: 'src', description: '', tags: [], from: yaml });
    const zip = Buffer.from(new ExportService(lib.library).exportBundle(t.id).base64!, 'base64');
    // Rename in the database after the fact, so the bundle carries the bad name exactly as a forger would write it.
    lib.db.prepare('UPDATE templates SET name = ? WHERE id = ?').run('a\u0000b', t.id);
    const forged = Buffer.from(new ExportService(lib.library).exportBundle(t.id).base64!, 'base64');
    expect(forged.equals(zip)).toBe(false);
    expectUnchanged(lib, () => new ImportService(lib.library).importZip(new Uint8Array(forged), 'forged.zip'), 'BAD_REQUEST', /control characters/);
  });

  it('stack set names already refuse them', () => {
    expect(validateStackSetName('a\u0000b')).toMatchObject({ ok: false });
  });
});

describe('merging a library file keeps the rules for names', () => {
  it.each([
    ['a 1 MB template name', 'x'.repeat(1_000_000), /at most 255/],
    ['a NUL in a template name', 'a\u0000b', /control characters/],
  ])('refuses %s, merging nothing', (_what, badName, message) => {
    const other = makeLibrary(tempDir());
    other.library.create({ name: 'good', description: '', tags: [], from: yaml });
    const bad = other.library.create({ name: 'bad', description: '', tags: [], from: yaml });
    other.db.prepare('UPDATE templates SET name = ? WHERE id = ?').run(badName, bad.id);
    const bytes = exportDatabase(other.db);
    const here = makeLibrary(tempDir());
    expectUnchanged(here, () => mergeLibrary(here.db, bytes, 'other.sqlite', (id) => here.library.reindex(id)), 'IMPORT_FAILED', message);
  });

  it('refuses a tag with a control character', () => {
    const other = makeLibrary(tempDir());
    const t = other.library.create({ name: 'tagged', description: '', tags: ['ok'], from: yaml });
    other.db.prepare('INSERT INTO template_tags (template_id, tag) VALUES (?, ?)').run(t.id, 'bad\u0000tag');
    const here = makeLibrary(tempDir());
    expectUnchanged(
      here,
      () => mergeLibrary(here.db, exportDatabase(other.db), 'other.sqlite', (id) => here.library.reindex(id)),
      'IMPORT_FAILED',
      /A tag cannot contain control characters/,
    );
  });
});
