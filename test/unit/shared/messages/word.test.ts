import { describe, expect, it } from 'vitest';
import { localeFromSystem } from '../../../../shared/messages/word';

describe('localeFromSystem', () => {
  it('reads POSIX and BCP 47 names; anything not Chinese is English', () => {
    for (const zh of ['zh_CN.UTF-8', 'zh-CN', 'zh-Hans-CN', 'zh', 'zh_TW', 'ZH_cn.utf8']) expect(localeFromSystem(zh), zh).toBe('zh-CN');
    for (const en of ['en_US.UTF-8', 'C', 'POSIX', '', undefined, null, 'de-DE', 'zu_ZA']) expect(localeFromSystem(en), String(en)).toBe('en');
  });
});
