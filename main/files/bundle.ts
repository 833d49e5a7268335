// Bundles: one zip with a template version's entry file, its nested files at
// their relative paths, its environment file, and a small sidecar
// (heat-studio.json) with the layout, library metadata and a SHA-256 of every
// file. Exporting and re-importing gives the same version, byte for byte; a
// sidecar that disagrees with the files is refused, naming the file.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import type { TemplateSummary, TemplateVersion } from '../../shared/library/model';
import { readZip, writeZip } from './zip';
import { decodeUtf8 } from './text';

export const SIDECAR = 'heat-studio.json';

const sidecarSchema = z.object({
  format: z.literal('heat-studio-bundle'),
  formatVersion: z.literal(1),
  entry: z.string().min(1),
  environment: z.string().min(1).nullable(),
  sha256: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  // id: the library template it was exported from (bundles made before it was recorded have none).
  template: z.object({ id: z.string().max(64).optional(), name: z.string(), description: z.string(), tags: z.array(z.string()) }),
  version: z.object({ number: z.number().int(), note: z.string(), createdAt: z.string() }),
  layout: z.record(z.string(), z.object({ x: z.number(), y: z.number() })),
});
export type Sidecar = z.infer<typeof sidecarSchema>;

export interface BundleContents {
  sidecar: Sidecar;
  yaml: string;
  files: Record<string, string>;
  environment: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The environment gets a conventional name that no nested file already uses. */
function environmentPath(taken: Set<string>): string {
  if (!taken.has('environment.yaml')) return 'environment.yaml';
  for (let i = 1; ; i++) if (!taken.has(`environment-${i}.yaml`)) return `environment-${i}.yaml`;
}

export function buildBundle(template: Pick<TemplateSummary, 'name' | 'description' | 'tags'> & { id?: string }, version: TemplateVersion): Uint8Array {
  const contents = new Map<string, string>([[version.entryPath, version.yaml]]);
  for (const [path, text] of Object.entries(version.files)) contents.set(path, text);
  const env = version.environment === null ? null : environmentPath(new Set(contents.keys()));
  if (env !== null) contents.set(env, version.environment!);
  const sidecar: Sidecar = {
    format: 'heat-studio-bundle',
    formatVersion: 1,
    entry: version.entryPath,
    environment: env,
    sha256: Object.fromEntries([...contents].map(([p, t]) => [p, sha256(t)])),
    template: { ...(template.id ? { id: template.id } : {}), name: template.name, description: template.description, tags: template.tags },
    version: { number: version.number, note: version.note, createdAt: version.createdAt },
    layout: version.layout,
  };
  return writeZip(new Map<string, string>([...contents, [SIDECAR, `${JSON.stringify(sidecar, null, 2)}\n`]]));
}

/** Reads a bundle zip; returns null when it has no sidecar (a plain zip of templates). */
export function readBundle(bytes: Uint8Array, fileName: string): BundleContents | null {
  const entries = stripCommonFolder(readZip(bytes, fileName));
  const raw = entries.get(SIDECAR);
  if (!raw) return null;
  let sidecar: Sidecar;
  try {
    sidecar = sidecarSchema.parse(JSON.parse(decodeUtf8(raw, `${fileName}/${SIDECAR}`)));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'IMPORT_FAILED',
      msg('files.bundle.sidecarInvalid', { file: fileName, sidecar: SIDECAR, cause: (err as Error).message.split('\n')[0] }),
      { file: fileName },
    );
  }
  const texts = new Map<string, string>();
  for (const [path, expected] of Object.entries(sidecar.sha256)) {
    const data = entries.get(path);
    if (!data)
      throw new AppError('IMPORT_FAILED', msg('files.bundle.listedMissing', { file: fileName, sidecar: SIDECAR, entry: path }), {
        file: fileName,
        entry: path,
      });
    const text = decodeUtf8(data, `${fileName}/${path}`);
    if (sha256(text) !== expected) {
      throw new AppError('IMPORT_FAILED', msg('files.bundle.shaMismatch', { file: fileName, entry: path, sidecar: SIDECAR }), { file: fileName, entry: path });
    }
    texts.set(path, text);
  }
  for (const path of entries.keys()) {
    if (path !== SIDECAR && !texts.has(path)) {
      throw new AppError('IMPORT_FAILED', msg('files.bundle.unlisted', { file: fileName, entry: path, sidecar: SIDECAR }), { file: fileName, entry: path });
    }
  }
  const yaml = texts.get(sidecar.entry);
  if (yaml === undefined)
    throw new AppError('IMPORT_FAILED', msg('files.bundle.entryUnlisted', { file: fileName, entry: sidecar.entry, sidecar: SIDECAR }), { file: fileName });
  const environment = sidecar.environment === null ? null : (texts.get(sidecar.environment) ?? null);
  const files: Record<string, string> = {};
  for (const [path, text] of texts) if (path !== sidecar.entry && path !== sidecar.environment) files[path] = text;
  return { sidecar, yaml, files, environment };
}

/** A zip made by zipping a folder has every entry under one top folder: drop it. */
export function stripCommonFolder(entries: Map<string, Uint8Array>): Map<string, Uint8Array> {
  const names = [...entries.keys()];
  const first = names[0]?.split('/')[0];
  if (!first || names.length === 0 || !names.every((n) => n.startsWith(`${first}/`))) return entries;
  return new Map([...entries].map(([n, d]) => [n.slice(first.length + 1), d]));
}
