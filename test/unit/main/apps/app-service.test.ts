import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { AppService, type ExportRequest } from '../../../../main/apps/app-service';
import { AppLinkRepo } from '../../../../main/library/app-link-repo';
import { makeLibrary } from '../../../support/library';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');

const ENTRY = `heat_template_version: 2018-08-31
# a web server
parameters:
  server_0_availability_zone: {type: string, default: nova, label: Availability zone}
resources:
  server_0:
    type: OS::Nova::Server
    properties:
      image: cirros
      flavor: m1.small
      availability_zone: {get_param: server_0_availability_zone}
      user_data: {get_file: scripts/boot.sh}
  db:
    type: nested/db.yaml
`;
const NESTED = 'heat_template_version: 2018-08-31\nresources:\n  r: {type: OS::Heat::RandomString}\n';
const SCRIPT = '#!/bin/sh\necho ready\n';
const ENV = 'parameter_defaults:\n  server_0_availability_zone: nova\n';

function setup() {
  const lib = makeLibrary(tempDir());
  const apps = new AppService(lib.library, new AppLinkRepo(lib.db));
  const [source] = lib.library.createMany([
    {
      name: 'web',
      description: 'a web tier',
      tags: [],
      from: {
        kind: 'files',
        entryPath: 'web.yaml',
        yaml: ENTRY,
        files: { 'nested/db.yaml': NESTED, 'scripts/boot.sh': SCRIPT },
        environment: ENV,
        layout: { server_0: { x: 1, y: 2 } },
      },
    },
  ]);
  return { ...lib, apps, source: source! };
}

const form = (id: string, over: Partial<ExportRequest> = {}): ExportRequest => ({
  id,
  mode: 'new-app',
  app: { name: 'Web app', category: 'web', tags: ['demo'], description: 'A web server', author: 'ops' },
  logo: { fileName: 'logo.png', base64: PNG },
  version: { version: '1.0', description: 'first', appAccess: [{ name: 'site', protocol: 'http', port: 80 }], serviceAccess: [], usage: 'Open the site.' },
  translations: { 'zh-CN': { server_0_availability_zone: '可用域' } },
  ...over,
});

/** Rewrites one entry of a package zip (keeping the rest byte for byte). */
function tamper(base64: string, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytesOf(base64));
  edit(files);
  return zipSync(files);
}

