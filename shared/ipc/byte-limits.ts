// Byte limits of requests that carry a whole file as base64, shared by the
// zod schemas (which refuse an oversized request before it is decoded into
// memory) and the readers behind them.

const MiB = 1024 * 1024;

/** What a zip import may expand to in all (main/files/zip.ts's DEFAULT_ZIP_LIMITS). */
export const ZIP_TOTAL_BYTES_MAX = 64 * MiB;
/**
 * The archive itself: the expanded bytes stored uncompressed plus room for
 * the headers (10,000 entries of two headers and a name each fit in 8 MiB).
 * A bigger archive cannot be a valid import, so it is never decoded.
 */
export const ZIP_ARCHIVE_BYTES_MAX = ZIP_TOTAL_BYTES_MAX + 8 * MiB;
/**
 * A library file to merge. Set so that its base64 (4/3 of it) is what the
 * browser host's 96 MiB request body carries: a larger file could come in
 * over Electron's IPC but never over HTTP, and the two hosts take the same.
 */
export const LIBRARY_FILE_BYTES_MAX = 72 * MiB;

/** The length of the base64 text of `bytes` bytes (with padding). */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}
