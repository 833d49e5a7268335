// Issue 16: refusals made in main/cloud, main/existing, main/stacksets and
// main/quota cross as message keys, so a zh-CN reader gets Chinese in the
// seed's words, with no English left but names (services, ids, URLs, the
// user's own names), while the English text stays what it always was.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/ipc/errors';
import { emptyProfileFields } from '../../../../shared/cloud/profile';
import { errorText, warningTexts } from '../../../../renderer/i18n/words';
import { KeystoneSession, authBody } from '../../../../main/cloud/keystone';
import { findEndpoint } from '../../../../main/cloud/catalog';
import { importCloudsYaml } from '../../../../main/cloud/clouds-yaml';
import type { HttpClient, HttpResponse } from '../../../../main/cloud/http';
import { parsePublicKey } from '../../../../main/existing/keypairs';
import { seedErrorFromCloud } from '../../../../main/stacksets/seed-errors';
import { stackSetRefusalText } from '../../../../renderer/i18n/words';

/** Latin words left once the names this text may hold are taken out. */
function englishWords(text: string, names: string[]): string[] {
  let rest = text.replace(/https?:\/\/\S+/g, '');
  for (const n of names) rest = rest.split(n).join('');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  throw new Error('no error thrown');
}

/** Keystone answering the token request with 401 (the transport only; the real Keystone is in test/integration). */
function http401(): HttpClient {
  const res = {
    status: 401,
    url: 'http://127.0.0.1:5000/v3/auth/tokens',
    headers: {},
    text: '{"error":{"code":401,"title":"Unauthorized"}}',
    requestId: null,
  } as unknown as HttpResponse;
  return { request: async () => res } as unknown as HttpClient;
}

describe('main/cloud refusals in zh-CN', () => {
  it("words Keystone's 401 for a wrong password in Chinese, the English unchanged", async () => {
    const fields = {
      ...emptyProfileFields('lab', 'http://127.0.0.1:5000/v3'),
      username: 'demo',
      userDomainName: 'Default',
      projectName: 'demo',
      projectDomainName: 'Default',
    };
    const err = (await new KeystoneSession(http401(), fields, () => 'wrong').authenticate().catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('AUTH_FAILED');
    expect(err.message).toBe(
      'Keystone refused user "demo" in domain Default: wrong password or user name, unknown or disabled user, or no role on project "demo" in domain Default (does it exist?).',
    );
    const zh = errorText(err.toPayload(), 'zh-CN');
    expect(zh).toBe(
      'Keystone 拒绝了域 Default 中的用户“demo”：密码或用户名错误，或用户不存在、已停用，或在域 Default 的项目“demo”中没有角色（该项目是否存在？）。',
    );
    expect(englishWords(zh, ['Keystone', 'Default', 'demo'])).toEqual([]);
  });

  it('words a profile without a secret, a catalog without Heat and a region not offered', () => {
    const noSecret = caught(() => authBody({ ...emptyProfileFields('lab', 'http://x/v3'), username: 'u', projectName: 'p' }, ''));
    expect(noSecret.message).toBe('The profile has no password stored.');
    expect(errorText(noSecret.toPayload(), 'zh-CN')).toBe('云配置中没有保存密码。');
    const noHeat = caught(() => findEndpoint([{ type: 'identity', endpoints: [] } as never], { type: 'orchestration', region: null, interface: 'public' }));
    expect(noHeat.message).toBe(
      "The cloud's service catalog has no orchestration service (it offers: identity). Heat is not installed there, or this project cannot see it.",
    );
    expect(englishWords(errorText(noHeat.toPayload(), 'zh-CN'), ['orchestration', 'identity', 'Heat'])).toEqual([]);
    const region = caught(() =>
      findEndpoint([{ type: 'orchestration', endpoints: [{ region_id: 'RegionOne', interface: 'public', url: 'http://h' }] } as never], {
        type: 'orchestration',
        region: 'Two',
        interface: 'public',
      }),
    );
    expect(errorText(region.toPayload(), 'zh-CN')).toBe('云在区域“Two”中没有 orchestration 端点（提供它的区域：RegionOne）。');
  });

  it('words clouds.yaml import warnings in Chinese and keeps them in English too', () => {
    const [p] = importCloudsYaml('clouds:\n  lab:\n    verify: false\n    auth:\n      auth_url: https://k/v3\n      username: u\n', null);
    expect(p!.warnings.join()).toMatch(/TLS verification is off/);
    const zh = warningTexts(p!, 'zh-CN');
    expect(zh).toEqual(['此云关闭了 TLS 验证（verify: false）。', 'clouds.yaml 和 secure.yaml 中都没有密码：连接前请输入。']);
  });
});

describe('main/existing and main/stacksets refusals in zh-CN', () => {
  it('words a pasted private key', () => {
    const err = caught(() => parsePublicKey('-----BEGIN OPENSSH PRIVATE KEY-----'));
    expect(englishWords(errorText(err.toPayload(), 'zh-CN'), ['pub', 'ssh-ed25519', 'ssh-rsa', 'ssh', 'ed', 'rsa'])).toEqual([]);
  });

  it("words a stack-set refusal from Keystone's 401 with the cloud's error inside it worded too", () => {
    const cloud = new AppError(
      'AUTH_FAILED',
      { key: 'cloud.auth.refused', params: { who: { key: 'cloud.auth.who.token' }, why: { key: 'cloud.auth.why.token' }, scope: '' } },
      { status: 401 },
    );
    const seed = seedErrorFromCloud(cloud, { action: 'authenticate', field: 'profile_ids', profile: 'lab' })!;
    expect(seed.error_msg).toBe('authenticate (profile "lab"): Keystone refused the given token: it is expired or revoked, or has no role on the project.');
    expect(stackSetRefusalText(seed, 'zh-CN')).toBe(
      `${seed.error_code}: 认证（云配置“lab”）：Keystone 拒绝了所给的令牌：令牌已过期或已被撤销，或在该项目中没有角色。`,
    );
  });
});
