import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../../main/library/database';
import { EventBus } from '../../../../main/events/event-bus';
import { LibraryService } from '../../../../main/library/library-service';
import { TemplateRepo } from '../../../../main/library/template-repo';
import { hotChecker } from '../../../../shared/library/offline-status';
import { RECOMMENDED_TEMPLATES } from '../../../../shared/library/recommended';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

function makeLibrary() {
  const { db } = openDatabase(join(tempDir(), 'library.sqlite'));
  const events = new EventBus();
  const seen: string[] = [];
  events.subscribe((e) => seen.push(e.type));
  const library = new LibraryService(new TemplateRepo(db), hotChecker, events);
  library.seedRecommended();
  return { library, db, seen };
}

const VALID = 'heat_template_version: 2018-08-31\n# a comment kept as written\nresources:\n  r: {type: OS::Heat::None}\n';

describe('LibraryService', () => {
  it('seeds the recommended templates once, as read-only system templates', () => {
    const { library } = makeLibrary();
    expect(library.seedRecommended()).toBe(0);
    const system = library.list({}).filter((t) => t.origin === 'system');
    expect(system.map((t) => t.systemKey).sort()).toEqual(RECOMMENDED_TEMPLATES.map((r) => r.systemKey).sort());
    expect(system.every((t) => t.status === 'usable')).toBe(true);
    expect(() => library.update(system[0]!.id, { name: 'x' })).toThrow(expect.objectContaining({ code: 'READ_ONLY' }));
    expect(() => library.delete(system[0]!.id)).toThrow(expect.objectContaining({ code: 'READ_ONLY' }));
  });

  it('copies a recommended template and leaves the original unchanged', () => {
    const { library } = makeLibrary();
    const original = library.list({}).find((t) => t.systemKey === 'shared-network-server')!;
    const copy = library.create({ name: 'mine', description: '', tags: [], from: { kind: 'template', templateId: original.id } });
    expect(copy.origin).toBe('user');
    expect(copy.latest.yaml).toBe(library.get(original.id).latest.yaml);
    library.saveVersion({ id: copy.id, yaml: VALID, layout: {}, files: {}, environment: null, note: 'edit' });
    expect(library.get(original.id).latest.yaml).toBe(RECOMMENDED_TEMPLATES.find((r) => r.systemKey === 'shared-network-server')!.yaml);
    expect(library.get(original.id).versions).toHaveLength(1);
  });

  it('an import without a description of its own takes the template’s description: (issue 15, bug 6)', () => {
    const { library } = makeLibrary();
    const yaml = 'heat_template_version: 2018-08-31\ndescription: >\n  A web server\n  behind a load balancer.\nresources: {}\n';
    const imported = library.create({
      name: 'imported',
      description: '',
      tags: [],
      from: { kind: 'files', entryPath: 'web.yaml', yaml, files: {}, environment: null },
    });
    expect(imported.description).toBe('A web server behind a load balancer.');
    expect(library.create({ name: 'pasted', description: '', tags: [], from: { kind: 'yaml', yaml } }).description).toBe(
      'A web server behind a load balancer.',
    );
    // The one the person typed wins; a CFN template's Description is read too; none stays empty.
    expect(library.create({ name: 'typed', description: 'mine', tags: [], from: { kind: 'yaml', yaml } }).description).toBe('mine');
    expect(
      library.create({
        name: 'cfn',
        description: '',
        tags: [],
        from: { kind: 'yaml', yaml: 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: A CFN stack\nResources: {}\n' },
      }).description,
    ).toBe('A CFN stack');
    expect(library.create({ name: 'none', description: '', tags: [], from: { kind: 'yaml', yaml: VALID } }).description).toBe('');
    expect(library.get(imported.id).latest.yaml).toBe(yaml);
  });

  it('keeps every saved version with its YAML bytes and layout, and computes status on save', () => {
    const { library } = makeLibrary();
    const t = library.create({ name: 'blank', description: '', tags: [], from: { kind: 'blank' } });
    expect(t.status).toBe('needs_editing');
    expect(t.statusReason).toMatch(/no resources/);
    const saved = library.saveVersion({ id: t.id, yaml: VALID, layout: { r: { x: 10, y: 20 } }, files: {}, environment: null, note: 'first real' });
    expect(saved.status).toBe('usable');
    expect(saved.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(library.getVersion(t.id, 2)).toMatchObject({ yaml: VALID, layout: { r: { x: 10, y: 20 } }, note: 'first real' });
    const broken = library.saveVersion({ id: t.id, yaml: 'resources: [\n', layout: {}, files: {}, environment: null, note: '' });
    expect(broken.status).toBe('needs_editing');
    expect(broken.statusReason).toMatch(/line \d+, column \d+/);
  });

  it('renames, tags (trimmed, de-duplicated) and finds by name, description or tag', () => {
    const { library } = makeLibrary();
    const t = library.create({ name: 'alpha', description: 'web tier', tags: [], from: { kind: 'yaml', yaml: VALID } });
    library.update(t.id, { name: 'beta', tags: [' prod ', 'prod', 'eu'] });
    expect(library.get(t.id)).toMatchObject({ name: 'beta', tags: ['eu', 'prod'] });
    expect(library.list({ search: 'bet' }).map((x) => x.name)).toEqual(['beta']);
    expect(library.list({ search: 'web tier' }).map((x) => x.name)).toEqual(['beta']);
    expect(library.list({ search: 'prod' }).map((x) => x.name)).toEqual(['beta']);
    expect(library.list({ tag: 'eu' }).map((x) => x.name)).toEqual(['beta']);
    expect(library.list({ search: '%' })).toEqual([]); // wildcards are literal
  });

  it('searches resource types and YAML text with full-text search, and filters by type, status and sort', () => {
    const { library } = makeLibrary();
    const volume = 'heat_template_version: 2018-08-31\nresources:\n  data: {type: OS::Cinder::Volume, properties: {size: 10}}\n';
    library.create({ name: '数据卷模板', description: '', tags: [], from: { kind: 'yaml', yaml: volume } });
    library.create({ name: 'aardvark', description: '', tags: [], from: { kind: 'blank' } });
    expect(library.list({ search: 'Cinder::Vol' }).map((x) => x.name)).toEqual(['数据卷模板']);
    expect(library.list({ search: '数据卷' }).map((x) => x.name)).toEqual(['数据卷模板']);
    expect(library.list({ search: 'size: 10' }).map((x) => x.name)).toEqual(['数据卷模板']);
    expect(library.list({ search: '"; DROP' })).toEqual([]); // FTS syntax is never interpreted
    expect(library.list({ resourceType: 'OS::Cinder::Volume' }).map((x) => x.name)).toEqual(['数据卷模板']);
    expect(library.list({ status: 'needs_editing' }).map((x) => x.name)).toEqual(['aardvark']);
    expect(
      library
        .list({ sort: 'name' })
        .filter((x) => x.origin === 'user')
        .map((x) => x.name),
    ).toEqual(['aardvark', '数据卷模板']);
    expect(library.resourceTypes()).toContain('OS::Cinder::Volume');
  });

  it("refuses a template over Heat's 512 KiB limit and stores nothing", () => {
    const { library } = makeLibrary();
    const before = library.list({}).length;
    const huge = `heat_template_version: 2018-08-31\ndescription: "${'x'.repeat(600_000)}"\nresources: {}\n`;
    expect(() => library.create({ name: 'huge', description: '', tags: [], from: { kind: 'yaml', yaml: huge } })).toThrow(
      expect.objectContaining({ code: 'FILE_TOO_LARGE' }),
    );
    expect(library.list({})).toHaveLength(before);
  });

  it('deletes a template with all its versions and tells listeners', () => {
    const { library, db, seen } = makeLibrary();
    const t = library.create({ name: 'gone', description: '', tags: ['x'], from: { kind: 'yaml', yaml: VALID } });
    library.saveVersion({ id: t.id, yaml: VALID, layout: {}, files: {}, environment: null, note: '' });
    library.delete(t.id);
    expect(() => library.get(t.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(db.prepare('SELECT COUNT(*) AS n FROM template_versions WHERE template_id = ?').get(t.id)).toEqual({ n: 0 });
    expect(seen.filter((e) => e === 'library.changed').length).toBeGreaterThanOrEqual(3);
  });
});