describe('app packages', () => {
  it('exports a version and imports it back as a new template with the same bytes, linked to the app', () => {
    const { apps, library, source } = setup();
    const pkg = apps.exportPackage(form(source.id));
    expect(pkg.fileName).toBe('Web_app-1.0.zip');
    const { template, link } = apps.importPackage(bytesOf(pkg.base64), pkg.fileName);
    const v = library.get(template.id).latest;
    expect([v.entryPath, v.yaml, v.files, v.environment, v.layout]).toEqual([
      'web.yaml',
      ENTRY,
      { 'nested/db.yaml': NESTED, 'scripts/boot.sh': SCRIPT },
      ENV,
      { server_0: { x: 1, y: 2 } },
    ]);
    expect(template.name).toBe('Web app 1.0');
    expect(template.id).not.toBe(source.id);
    expect(link).toMatchObject({ templateId: template.id, appName: 'Web app', appVersion: '1.0', baseVersion: 1 });
    const manifest = JSON.parse(dec(unzipSync(bytesOf(pkg.base64))['app.json']!));
    expect(manifest.translations).toEqual({ 'zh-CN': { server_0_availability_zone: '可用域' } });
    expect(Object.keys(manifest.sha256).sort()).toEqual([
      'logo.png',
      'template/environment.yaml',
      'template/nested/db.yaml',
      'template/scripts/boot.sh',
      'template/web.yaml',
    ]);
    expect(apps.link(template.id)?.appId).toBe(manifest.appId);
    expect(apps.link(source.id)).toBeNull();
  });

  it('exports the first edit of a template created from an app as the next version of the same app id', () => {
    const { apps, library, source } = setup();
    const first = apps.exportPackage(form(source.id));
    const { template, link } = apps.importPackage(bytesOf(first.base64), first.fileName);
    const v1 = library.get(template.id).latest;
    expect(apps.checkExport(template.id, undefined, 'new-version').versionRefusal?.code).toBe('APP_VERSION_NOT_EDITED');
    library.saveVersion({
      id: template.id,
      yaml: v1.yaml.replace('# a web server', '# a web server, v2'),
      layout: v1.layout,
      files: v1.files,
      environment: v1.environment,
      note: 'edit',
    });
    const check = apps.checkExport(template.id, undefined, 'new-version');
    expect(check.problems).toEqual([]);
    expect(check.app?.name).toBe('Web app');
    // A logo left out keeps the app's own.
    const second = apps.exportPackage(form(template.id, { mode: 'new-version', logo: undefined, version: { ...form('').version, version: '1.1' } }));
    const manifest = JSON.parse(dec(unzipSync(bytesOf(second.base64))['app.json']!));
    expect(manifest.appId).toBe(link.appId);
    expect(manifest.version.version).toBe('1.1');
    expect(manifest.logo).toEqual({ path: 'logo.png', type: 'image/png' });
    expect(apps.link(template.id)?.appVersion).toBe('1.1');
  });

  it('refuses a second edit as a new version of that app, with the seed reason, but still exports it as a new app', () => {
    const { apps, library, source } = setup();
    const first = apps.exportPackage(form(source.id));
    const { template } = apps.importPackage(bytesOf(first.base64), first.fileName);
    for (const note of ['first edit', 'second edit']) {
      const v = library.get(template.id).latest;
      library.saveVersion({ id: template.id, yaml: `${v.yaml}# ${note}\n`, layout: {}, files: v.files, environment: v.environment, note });
    }
    const version = { ...form('').version, version: '1.1' };
    expect(() => apps.exportPackage(form(template.id, { mode: 'new-version', version }))).toThrow(
      expect.objectContaining({
        code: 'TEMPLATE_INVALID',
        message: expect.stringContaining('Only the first edit of a template created from an app can be exported as a new version'),
      }),
    );
    const asNew = apps.exportPackage(form(template.id, { version }));
    expect(JSON.parse(dec(unzipSync(bytesOf(asNew.base64))['app.json']!)).appId).not.toBe(JSON.parse(dec(unzipSync(bytesOf(first.base64))['app.json']!)).appId);
  });

  it('refuses to export a template whose user_data has $, naming the resource and the script line', () => {
    const { apps, library } = setup();
    const t = library.create({
      name: 'dollar',
      description: '',
      tags: [],
      from: {
        kind: 'yaml',
        yaml: 'heat_template_version: 2018-08-31\nresources:\n  s:\n    type: OS::Nova::Server\n    properties:\n      image: cirros\n      flavor: m1.small\n      user_data: "echo $HOME"\n',
      },
    });
    expect(apps.checkExport(t.id, undefined, 'new-app').problems.map((p) => [p.code, p.resource, p.line])).toEqual([['APP_USER_DATA_DOLLAR', 's', 8]]);
    expect(() => apps.exportPackage(form(t.id, { translations: {} }))).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_INVALID', details: { problems: [expect.objectContaining({ resource: 's', line: 8 })] } }),
    );
  });

  it('refuses an over-quota verdict and an incomplete form, naming the fields', () => {
    const { apps, source } = setup();
    expect(() => apps.exportPackage(form(source.id, { quota: { over: true, resources: ['instances'] } }))).toThrow(/Over quota \(instances\)/);
    expect(() => apps.exportPackage(form(source.id, { app: { ...form('').app, author: '' } }))).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringContaining('app.author') }),
    );
    expect(() => apps.exportPackage(form(source.id, { translations: { en: { nope: 'x' } } }))).toThrow(/nope, which is not a parameter/);
  });

  it('refuses a logo that is not what its name says, or too large', () => {
    const { apps, source } = setup();
    expect(() => apps.exportPackage(form(source.id, { logo: { fileName: 'logo.png', base64: Buffer.from('<svg/>').toString('base64') } }))).toThrow(
      /not a png image/,
    );
    expect(() =>
      apps.exportPackage(form(source.id, { logo: { fileName: 'logo.svg', base64: Buffer.from('<svg onload="x()"></svg>').toString('base64') } })),
    ).toThrow(/holds script/);
    const big = Buffer.concat([bytesOf(PNG), Buffer.alloc(300 * 1024)]).toString('base64');
    expect(() => apps.exportPackage(form(source.id, { logo: { fileName: 'logo.png', base64: big } }))).toThrow(
      expect.objectContaining({ code: 'FILE_TOO_LARGE' }),
    );
  });
});

