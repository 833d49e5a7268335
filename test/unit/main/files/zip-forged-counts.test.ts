// Zips whose end record and central directory disagree, or that carry zip64
// records this reader does not parse, and requests too large to be a valid
// import: each is refused before anything is inflated or decoded, through the
// import service on a real library, which holds afterwards exactly what it
// held before.
import { describe, expect, it } from 'vitest';
import { ImportService } from '../../../../main/files/import-service';
import { contract } from '../../../../shared/ipc/contract';
import { base64Length, LIBRARY_FILE_BYTES_MAX, ZIP_ARCHIVE_BYTES_MAX } from '../../../../shared/ipc/byte-limits';
import { integrityCheck, librarySnapshot } from '../../../support/library-state';
import { makeLibrary } from '../../../support/library';
import { useTempDirs } from '../../../support/temp-dir';
import { forgeZip, type ForgedEnd, type ForgedEntry } from '../../../support/zip-forge';

const tempDir = useTempDirs();
const enc = (s: string) => new TextEncoder().encode(s);
const TEMPLATE = enc('heat_template_version: 2018-08-31\nresources: {}\n');
const two: ForgedEntry[] = [
  { name: 'a.yaml', data: TEMPLATE },
  { name: 'b.yaml', data: TEMPLATE },
];

function refusedUnchanged(zip: Uint8Array, message: string | RegExp): void {
  const lib = makeLibrary(tempDir());
  const before = librarySnapshot(lib.db);
  expect(() => new ImportService(lib.library).importZip(zip, 'forged.zip')).toThrow(
    expect.objectContaining({ code: 'IMPORT_FAILED', message: expect.stringMatching(message) }),
  );
  expect(integrityCheck(lib.db)).toBe('ok');
  expect(librarySnapshot(lib.db)).toEqual(before);
}

describe('zips whose entry counts disagree are refused', () => {
  it.each<[string, ForgedEnd, RegExp]>([
    // The reported attack: a checker counting one field, an inflater walking the records.
    ['total says fewer than the records present', { total: 1, onThisDisk: 1 }, /declares 1 entries but its central directory holds more/],
    ['total says more than the records present', { total: 5, onThisDisk: 5 }, /declares 5 entries but its central directory holds 2/],
    ['this-disk count differs from the total', { onThisDisk: 1 }, /declares 2 entries in all but 1 on its only disk/],
    ['this-disk count differs the other way', { total: 1 }, /declares 1 entries in all but 2/],
  ])('%s', (_, end, message) => refusedUnchanged(forgeZip(two, end), message));

  it('still imports the same zip when the counts tell the truth', () => {
    const lib = makeLibrary(tempDir());
    expect(new ImportService(lib.library).importZip(forgeZip(two), 'honest.zip').templates).toHaveLength(2);
  });
});

describe('zips with zip64 records are refused (the reader does not parse them)', () => {
  it('a zip64 end-of-central-directory locator', () => refusedUnchanged(forgeZip(two, { zip64Locator: true }), /zip64 record/));
  it('the 0xFFFF count placeholder', () => refusedUnchanged(forgeZip(two, { total: 0xffff, onThisDisk: 0xffff }), /zip64 markers/));
  it('a zip64 extra field in a central record', () => {
    const extra = Buffer.alloc(12);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8, 2);
    extra.writeBigUInt64LE(10n * 1024n ** 3n, 4); // "really 10 GiB"
    refusedUnchanged(forgeZip([two[0]!, { ...two[1]!, extra }]), /zip64 record for b\.yaml/);
  });
  it('a 0xFFFFFFFF size placeholder', () => refusedUnchanged(forgeZip([two[0]!, { ...two[1]!, size: 0xffffffff }]), /zip64 record for b\.yaml/));
});

describe('the request schemas cap the base64 at what the byte limits allow', () => {
  const zipReq = contract['files.importZip'].request;
  const libReq = contract['backup.importLibrary'].request;
  const atMost = (bytes: number) => 'A'.repeat(base64Length(bytes));

  it('files.importZip: an archive of ZIP_ARCHIVE_BYTES_MAX passes, one base64 quad more is refused', () => {
    expect(zipReq.safeParse({ fileName: 'a.zip', base64: atMost(ZIP_ARCHIVE_BYTES_MAX) }).success).toBe(true);
    expect(zipReq.safeParse({ fileName: 'a.zip', base64: atMost(ZIP_ARCHIVE_BYTES_MAX) + 'AAAA' }).success).toBe(false);
  });

  it('backup.importLibrary: a file of LIBRARY_FILE_BYTES_MAX passes, one base64 quad more is refused', () => {
    expect(libReq.safeParse({ fileName: 'l.sqlite', base64: atMost(LIBRARY_FILE_BYTES_MAX) }).success).toBe(true);
    expect(libReq.safeParse({ fileName: 'l.sqlite', base64: atMost(LIBRARY_FILE_BYTES_MAX) + 'AAAA' }).success).toBe(false);
  });

  it('the reader refuses an archive over its byte limit without reading it', () => {
    const lib = makeLibrary(tempDir());
    const before = librarySnapshot(lib.db);
    const big = new Uint8Array(ZIP_ARCHIVE_BYTES_MAX + 1);
    expect(() => new ImportService(lib.library).importZip(big, 'big.zip')).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE' }));
    expect(librarySnapshot(lib.db)).toEqual(before);
  });
});
