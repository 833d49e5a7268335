// App packages: one zip holding app.json (the manifest, see
// shared/apps/manifest.ts), the logo, and the template under template/ (the
// entry and nested files at their paths, the environment). Reading refuses
// what could escape or exhaust (zip.ts), text that is not UTF-8 (text.ts), a
// manifest that fails its schema, and any disagreement between the manifest
// and the files: a file missing, extra, or with another SHA-256.
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/ipc/errors';
import { msg, type Message } from '../../shared/messages/message';
import { APP_LIMITS, describeIssues, LOGO_TYPES, manifestSchema, type AppManifest, type LogoType } from '../../shared/apps/manifest';
import type { CanvasLayout } from '../../shared/library/model';
import { readZip, writeZip, DEFAULT_ZIP_LIMITS } from '../files/zip';
import { decodeUtf8 } from '../files/text';

export const MANIFEST = 'app.json';
const TEMPLATE_DIR = 'template/';

export interface PackageTemplate {
  entryPath: string;
  yaml: string;
  files: Record<string, string>;
  environment: string | null;
  layout: CanvasLayout;
}

export interface PackageLogo {
  type: LogoType;
  bytes: Uint8Array;
}

export interface AppPackage {
  manifest: AppManifest;
  template: PackageTemplate;
  logo: PackageLogo | null;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

function environmentPath(taken: Set<string>): string {
  for (let i = 0; ; i++) {
    const name = i === 0 ? 'environment.yaml' : `environment-${i}.yaml`;
    if (!taken.has(name)) return name;
  }
}

/** The manifest's template and sha256 parts are filled in here, from the files. */
export function buildPackage(manifest: Omit<AppManifest, 'template' | 'sha256' | 'logo'>, template: PackageTemplate, logo: PackageLogo | null): Uint8Array {
  const contents = new Map<string, string | Uint8Array>([[TEMPLATE_DIR + template.entryPath, template.yaml]]);
  for (const [path, text] of Object.entries(template.files)) contents.set(TEMPLATE_DIR + path, text);
  const envName = template.environment === null ? null : environmentPath(new Set([template.entryPath, ...Object.keys(template.files)]));
  if (envName !== null) contents.set(TEMPLATE_DIR + envName, template.environment!);
  const logoPath = logo ? LOGO_TYPES[logo.type] : null;
  if (logo && logoPath) contents.set(logoPath, logo.bytes);
  const full: AppManifest = {
    ...manifest,
    logo: logo && logoPath ? { path: logoPath, type: logo.type } : null,
    template: { entry: template.entryPath, environment: envName, layout: template.layout },
    sha256: Object.fromEntries([...contents].map(([p, d]) => [p, sha256(d)])),
  };
  manifestSchema.parse(full);
  return writeZip(new Map([...contents, [MANIFEST, `${JSON.stringify(full, null, 2)}\n`]]));
}

export function readPackage(bytes: Uint8Array, fileName: string): AppPackage {
  // A package is a template plus a logo: the bundle limits, with an 8 MiB entry cap.
  const entries = readZip(bytes, fileName, DEFAULT_ZIP_LIMITS);
  const raw = entries.get(MANIFEST);
  if (!raw) throw new AppError('IMPORT_FAILED', msg('apps.noManifest', { file: fileName, manifest: MANIFEST }), { file: fileName });
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(raw, `${fileName}/${MANIFEST}`));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('IMPORT_FAILED', msg('apps.manifestNotJson', { file: fileName, manifest: MANIFEST, cause: (err as Error).message }), { file: fileName });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    throw new AppError('IMPORT_FAILED', msg('apps.manifestInvalid', { file: fileName, manifest: MANIFEST, issues: issues.slice(0, 3).join('; ') }), {
      file: fileName,
      issues,
    });
  }
  const manifest = parsed.data;
  for (const path of entries.keys()) {
    if (path !== MANIFEST && !(path in manifest.sha256)) throw mismatch(fileName, path, msg('apps.what.unlisted', { manifest: MANIFEST }));
  }
  const texts = new Map<string, string>();
  let logo: PackageLogo | null = null;
  for (const [path, expected] of Object.entries(manifest.sha256)) {
    const data = entries.get(path);
    if (!data) throw mismatch(fileName, path, msg('apps.what.missing', { manifest: MANIFEST }));
    if (sha256(data) !== expected) throw mismatch(fileName, path, msg('apps.what.sha', { manifest: MANIFEST }));
    if (manifest.logo && path === manifest.logo.path) logo = { type: manifest.logo.type, bytes: checkLogo(data, manifest.logo.type, `${fileName}/${path}`) };
    else if (path.startsWith(TEMPLATE_DIR)) texts.set(path.slice(TEMPLATE_DIR.length), decodeUtf8(data, `${fileName}/${path}`));
    else throw mismatch(fileName, path, msg('apps.what.stray'));
  }
  if (manifest.logo && !logo) throw mismatch(fileName, manifest.logo.path, msg('apps.what.logoUnlisted', { manifest: MANIFEST }));
  const yaml = texts.get(manifest.template.entry);
  if (yaml === undefined) throw mismatch(fileName, TEMPLATE_DIR + manifest.template.entry, msg('apps.what.entryMissing', { manifest: MANIFEST }));
  const envPath = manifest.template.environment;
  if (envPath !== null && !texts.has(envPath)) throw mismatch(fileName, TEMPLATE_DIR + envPath, msg('apps.what.environmentMissing', { manifest: MANIFEST }));
  const files: Record<string, string> = {};
  for (const [path, text] of texts) if (path !== manifest.template.entry && path !== envPath) files[path] = text;
  return {
    manifest,
    logo,
    template: { entryPath: manifest.template.entry, yaml, files, environment: envPath === null ? null : texts.get(envPath)!, layout: manifest.template.layout },
  };
}

function mismatch(fileName: string, path: string, what: Message): AppError {
  return new AppError('IMPORT_FAILED', msg('apps.mismatch', { file: fileName, entry: path, what }), { file: fileName, entry: path });
}

/** Size, then the bytes' signature: a logo is what its type says or it is refused. */
export function checkLogo(bytes: Uint8Array, type: LogoType, name: string): Uint8Array {
  if (bytes.length > APP_LIMITS.logoBytesMax) {
    throw new AppError('FILE_TOO_LARGE', msg('apps.logoTooLarge', { file: name, size: bytes.length, max: APP_LIMITS.logoBytesMax }), {
      file: name,
      limit: APP_LIMITS.logoBytesMax,
    });
  }
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  let ok: boolean;
  if (type === 'image/png') ok = starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  else if (type === 'image/jpeg') ok = starts([0xff, 0xd8, 0xff]);
  else {
    const text = decodeUtf8(bytes, name);
    // An SVG is a document: scripts and event handlers in it are refused outright.
    ok = /<svg[\s>]/i.test(text) && !/<script|\son[a-z]+\s*=|javascript:/i.test(text);
  }
  if (!ok) throw new AppError('BAD_REQUEST', msg('apps.logoNotImage', { file: name, kind: type.split('/')[1]!.replace('+xml', '') }), { file: name });
  return bytes;
}

/** The logo type from a picked file's name. */
export function logoTypeOf(fileName: string): LogoType | null {
  if (/\.png$/i.test(fileName)) return 'image/png';
  if (/\.jpe?g$/i.test(fileName)) return 'image/jpeg';
  if (/\.svg$/i.test(fileName)) return 'image/svg+xml';
  return null;
}
