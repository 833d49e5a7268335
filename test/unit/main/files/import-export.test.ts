import { describe, expect, it } from 'vitest';
import { zipSync, unzipSync } from 'fflate';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ImportService } from '../../../../main/files/import-service';
import { ExportService } from '../../../../main/files/export-service';
import { SIDECAR } from '../../../../main/files/bundle';
import { makeLibrary } from '../../../support/library';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const enc = (s: string) => new TextEncoder().encode(s);

const ENTRY = `heat_template_version: 2018-08-31
# the web tier
resources:
  group:
    type: OS::Heat::ResourceGroup
    properties:
      count: 2
      resource_def: {type: nested/member.yaml}
  config:
    type: OS::Heat::Value
    properties: {value: {get_file: scripts/boot.sh}}
`;
const MEMBER = 'heat_template_version: 2018-08-31\nresources:\n  r: {type: OS::Heat::RandomString}\n';
const SCRIPT = '#!/bin/sh\necho "héllo $HOME"\n';

function setup() {
  const lib = makeLibrary(tempDir());
  return { ...lib, imports: new ImportService(lib.library), exports: new ExportService(lib.library) };
}

describe('import and export of template files', () => {
  it('imports several files with a chosen entry: the others become its nested files', () => {
    const { imports } = setup();
    const r = imports.importFiles(
      [
        { path: 'web.yaml', bytes: enc(ENTRY) },
        { path: 'nested/member.yaml', bytes: enc(MEMBER) },
        { path: 'scripts/boot.sh', bytes: enc(SCRIPT) },
      ],
      { entry: 'web.yaml' },
    );
    const t = r.templates[0]!;
    expect(t.name).toBe('web');
    expect(t.latest).toMatchObject({ entryPath: 'web.yaml', yaml: ENTRY, files: { 'nested/member.yaml': MEMBER, 'scripts/boot.sh': SCRIPT } });
    expect(t.status).toBe('usable');
  });

  it('exports a bundle and re-imports the same version byte for byte, layout and note included', () => {
    const { library, imports, exports } = setup();
    const first = imports.importFiles(
      [
        { path: 'web.yaml', bytes: enc(ENTRY) },
        { path: 'nested/member.yaml', bytes: enc(MEMBER) },
        { path: 'scripts/boot.sh', bytes: enc(SCRIPT) },
        { path: 'env.yaml', bytes: enc('parameters: {}\n') },
      ],
      { entry: 'web.yaml', environment: 'env.yaml' },
    ).templates[0]!;
    library.update(first.id, { tags: ['prod'] });
    library.saveVersion({
      id: first.id,
      yaml: ENTRY + '# v2\n',
      layout: { group: { x: 1.5, y: -2 } },
      files: first.latest.files,
      environment: 'parameters: {}\n',
      note: 'second',
    });
    const zip = exports.exportBundle(first.id);
    const again = imports.importZip(new Uint8Array(Buffer.from(zip.base64!, 'base64')), zip.fileName, 'copy').templates[0]!;
    const a = library.get(first.id).latest;
    expect(again.latest).toMatchObject({ entryPath: a.entryPath, yaml: a.yaml, files: a.files, environment: a.environment, layout: a.layout, note: 'second' });
    expect(again.tags).toEqual(['prod']);
  });

  it('asks before re-importing a bundle whose name the library has: a new version of its own template, or a copy (issue 15, bug 7)', () => {
    const { library, imports, exports } = setup();
    const first = imports.importFiles([{ path: 'web.yaml', bytes: enc(MEMBER) }], { entry: 'web.yaml', name: 'web' }).templates[0]!;
    const zip = exports.exportBundle(first.id);
    const bytes = new Uint8Array(Buffer.from(zip.base64!, 'base64'));
    const count = () => library.list({}).filter((t) => t.origin === 'user').length;
    const before = count();
    // No answer yet: refused with what to ask, nothing imported.
    expect(() => imports.importZip(bytes, zip.fileName)).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        details: expect.objectContaining({ reason: 'bundle-name-taken', name: 'web', existingId: first.id, sameTemplate: true, copyName: 'web (2)' }),
      }),
    );
    expect(count()).toBe(before);
    // A new version of the template it came from.
    const asVersion = imports.importZip(bytes, zip.fileName, 'version').templates[0]!;
    expect(asVersion.id).toBe(first.id);
    expect(asVersion.latestVersion).toBe(2);
    expect(asVersion.latest.yaml).toBe(MEMBER);
    expect(count()).toBe(before);
    // A copy under a free name.
    const copy = imports.importZip(bytes, zip.fileName, 'copy').templates[0]!;
    expect(copy.name).toBe('web (2)');
    expect(count()).toBe(before + 1);
    // Another template that only shares the name cannot take the bundle as a version.
    library.delete(first.id);
    const other = imports.importFiles([{ path: 'web.yaml', bytes: enc(MEMBER) }], { entry: 'web.yaml', name: 'web' }).templates[0]!;
    expect(() => imports.importZip(bytes, zip.fileName)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ existingId: other.id, sameTemplate: false }) }),
    );
    expect(() => imports.importZip(bytes, zip.fileName, 'version')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(library.get(other.id).latestVersion).toBe(1);
  });

  it('refuses a bundle whose sidecar disagrees with its files, importing nothing', () => {
    const { imports, exports, userTemplates } = setup();
    const t = imports.importFiles([{ path: 'a.yaml', bytes: enc(MEMBER) }], { entry: 'a.yaml' }).templates[0]!;
    const files = unzipSync(new Uint8Array(Buffer.from(exports.exportBundle(t.id).base64!, 'base64')));
    files['a.yaml'] = enc(MEMBER.replace('RandomString', 'None'));
    const before = userTemplates().length;
    expect(() => imports.importZip(zipSync(files), 'edited.zip')).toThrow(/a\.yaml differs from what heat-studio\.json records/);
    delete files['a.yaml'];
    expect(() => imports.importZip(zipSync(files), 'missing.zip')).toThrow(/lists a\.yaml, which is not in the bundle/);
    expect(userTemplates()).toHaveLength(before);
    expect(SIDECAR).toBe('heat-studio.json');
  });

  it('imports a folder: every template nothing references becomes a template with the files it reaches', () => {
    const { imports } = setup();
    const r = imports.importFiles([
      { path: 'web.yaml', bytes: enc(ENTRY) },
      { path: 'db.yaml', bytes: enc(MEMBER) },
      { path: 'nested/member.yaml', bytes: enc(MEMBER) },
      { path: 'scripts/boot.sh', bytes: enc(SCRIPT) },
      { path: 'prod-env.yaml', bytes: enc('parameter_defaults: {a: 1}\n') },
      { path: 'README.md', bytes: enc('# notes') },
    ]);
    expect(r.templates.map((t) => t.name).sort()).toEqual(['db', 'web']);
    expect(r.skipped.sort()).toEqual(['README.md', 'prod-env.yaml']);
  });

  it('imports nothing when one file of a folder is bad, and names it', () => {
    const { imports, userTemplates } = setup();
    expect(() =>
      imports.importFiles([
        { path: 'good.yaml', bytes: enc(MEMBER) },
        { path: 'bad.yaml', bytes: new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0x0a]) },
      ]),
    ).toThrow(/bad\.yaml is not UTF-8 text \(first bad byte at offset 3\)/);
    expect(() => imports.importFiles([{ path: '../up.yaml', bytes: enc(MEMBER) }])).toThrow(expect.objectContaining({ code: 'PATH_ESCAPE' }));
    expect(() =>
      imports.importFiles([{ path: 'x.yaml', bytes: enc('heat_template_version: 2018-08-31\nresources:\n  a: {type: ../../outside.yaml}\n') }]),
    ).toThrow(/outside the imported files' folder/);
    expect(userTemplates()).toHaveLength(0);
  });

  it('refuses a folder of more files than one import takes', () => {
    const lib = makeLibrary(tempDir());
    const imports = new ImportService(lib.library, { maxFiles: 100, maxFileBytes: 1e6, maxTotalBytes: 1e8 });
    const many = Array.from({ length: 101 }, (_, i) => ({ path: `t${i}.yaml`, bytes: enc(MEMBER) }));
    expect(() => imports.importFiles(many)).toThrow(/101 files; one import takes at most 100/);
    expect(lib.userTemplates()).toHaveLength(0);
  });

  it('imports a template from a URL with the nested files it references', async () => {
    const served: Record<string, string> = { '/t/web.yaml': ENTRY, '/t/nested/member.yaml': MEMBER, '/t/scripts/boot.sh': SCRIPT };
    const server = createServer((req, res) => {
      const body = served[req.url ?? ''];
      res.writeHead(body === undefined ? 404 : 200).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const { imports } = setup();
      const t = await imports.importUrl(`http://127.0.0.1:${port}/t/web.yaml`);
      expect(t.latest.files).toEqual({ 'nested/member.yaml': MEMBER, 'scripts/boot.sh': SCRIPT });
      await expect(imports.importUrl(`http://127.0.0.1:${port}/t/missing.yaml`)).rejects.toThrow(/HTTP 404/);
      await expect(imports.importUrl('file:///etc/passwd')).rejects.toThrow(/Only http and https/);
    } finally {
      server.close();
    }
  });

  it('exports a version as the YAML exactly as written', () => {
    const { imports, exports } = setup();
    const t = imports.importFiles([{ path: 'a.yaml', bytes: enc(ENTRY) }], { entry: 'a.yaml', name: 'my stack' }).templates[0]!;
    expect(exports.exportYaml(t.id)).toEqual({ fileName: 'my stack.yaml', text: ENTRY });
  });
});
