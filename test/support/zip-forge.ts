// Zips that lie about themselves, for the reader's refusals: each entry's
// declared sizes and CRC (written the same into the local header and the
// central directory, as a forger patching both would) can be set apart from
// its real data.
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../main/files/crc32';

export interface ForgedEntry {
  name: string;
  data: Uint8Array;
  /** 0 stored, 8 deflated (default). */
  method?: 0 | 8;
  /** Declared uncompressed size (default: the real one). */
  size?: number;
  /** Declared CRC-32 (default: the real one). */
  crc?: number;
  /** An extra field in the central record (e.g. a zip64 one, header id 1). */
  extra?: Uint8Array;
}

/** Lies the end record can tell; each defaults to the truth. */
export interface ForgedEnd {
  /** Entries on this disk (EOCD offset 8). */
  onThisDisk?: number;
  /** Entries in all (EOCD offset 10). */
  total?: number;
  /** Put a zip64 end-of-central-directory locator before the end record. */
  zip64Locator?: boolean;
}

export function forgeZip(entries: ForgedEntry[], end: ForgedEnd = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(e.data) : Buffer.from(e.data);
    const name = Buffer.from(e.name, 'utf8');
    const crc = e.crc ?? crc32(e.data);
    const size = e.size ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    const extra = Buffer.from(e.extra ?? new Uint8Array(0));
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name, extra);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(end.onThisDisk ?? entries.length, 8);
  eocd.writeUInt16LE(end.total ?? entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  // The locator's content does not matter: a reader that handles zip64 would follow it, ours must refuse.
  const locator = Buffer.alloc(end.zip64Locator ? 20 : 0);
  if (end.zip64Locator) locator.writeUInt32LE(0x07064b50, 0);
  return new Uint8Array(Buffer.concat([...locals, cd, locator, eocd]));
}
