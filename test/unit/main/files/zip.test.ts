import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { readZip, writeZip } from '../../../../main/files/zip';
import { forgeZip } from '../../../support/zip-forge';
import { errorText } from '../../../../renderer/i18n/words';
import type { AppError } from '../../../../shared/ipc/errors';

const enc = (s: string) => new TextEncoder().encode(s);

/** Marks an entry as a Unix symlink in the central directory, as `zip -y` does. */
function withSymlink(zip: Uint8Array, entryName: string): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let p = 0; p < out.length - 46; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const nameLen = view.getUint16(p + 28, true);
    if (new TextDecoder().decode(out.subarray(p + 46, p + 46 + nameLen)) !== entryName) continue;
    view.setUint16(p + 4, (3 << 8) | 20, true); // made by Unix
    view.setUint32(p + 38, (0o120777 << 16) >>> 0, true);
  }
  return out;
}

describe('zip reading', () => {
  it('round-trips files written by writeZip', () => {
    const files = readZip(
      writeZip(
        new Map([
          ['a/b.yaml', 'x: 1\n'],
          ['c.txt', 'hi'],
        ]),
      ),
      't.zip',
    );
    expect(new TextDecoder().decode(files.get('a/b.yaml'))).toBe('x: 1\n');
    expect([...files.keys()].sort()).toEqual(['a/b.yaml', 'c.txt']);
  });

  it('refuses entries that escape the folder', () => {
    for (const name of ['../evil.yaml', 'a/../../evil.yaml', '/etc/passwd', 'C:/x.yaml']) {
      expect(() => readZip(zipSync({ [name]: enc('x') }), 'bad.zip')).toThrow(expect.objectContaining({ code: 'PATH_ESCAPE' }));
    }
  });

  it('refuses a symbolic link', () => {
    const zip = withSymlink(zipSync({ 'link.yaml': enc('/etc/passwd'), 'ok.yaml': enc('a: 1') }), 'link.yaml');
    expect(() => readZip(zip, 'links.zip')).toThrow(expect.objectContaining({ code: 'PATH_ESCAPE', message: expect.stringContaining('symbolic link') }));
  });

  it('refuses too many entries and entries too large, before inflating', () => {
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.yaml`, enc('a: 1')]));
    expect(() => readZip(zipSync(many), 'many.zip', { maxEntries: 10, maxEntryBytes: 1e6, maxTotalBytes: 1e7 })).toThrow(/20 entries/);
    const bomb = zipSync({ 'big.yaml': new Uint8Array(5_000_000) }); // compresses to a few KB
    expect(() => readZip(bomb, 'bomb.zip', { maxEntries: 10, maxEntryBytes: 1_000_000, maxTotalBytes: 1e7 })).toThrow(
      expect.objectContaining({ code: 'FILE_TOO_LARGE' }),
    );
  });

  it('refuses something that is not a zip', () => {
    expect(() => readZip(enc('just text'), 'notes.zip')).toThrow(/not a zip/);
    // The refusal crosses as a message key, worded in Chinese for a zh-CN reader.
    let caught: unknown;
    try {
      readZip(enc('just text'), 'notes.zip');
    } catch (err) {
      caught = err;
    }
    expect(errorText((caught as AppError).toPayload(), 'zh-CN')).toBe('notes.zip 不是 zip 文件（缺少中央目录结尾记录）。');
  });

  it('reads what the forging helper writes when it does not lie (stored and deflated)', () => {
    const files = readZip(
      forgeZip([
        { name: 'a.yaml', data: enc('a: 1\n') },
        { name: 'b.txt', data: enc('hi'), method: 0 },
      ]),
      'honest.zip',
    );
    expect(new TextDecoder().decode(files.get('a.yaml'))).toBe('a: 1\n');
    expect(new TextDecoder().decode(files.get('b.txt'))).toBe('hi');
  });

  it('stops inflating an entry whose sizes are forged small, at its declared size', () => {
    // A template followed by 128 MiB of zeros, declared as 1,000 bytes in both headers.
    const data = new Uint8Array(128 * 1024 * 1024);
    data.set(enc('heat_template_version: 2018-08-31\nresources: {}\n'));
    const zip = forgeZip([
      { name: 'ok.yaml', data: enc('a: 1') },
      { name: 'main.yaml', data, size: 1000 },
    ]);
    // The refusal comes from zlib's output cap (maxOutputLength = the declared size), not from
    // a length compared after inflating it all (about half a second here); no timing is asserted
    // so a loaded CI machine cannot make this flaky.
    expect(() => readZip(zip, 'forged.zip')).toThrow(
      expect.objectContaining({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('inflates past the 1000 bytes it declares') }),
    );
  });

  it('refuses an entry shorter than it declares (a truncated stream padded out by the reader)', () => {
    const zip = forgeZip([{ name: 'main.yaml', data: enc('heat_template_version: 2018-08-31\n'), size: 1000 }]);
    expect(() => readZip(zip, 'short.zip')).toThrow(
      expect.objectContaining({ code: 'IMPORT_FAILED', message: expect.stringContaining('not the 1000 it declares') }),
    );
  });

  it.each([8, 0] as const)('refuses an entry (method %i) whose CRC-32 does not match its data, and the whole archive with it', (method) => {
    const zip = forgeZip([
      { name: 'ok.yaml', data: enc('a: 1') },
      { name: 'main.yaml', data: enc('heat_template_version: 2018-08-31\n'), method, crc: 0x12345678 },
    ]);
    expect(() => readZip(zip, 'crc.zip')).toThrow(expect.objectContaining({ code: 'IMPORT_FAILED', message: expect.stringContaining('CRC-32') }));
  });
});