describe('bad app packages: clear errors, nothing imported', () => {
  function exported() {
    const ctx = setup();
    const pkg = ctx.apps.exportPackage(form(ctx.source.id));
    const before = ctx.userTemplates().length;
    const nothingImported = () => expect(ctx.userTemplates()).toHaveLength(before);
    return { ...ctx, pkg, nothingImported };
  }

  it('refuses an entry whose path escapes the package folder', () => {
    const { apps, pkg, nothingImported } = exported();
    const zip = tamper(pkg.base64, (f) => (f['../x'] = enc('boom')));
    expect(() => apps.importPackage(zip, 'evil.zip')).toThrow(
      expect.objectContaining({ code: 'PATH_ESCAPE', message: expect.stringContaining('"../x" points outside') }),
    );
    nothingImported();
  });

  it('refuses a symbolic link entry', () => {
    const { apps, pkg, nothingImported } = exported();
    const zip = tamper(pkg.base64, () => undefined);
    const view = new DataView(zip.buffer);
    for (let p = 0; p < zip.length - 46; p++) {
      if (view.getUint32(p, true) !== 0x02014b50) continue;
      const len = view.getUint16(p + 28, true);
      if (dec(zip.subarray(p + 46, p + 46 + len)) !== 'template/scripts/boot.sh') continue;
      view.setUint16(p + 4, (3 << 8) | 20, true);
      view.setUint32(p + 38, (0o120777 << 16) >>> 0, true);
    }
    expect(() => apps.importPackage(zip, 'link.zip')).toThrow(/template\/scripts\/boot.sh is a symbolic link/);
    nothingImported();
  });

  it('refuses a 1 GB entry from its declared size, before inflating anything', () => {
    const { apps, pkg, nothingImported } = exported();
    const zip = tamper(pkg.base64, () => undefined);
    const view = new DataView(zip.buffer);
    for (let p = 0; p < zip.length - 46; p++) if (view.getUint32(p, true) === 0x02014b50) view.setUint32(p + 24, 1024 ** 3, true);
    expect(() => apps.importPackage(zip, 'huge.zip')).toThrow(
      expect.objectContaining({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('1073741824 bytes') }),
    );
    nothingImported();
  });

  it('refuses a template file that is not UTF-8, naming it', () => {
    const { apps, pkg, nothingImported } = exported();
    const zip = tamper(pkg.base64, (f) => {
      const latin1 = new Uint8Array([...enc('#!/bin/sh\necho '), 0xe9, 0x0a]);
      f['template/scripts/boot.sh'] = latin1;
      const manifest = JSON.parse(dec(f['app.json']!));
      manifest.sha256['template/scripts/boot.sh'] = createHash('sha256').update(latin1).digest('hex');
      f['app.json'] = enc(JSON.stringify(manifest));
    });
    expect(() => apps.importPackage(zip, 'latin1.zip')).toThrow(/template\/scripts\/boot.sh is not UTF-8 text/);
    nothingImported();
  });

  it('refuses a package whose manifest disagrees with its files: a changed file, an extra one, a missing one', () => {
    const { apps, pkg, nothingImported } = exported();
    const changed = tamper(pkg.base64, (f) => (f['template/web.yaml'] = enc(`${ENTRY}# changed\n`)));
    expect(() => apps.importPackage(changed, 'changed.zip')).toThrow(/template\/web.yaml differs from what app.json records \(SHA-256 mismatch\)/);
    const extra = tamper(pkg.base64, (f) => (f['template/extra.yaml'] = enc('a: 1')));
    expect(() => apps.importPackage(extra, 'extra.zip')).toThrow(/template\/extra.yaml is in the package but not in app.json/);
    const missing = tamper(pkg.base64, (f) => delete f['template/nested/db.yaml']);
    expect(() => apps.importPackage(missing, 'missing.zip')).toThrow(/template\/nested\/db.yaml is listed in app.json but not in the package/);
    const badManifest = tamper(
      pkg.base64,
      (f) => (f['app.json'] = enc(JSON.stringify({ ...JSON.parse(dec(f['app.json']!)), app: { name: '', author: 'x' } }))),
    );
    expect(() => apps.importPackage(badManifest, 'bad.zip')).toThrow(/app.json is not a valid app manifest: app.name/);
    nothingImported();
  });

  it('asks before importing an app version the library already holds, and never overwrites', () => {
    const { apps, pkg, userTemplates } = exported();
    const first = apps.importPackage(bytesOf(pkg.base64), pkg.fileName);
    const count = userTemplates().length;
    expect(() => apps.importPackage(bytesOf(pkg.base64), pkg.fileName)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', details: expect.objectContaining({ templateIds: [first.template.id] }) }),
    );
    expect(userTemplates()).toHaveLength(count);
    const again = apps.importPackage(bytesOf(pkg.base64), pkg.fileName, true);
    expect(again.template.id).not.toBe(first.template.id);
    expect(userTemplates()).toHaveLength(count + 1);
  });
});

describe('a version that needs editing (SPEC 1.4)', () => {
  it('is refused with NEEDS_EDITING before the form is looked at, naming the reason', () => {
    const { apps, library } = setup();
    const t = library.create({ name: 'broken', description: '', tags: [], from: { kind: 'yaml', yaml: 'heat_template_version: 2018-08-31\nresources: {}\n' } });
    expect(library.get(t.id).status).toBe('needs_editing');
    // An empty form would be BAD_REQUEST; the status is checked first, so no path gets round it.
    expect(() => apps.exportPackage(form(t.id, { app: {} as ExportRequest['app'] }))).toThrow(
      expect.objectContaining({
        code: 'NEEDS_EDITING',
        message:
          'Refused: the template needs editing. It can only be edited, not exported as an app, until its checks pass. The template has no resources yet.',
      }),
    );
  });
});
