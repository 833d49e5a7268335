// The export form's zod issues in the UI language, not zod's English (issue 16).
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { en } from '../../../../renderer/i18n/en';
import { zhCN } from '../../../../renderer/i18n/zh-CN';
import { formIssueText } from '../../../../renderer/i18n/form-issue';
import { appInfoSchema, versionInfoSchema } from '../../../../shared/apps/manifest';

function issues(locale: 'en' | 'zh-CN', result: { error?: { issues: Parameters<typeof formIssueText>[0][] } }): string[] {
  const i18n = createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } });
  return (result.error?.issues ?? []).map((i) => formIssueText(i, (k, p) => i18n.global.t(k, p ?? {})));
}

describe('form issues', () => {
  const app = appInfoSchema.safeParse({ name: '', category: 'nope', tags: [], description: '', author: 'x'.repeat(65) });
  const version = versionInfoSchema.safeParse({ version: 'one', description: 'd', appAccess: [], serviceAccess: [], usage: 'u' });

  it('words required, too long, a bad choice and a bad version in Chinese', () => {
    expect(issues('zh-CN', app)).toEqual(['此字段为必填项', '请从提供的选项中选择', '最多 64 个字符']);
    expect(issues('zh-CN', version)).toEqual(['版本号格式如 1.0.1 或 v1.0']);
  });

  it('and in English', () => {
    expect(issues('en', app)).toEqual(['this field is required', 'choose one of the offered values', 'at most 64 characters']);
  });
});
