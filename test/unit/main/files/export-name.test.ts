// Exported file names: no bidi override (a name that displays with a fake
// extension), no other invisible format or control characters.
import { describe, expect, it } from 'vitest';
import { ExportService, safeName } from '../../../../main/files/export-service';
import { fileNamePart } from '../../../../main/files/file-name';
import { makeLibrary } from '../../../support/library';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

describe('exported file names', () => {
  it.each([
    ['invoice\u202Elmy.exe', 'invoicelmy.exe'],
    ['a\u2066b\u2069c\u200Fd\u061Ce', 'abcde'],
    ['zero\u200Bwidth\uFEFF', 'zerowidth'],
    ['line\u2028sep', 'linesep'],
    ['c0\u0001c1\u0085', 'c0_c1_'],
    ['a/b:c', 'a_b_c'],
    ['\u202E', 'template'],
    ['网络 拓扑', '网络 拓扑'],
  ])('%j becomes %j', (name, expected) => {
    expect(safeName(name)).toBe(expected);
  });

  it('drops a right-to-left override from the YAML and the bundle file name', () => {
    const { library } = makeLibrary(tempDir());
    const t = library.create({ name: 'web\u202Elmay.exe', description: '', tags: [], from: { kind: 'blank' } });
    const exports = new ExportService(library);
    expect(exports.exportYaml(t.id).fileName).toBe('weblmay.exe.yaml');
    expect(exports.exportBundle(t.id).fileName).toBe('weblmay.exe-v1.zip');
  });

  it('app package file names drop them too (and turn spaces into "_", as before)', () => {
    expect(fileNamePart('Web app\u202Epiz', { max: 80, fallback: 'app', spacesToo: true })).toBe('Web_apppiz');
  });
});
