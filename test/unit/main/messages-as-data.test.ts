// Issue 16: what main/files, main/library, main/apps, main/platform and
// main/ipc tell a person crosses as a message key, so it reads in the
// user's language. A refusal written as a plain English string (or template
// literal) would show English to a zh-CN user: this test finds one in the
// source, and words real refusals in Chinese.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { errorText } from '../../../renderer/i18n/words';
import { assertOpenableLibrary } from '../../../main/library/library-file-check';
import { readZip } from '../../../main/files/zip';
import { nameProblem } from '../../../shared/library/names';
import { wordMessage } from '../../../shared/messages/word';

const FOLDERS = ['main/files', 'main/library', 'main/apps', 'main/platform', 'main/ipc'];
// Another engineer's (the template status pipeline); converted there.
const ELSEWHERE = new Set(['main/library/template-checker.ts', 'main/files/stack-sync.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') && !ELSEWHERE.has(path) ? [path] : [];
  });
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('nothing was refused');
}

describe('messages as data in main', () => {
  it('has no AppError written as a plain English string in its folders', () => {
    const plain = FOLDERS.flatMap(sources).flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/new AppError\(\s*[^,]+,\s*(['"`])/g)].map((m) => `${path}: ${m[0]}`),
    );
    expect(plain).toEqual([]);
  });

  it('words a file that is not a library in Chinese, keeping the English sentence', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'msg-')), 'photo.sqlite');
    writeFileSync(path, 'not a database at all');
    const err = refusal(() => assertOpenableLibrary(path));
    expect(err.message).toBe(`${path}: this file is not a Heat Studio library (not an SQLite database); it was left untouched.`);
    expect(errorText(err.toPayload(), 'zh-CN')).toBe(`${path}：此文件不是 Heat Studio 的模版库（不是 SQLite 数据库）；文件保持原样。`);
  });

  it('words a damaged zip and its reason in Chinese', () => {
    const eocdOnly = new Uint8Array(22);
    new DataView(eocdOnly.buffer).setUint32(0, 0x06054b50, true);
    new DataView(eocdOnly.buffer).setUint16(4, 1, true); // disk 1: a split archive
    const err = refusal(() => readZip(eocdOnly, 'broken.zip'));
    expect(err.message).toBe('broken.zip is one part of a split (multi-disk) archive; nothing was imported.');
    expect(errorText(err.toPayload(), 'zh-CN')).toBe('broken.zip 是分卷（多磁盘）压缩包的一部分；未导入任何内容。');
  });

  it('words a name problem with its subject in the reader’s language', () => {
    const m = nameProblem('   ', 'template', 255)!;
    expect(wordMessage(m, 'en')).toBe('A template name cannot be empty.');
    expect(wordMessage(m, 'zh-CN')).toBe('模版名称不能为空。');
  });
});
