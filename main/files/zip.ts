// Zip in and out for bundles. Writing is fflate's. Reading is our own, over
// node:zlib, because it must not trust what the archive says about itself:
// before inflating anything it refuses what could escape or exhaust (absolute
// paths and `..`, symlinks from the Unix mode in the central directory, too
// many entries, declared sizes over the limits); then each entry is inflated
// only up to the size it declares (a forged small size stops the inflater
// there instead of letting it run through a gigabyte), and its real length
// and CRC-32 must match what the central directory says. Any entry that
// fails refuses the whole archive, so an import never takes part of one.
import { inflateRawSync } from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';
import { AppError } from '../../shared/ipc/errors';
import { crc32 } from './crc32';
import { ZIP_ARCHIVE_BYTES_MAX, ZIP_TOTAL_BYTES_MAX } from '../../shared/ipc/byte-limits';
import { msg, type Message } from '../../shared/messages/message';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** The archive's own size (default ZIP_ARCHIVE_BYTES_MAX, what the request schema allows). */
  maxArchiveBytes?: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxEntryBytes: 8 * 1024 * 1024, maxTotalBytes: ZIP_TOTAL_BYTES_MAX };

interface CentralEntry {
  name: string;
  /** Declared uncompressed size. */
  size: number;
  compressedSize: number;
  crc: number;
  method: number;
  flags: number;
  localOffset: number;
  isSymlink: boolean;
  isDirectory: boolean;
}

export function readZip(bytes: Uint8Array, fileName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Uint8Array> {
  const maxArchive = limits.maxArchiveBytes ?? ZIP_ARCHIVE_BYTES_MAX;
  if (bytes.length > maxArchive) {
    throw new AppError('FILE_TOO_LARGE', msg('zip.archiveTooLarge', { file: fileName, size: bytes.length, max: maxArchive }), { file: fileName });
  }
  const entries = centralDirectory(bytes, fileName);
  if (entries.length > limits.maxEntries) {
    throw new AppError('IMPORT_FAILED', msg('zip.tooManyEntries', { file: fileName, n: entries.length, max: limits.maxEntries }), { file: fileName });
  }
  let total = 0;
  for (const e of entries) {
    assertSafePath(e.name, fileName);
    if (e.isSymlink) throw new AppError('PATH_ESCAPE', msg('zip.symlink', { file: fileName, entry: e.name }), { file: fileName, entry: e.name });
    if (e.size > limits.maxEntryBytes) {
      throw new AppError('FILE_TOO_LARGE', msg('zip.entryTooLarge', { file: fileName, entry: e.name, size: e.size, max: limits.maxEntryBytes }), {
        file: fileName,
        entry: e.name,
      });
    }
    total += e.size;
  }
  if (total > limits.maxTotalBytes) {
    throw new AppError('FILE_TOO_LARGE', msg('zip.expandsTooMuch', { file: fileName, size: total, max: limits.maxTotalBytes }), { file: fileName });
  }
  const out = new Map<string, Uint8Array>();
  for (const e of entries) if (!e.isDirectory) out.set(e.name, entryData(bytes, e, fileName));
  return out;
}

/** One entry's bytes, inflated at most to its declared size, checked against its declared length and CRC-32. */
function entryData(b: Uint8Array, e: CentralEntry, fileName: string): Uint8Array {
  const details = { file: fileName, entry: e.name };
  const damaged = (why: Message) => new AppError('IMPORT_FAILED', msg('zip.entryDamaged', { file: fileName, entry: e.name, why }), details);
  if (e.flags & 1) throw damaged(msg('zip.why.encrypted'));
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const p = e.localOffset;
  if (p + 30 > b.length || view.getUint32(p, true) !== 0x04034b50) throw damaged(msg('zip.why.noLocalHeader'));
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const end = start + e.compressedSize;
  if (end > b.length) throw damaged(msg('zip.why.pastEnd'));
  const raw = b.subarray(start, end);
  let data: Uint8Array;
  if (e.method === 0)
    data = raw; // stored
  else if (e.method === 8) {
    try {
      // Node stops (ERR_BUFFER_TOO_LARGE) as soon as the output passes the
      // declared size, one 16 KiB chunk at most; 0 is not a valid maximum.
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new AppError('FILE_TOO_LARGE', msg('zip.inflatesPast', { file: fileName, entry: e.name, size: e.size }), details);
      }
      throw damaged(msg('zip.why.cannotInflate', { cause: (err as Error).message }));
    }
  } else throw damaged(msg('zip.why.method', { method: String(e.method) }));
  if (data.length !== e.size) throw damaged(msg('zip.why.sizeMismatch', { size: data.length, declared: e.size }));
  if (crc32(data) !== e.crc) throw damaged(msg('zip.why.crc'));
  return data;
}

