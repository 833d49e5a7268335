// Heat's fixed reasons and actions are worded in the reader's language; a
// failure's own message and reasons of no known form stay as Heat wrote them.
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { en } from '../../../../renderer/i18n/en';
import { zhCN } from '../../../../renderer/i18n/zh-CN';
import { HEAT_ACTIONS, heatAction, heatReason } from '../../../../renderer/stacks/heat-words';

function translator(locale: 'en' | 'zh-CN') {
  const i18n = createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } });
  return (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {});
}

describe('Heat’s words', () => {
  const zh = translator('zh-CN');
  const english = translator('en');

  it('words the fixed reasons in Chinese, and keeps a failure’s message as Heat’s', () => {
    expect(heatReason('state changed', zh)).toEqual({ text: '状态已变更', heatDetail: null, asHeatWrote: false });
    expect(heatReason('Stack CREATE completed successfully', zh)?.text).toBe('编排部署创建成功完成');
    expect(heatReason('Stack DELETE started', zh)?.text).toBe('编排部署删除已开始');
    expect(heatReason('Resource CREATE failed: ValueError: resources.doomed: Test Resource failed doomed', zh)).toEqual({
      text: '资源创建失败：',
      heatDetail: 'ValueError: resources.doomed: Test Resource failed doomed',
      asHeatWrote: false,
    });
  });

  it('reads the same in English as Heat wrote it', () => {
    for (const reason of ['state changed', 'Stack CREATE completed successfully', 'Stack UPDATE started'])
      expect(heatReason(reason, english)?.text).toBe(reason);
    const failed = heatReason('Stack CREATE failed: Resource CREATE failed: x', english)!;
    expect(`${failed.text} ${failed.heatDetail}`).toBe('Stack CREATE failed: Resource CREATE failed: x');
  });

  it('leaves a reason of no known form, and an unknown action, as Heat wrote them', () => {
    expect(heatReason('Something new from Heat', zh)).toEqual({ text: 'Something new from Heat', heatDetail: null, asHeatWrote: true });
    expect(heatReason(null, zh)).toBeNull();
    expect(heatAction('MIGRATE', zh)).toBe('MIGRATE');
  });

  it('has every action in both languages', () => {
    for (const a of HEAT_ACTIONS) {
      expect(heatAction(a, english)).toBe(a);
      expect(heatAction(a, zh)).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
