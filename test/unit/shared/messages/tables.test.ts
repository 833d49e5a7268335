// Every message key of the registry (shared/messages/en.ts) has English and
// zh-CN text with the same {parameters}; every AppError code has a title in
// both; the zh-CN texts use the glossary's terms; and the renderer words a
// cloud error in the chosen language, falling back to English for a key
// nobody translated.
import { describe, expect, it } from 'vitest';
import { messagesEn } from '../../../../shared/messages/en';
import { englishText, listParam, msg, placeholders, timeParam } from '../../../../shared/messages/message';
import { messagesZhCN } from '../../../../shared/messages/zh-CN';
import { ERROR_CODES, AppError } from '../../../../shared/ipc/errors';
import { forbiddenVariants } from '../../../../shared/messages/glossary-zh-CN';
import { errorText, wordMessage } from '../../../../renderer/i18n/words';
import { errorFromResponse, networkError } from '../../../../main/cloud/cloud-errors';

const keys = Object.keys(messagesEn) as (keyof typeof messagesEn)[];

describe('the message registry', () => {
  it.each(keys)('%s has both languages with the same parameters', (key) => {
    const zh = messagesZhCN[key];
    expect(messagesEn[key], key).not.toBe('');
    expect(zh, `${key} has no zh-CN text`).toBeTruthy();
    expect(placeholders(zh!), key).toEqual(placeholders(messagesEn[key]));
  });

  it('has no zh-CN key the registry does not know', () => {
    expect(Object.keys(messagesZhCN).filter((k) => !(k in messagesEn))).toEqual([]);
  });

  it('titles every AppError code in both languages', () => {
    const missing = ERROR_CODES.filter((c) => !(`error.${c}` in messagesEn) || !messagesZhCN[`error.${c}` as keyof typeof messagesEn]);
    expect(missing).toEqual([]);
  });

  it('uses the glossary’s terms in every zh-CN text', () => {
    const offending = Object.entries(messagesZhCN).flatMap(([k, text]) => forbiddenVariants(text!).map((f) => `${k}: ${f.variant}`));
    expect(offending).toEqual([]);
  });
});

describe('wording', () => {
  it('words nested messages, lists and times in the reader’s language', () => {
    const m = msg('status.overQuotaIn', {
      region: 'RegionOne',
      at: timeParam('2026-11-23T08:11:00Z'),
      kinds: listParam([
        msg('quota.overKind', { kind: msg('quota.kind.instances'), total: 2, limit: 1 }),
        msg('quota.overKind', { kind: msg('quota.kind.cores'), total: 4, limit: 2 }),
      ]),
    });
    expect(englishText(m)).toBe('Over quota in RegionOne (quota read 2026-11-23 08:11 UTC): instances 2/1, cores 4/2 (used + this template / limit).');
    const zh = wordMessage(m, 'zh-CN');
    expect(zh).toContain('在 RegionOne 超出配额');
    expect(zh).toContain('云主机 2/1、虚拟 CPU 4/2');
    expect(zh).toMatch(/2026/);
  });

  it('reads an untranslated key in English, and an unknown one as its key', () => {
    expect(wordMessage({ key: 'nobody.added', params: { a: 'x' } }, 'zh-CN')).toBe('nobody.added (a=x)');
  });

  it('words a refused connection (Keystone down) and a Heat 409 name clash in Chinese, keeping English in the error itself', () => {
    const refused = networkError(
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      'POST',
      'http://127.0.0.1:9/v3/auth/tokens',
      'Keystone',
    );
    expect(refused.message).toBe('Keystone at http://127.0.0.1:9 refused the connection: nothing listens there (is the service running?)');
    expect(errorText(refused.toPayload(), 'zh-CN')).toBe('Keystone（http://127.0.0.1:9）拒绝连接：该地址上没有服务在监听（服务是否在运行？）');
    const clash = errorFromResponse({
      status: 409,
      service: 'Heat',
      method: 'POST',
      url: 'http://127.0.0.1:8004/v1/p/stacks',
      requestId: null,
      headers: { 'content-type': 'application/json' },
      text: JSON.stringify({ code: 409, error: { message: 'The Stack (web) already exists.', type: 'StackExists' }, title: 'Conflict' }),
      truncated: false,
    } as unknown as Parameters<typeof errorFromResponse>[0]);
    expect(clash.code).toBe('CONFLICT');
    expect(errorText(clash.toPayload(), 'zh-CN')).toBe('Heat 拒绝了该名称（409）：本项目中已有名为“web”的编排部署');
    expect(errorText(clash.toPayload(), 'en')).toBe('Heat refused the name (409): a stack named "web" already exists in this project');
  });

  it('gives a plain-English error its code’s Chinese title', () => {
    expect(errorText(new AppError('IMPORT_FAILED', 'the zip has no template.yaml').toPayload(), 'zh-CN')).toBe('导入失败：the zip has no template.yaml');
    expect(errorText(new Error('boom'), 'zh-CN')).toBe('boom');
  });
});