export function writeZip(files: Map<string, string | Uint8Array>): Uint8Array {
  const input: Zippable = {};
  for (const [path, content] of files) {
    input[path] = [typeof content === 'string' ? new TextEncoder().encode(content) : content, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') }];
  }
  return zipSync(input);
}

export function assertSafePath(name: string, fileName: string): void {
  const parts = name.split(/[\\/]/);
  if (name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name) || parts.includes('..') || name.includes('\0')) {
    throw new AppError('PATH_ESCAPE', msg('zip.entryEscapes', { file: fileName, entry: name }), { file: fileName, entry: name });
  }
}

/** Whether an extra-field block holds a zip64 field (header id 0x0001). */
function hasZip64Extra(view: DataView, start: number, length: number): boolean {
  for (let q = start; q + 4 <= start + length; q += 4 + view.getUint16(q + 2, true)) if (view.getUint16(q, true) === 0x0001) return true;
  return false;
}

/** Reads the zip's central directory (names, declared sizes and CRCs, where each entry starts, Unix modes) without inflating. */
function centralDirectory(b: Uint8Array, fileName: string): CentralEntry[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AppError('IMPORT_FAILED', msg('zip.notZip', { file: fileName }), { file: fileName });
  const refuse = (why: Message) => new AppError('IMPORT_FAILED', msg('zip.damaged', { file: fileName, why }), { file: fileName });
  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  const onThisDisk = view.getUint16(eocd + 8, true);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdStart = view.getUint32(eocd + 16, true);
  // Zip64 moves the real counts, sizes and offsets into records this reader
  // does not parse; reading the 32-bit placeholders instead is how a checker
  // and an inflater come to disagree, so such archives are refused outright.
  // Bundles are far below 4 GiB and 65,535 entries and never need zip64.
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === 0x07064b50) throw refuse(msg('zip.why.zip64Record'));
  if (onThisDisk === 0xffff || count === 0xffff || cdSize === 0xffffffff || cdStart === 0xffffffff) throw refuse(msg('zip.why.zip64Markers'));
  if (disk !== 0 || cdDisk !== 0) throw refuse(msg('zip.why.split'));
  // The counts must agree with each other and with the records actually
  // there: a reader that trusts one field while another tool walks the
  // records is how a small declared count hides a large archive.
  if (onThisDisk !== count) throw refuse(msg('zip.why.diskCount', { count, onDisk: onThisDisk }));
  if (cdStart + cdSize > eocd) throw refuse(msg('zip.why.overlap'));
  let p = cdStart;
  const cdEnd = cdStart + cdSize;
  const entries: CentralEntry[] = [];
  const decoder = new TextDecoder();
  while (p < cdEnd) {
    if (p + 46 > cdEnd || view.getUint32(p, true) !== 0x02014b50) throw refuse(msg('zip.why.damagedDirectory'));
    if (entries.length >= count) throw refuse(msg('zip.why.moreEntries', { count }));
    const madeBy = view.getUint16(p + 4, true) >> 8;
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const external = view.getUint32(p + 38, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen + commentLen > cdEnd) throw refuse(msg('zip.why.damagedDirectory'));
    const name = decoder.decode(b.subarray(p + 46, p + 46 + nameLen));
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff || hasZip64Extra(view, p + 46 + nameLen, extraLen)) {
      throw refuse(msg('zip.why.zip64Entry', { entry: name }));
    }
    const mode = madeBy === 3 ? (external >>> 16) & 0o170000 : 0; // 3 = Unix
    entries.push({ name, size, compressedSize, crc, method, flags, localOffset, isSymlink: mode === 0o120000, isDirectory: name.endsWith('/') });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (entries.length !== count) throw refuse(msg('zip.why.fewerEntries', { count, held: entries.length }));
  return entries;
}
