import { describe, expect, it } from 'vitest';
import { en } from '../../../../renderer/i18n/en';
import { zhCN } from '../../../../renderer/i18n/zh-CN';
import { guessLocale } from '../../../../renderer/i18n/index';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('UI strings', () => {
  it('has the same keys in English and Simplified Chinese', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });

  it('translates every string (no English left in the Chinese table)', () => {
    const same = keys(en).filter((k) => {
      const get = (o: object) => k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], o);
      const value = get(en) as string;
      return value === get(zhCN) && /[a-z]{4,}/i.test(value) && !/^[A-Z]{2,}/.test(value);
    });
    expect(same).toEqual([]);
  });

  it('picks Chinese for a zh browser and English otherwise', () => {
    expect(guessLocale(['zh-TW', 'en'])).toBe('zh-CN');
    expect(guessLocale(['de-DE'])).toBe('en');
  });
});
