// Zip in and out for bundles, on fflate. Reading refuses, before inflating
// anything, what could escape or exhaust: absolute paths and `..`, symlinks
// (Unix mode in the central directory's external attributes), too many
// entries, entries or totals over the size limits (from the declared sizes,
// then checked again on the inflated data).
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { AppError } from '../../shared/ipc/errors';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxEntryBytes: 8 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

interface CentralEntry {
  name: string;
  size: number;
  isSymlink: boolean;
  isDirectory: boolean;
}

export function readZip(bytes: Uint8Array, fileName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Uint8Array> {
  const entries = centralDirectory(bytes, fileName);
  if (entries.length > limits.maxEntries) {
    throw new AppError('IMPORT_FAILED', `${fileName} holds ${entries.length} entries; at most ${limits.maxEntries} are imported.`, { file: fileName });
  }
  let total = 0;
  for (const e of entries) {
    assertSafePath(e.name, fileName);
    if (e.isSymlink) throw new AppError('PATH_ESCAPE', `${fileName}: ${e.name} is a symbolic link; bundles may only hold plain files.`, { file: fileName, entry: e.name });
    if (e.size > limits.maxEntryBytes) {
      throw new AppError('FILE_TOO_LARGE', `${fileName}: ${e.name} is ${e.size} bytes; an entry may be at most ${limits.maxEntryBytes}.`, { file: fileName, entry: e.name });
    }
    total += e.size;
  }
  if (total > limits.maxTotalBytes) {
    throw new AppError('FILE_TOO_LARGE', `${fileName} expands to ${total} bytes; at most ${limits.maxTotalBytes} are imported.`, { file: fileName });
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => !f.name.endsWith('/') });
  } catch (err) {
    throw new AppError('IMPORT_FAILED', `${fileName} is not a readable zip file: ${(err as Error).message}`, { file: fileName });
  }
  const out = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) {
    // The declared size can lie; the inflated one cannot.
    if (data.length > limits.maxEntryBytes) throw new AppError('FILE_TOO_LARGE', `${fileName}: ${name} inflates past ${limits.maxEntryBytes} bytes.`, { file: fileName, entry: name });
    out.set(name, data);
  }
  return out;
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
    throw new AppError('PATH_ESCAPE', `${fileName}: the entry "${name}" points outside the bundle's folder; nothing was imported.`, { file: fileName, entry: name });
  }
}

/** Reads the zip's central directory (names, declared sizes, Unix modes) without inflating. */
function centralDirectory(b: Uint8Array, fileName: string): CentralEntry[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AppError('IMPORT_FAILED', `${fileName} is not a zip file (no end of central directory).`, { file: fileName });
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries: CentralEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) {
      throw new AppError('IMPORT_FAILED', `${fileName} has a damaged central directory.`, { file: fileName });
    }
    const madeBy = view.getUint16(p + 4, true) >> 8;
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const external = view.getUint32(p + 38, true);
    const name = decoder.decode(b.subarray(p + 46, p + 46 + nameLen));
    const mode = madeBy === 3 ? (external >>> 16) & 0o170000 : 0; // 3 = Unix
    entries.push({ name, size, isSymlink: mode === 0o120000, isDirectory: name.endsWith('/') });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}
