// Every HOT template of the shared corpus, with the nested files it
// references, imported, exported as a bundle and re-imported: byte-identical.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ImportService } from '../../../../main/files/import-service';
import { ExportService } from '../../../../main/files/export-service';
import { referencedFiles } from '../../../../shared/library/file-set';
import { makeLibrary } from '../../../support/library';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const corpus = resolve(process.cwd(), '../shared/corpus');
const manifest: Array<{ path: string; kind: string }> = existsSync(join(corpus, 'manifest.json'))
  ? JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'))
  : [];

describe('bundle round trip over the corpus', () => {
  it('finds the corpus beside the repository', () => {
    expect(manifest.filter((f) => f.kind === 'template').length).toBeGreaterThanOrEqual(350);
  });

  it('exports and re-imports every corpus template with its nested files, byte for byte', { timeout: 300_000 }, () => {
    const { library } = makeLibrary(tempDir());
    const imports = new ImportService(library);
    const exports = new ExportService(library);
    const read = (p: string) => (existsSync(join(corpus, p)) ? readFileSync(join(corpus, p), 'utf8') : undefined);
    let withNested = 0;
    let checked = 0;
    for (const { path } of manifest.filter((f) => f.kind === 'template')) {
      const refs = referencedFiles(path, read, null);
      if (refs.files.length) withNested++;
      const files = [path, ...refs.files].map((p) => ({ path: p, bytes: readFileSync(join(corpus, p)) }));
      const first = imports.importFiles(files, { entry: path }).templates[0]!;
      const zip = exports.exportBundle(first.id);
      const again = imports.importZip(new Uint8Array(Buffer.from(zip.base64!, 'base64')), zip.fileName, 'copy').templates[0]!; // the source is still in the library
      expect(again.latest.yaml, path).toBe(readFileSync(join(corpus, path), 'utf8'));
      expect(again.latest.entryPath, path).toBe(path);
      expect(again.latest.files, path).toEqual(first.latest.files);
      expect(Object.keys(again.latest.files).sort(), path).toEqual(refs.files);
      checked++;
    }
    expect(checked).toBe(manifest.filter((f) => f.kind === 'template').length);
    // Recorded for the issue note: how many of them carry nested files.
    expect(withNested).toBeGreaterThan(10);
    console.log(`corpus round trip: ${checked} templates byte-identical, ${withNested} with nested files`);
  });
});
