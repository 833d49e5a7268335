// Bytes -> text for imported files: strict UTF-8 (no guessing at other
// encodings), the file named in the error. A BOM is kept as written so the
// bytes round-trip exactly.
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array, fileName: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    let offset = 0;
    // Find the first bad byte so the error says where.
    for (let end = 1; end <= bytes.length; end++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
        offset = end;
      } catch {
        break;
      }
    }
    throw new AppError('IMPORT_FAILED', msg('files.notUtf8', { file: fileName, offset: String(offset) }), {
      file: fileName,
      offset,
    });
  }
}
