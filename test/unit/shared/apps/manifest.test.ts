import { describe, expect, it } from 'vitest';
import { appInfoSchema, describeIssues, manifestSchema, versionInfoSchema } from '../../../../shared/apps/manifest';

const app = { name: 'WordPress', category: 'web', tags: ['blog'], description: '', author: 'ops team' };
const version = {
  version: '1.0.1',
  description: 'first cut',
  appAccess: [{ name: 'site', protocol: 'http', port: 80 }],
  serviceAccess: [],
  usage: 'Open the site address.',
};

describe('the app manifest', () => {
  it('accepts the seed example: name, author, version 1.0.1, a version description and usage instructions', () => {
    expect(appInfoSchema.safeParse(app).success).toBe(true);
    expect(versionInfoSchema.safeParse(version).success).toBe(true);
  });

  it('refuses a missing required field and names it (name*, author*)', () => {
    const r = appInfoSchema.safeParse({ ...app, name: '  ', author: '' });
    expect(r.success).toBe(false);
    expect(describeIssues(r.error!).map((i) => i.split(':')[0])).toEqual(['name', 'author']);
  });

  it('refuses a version without version description or usage instructions (version*, version description*, usage*)', () => {
    const r = versionInfoSchema.safeParse({ ...version, description: '', usage: '' });
    expect(describeIssues(r.error!).map((i) => i.split(':')[0])).toEqual(['description', 'usage']);
  });

  it('takes versions like 1.0.1 and v1.0 but not free text', () => {
    for (const v of ['1.0.1', 'v1.0', '2', '1.2.3-beta.1']) expect(versionInfoSchema.safeParse({ ...version, version: v }).success, v).toBe(true);
    for (const v of ['latest', '1..2', 'v', '1.0 final']) expect(versionInfoSchema.safeParse({ ...version, version: v }).success, v).toBe(false);
  });

  it('refuses ports outside 1-65535 in access entries, naming the entry', () => {
    const r = versionInfoSchema.safeParse({ ...version, serviceAccess: [{ name: 'db', protocol: 'tcp', port: 70000 }] });
    expect(describeIssues(r.error!)[0]).toMatch(/^serviceAccess\.0\.port:/);
    expect(versionInfoSchema.safeParse({ ...version, appAccess: [{ name: 'x', protocol: 'http', port: 0 }] }).success).toBe(false);
  });

  it('refuses a category that is not on the list, and too many tags', () => {
    expect(appInfoSchema.safeParse({ ...app, category: 'games' }).success).toBe(false);
    expect(appInfoSchema.safeParse({ ...app, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }).success).toBe(false);
  });

  it('requires a UUID app id and a SHA-256 per file', () => {
    const manifest = {
      format: 'heat-studio-app',
      formatVersion: 1,
      appId: '6c9d0d0e-4a36-4b8e-9d52-0b7d7f7f9c11',
      app,
      logo: null,
      version: { ...version, createdAt: '2024-01-01T00:00:00.000Z' },
      translations: { 'zh-CN': { image: '镜像' } },
      template: { entry: 'template.yaml', environment: null, layout: {} },
      sha256: { 'template/template.yaml': 'a'.repeat(64) },
    };
    expect(manifestSchema.safeParse(manifest).success).toBe(true);
    expect(manifestSchema.safeParse({ ...manifest, appId: 'wordpress' }).success).toBe(false);
    expect(manifestSchema.safeParse({ ...manifest, sha256: { 'template/template.yaml': 'abc' } }).success).toBe(false);
  });
});
