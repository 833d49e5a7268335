// Stack-set refusals cross as the seed's body plus a message key: error_msg
// stays the English the seed's API answers with, the form words the key in
// the UI's language (issue 16).
import { describe, expect, it } from 'vitest';
import { checkRegionLimits, validatePreferences } from '../../../../shared/stacksets/preferences';
import { validateNewStackSetName } from '../../../../shared/stacksets/stack-set';
import { parseDomainIdsCsv } from '../../../../shared/stacksets/targets';
import { toErrorPayload, type Checked, type StackSetError } from '../../../../shared/stacksets/errors';
import { errorText, stackSetRefusalText } from '../../../../renderer/i18n/words';

function refusal<T>(checked: Checked<T>): StackSetError {
  if (checked.ok) throw new Error('expected a refusal');
  return checked.error;
}

describe('stack-set refusals in both languages', () => {
  it('words a preference refusal in Chinese, keeping the seed field names, and keeps English in error_msg', () => {
    const e = refusal(validatePreferences({ failure_tolerance_count: 1, failure_tolerance_percentage: 5 }, ['r1']));
    expect(e.error_msg).toBe('give failure_tolerance_count or failure_tolerance_percentage, not both');
    expect(stackSetRefusalText(e, 'en')).toBe(`${e.error_code}: give failure_tolerance_count or failure_tolerance_percentage, not both`);
    expect(stackSetRefusalText(e, 'zh-CN')).toBe(`${e.error_code}: failure_tolerance_count 与 failure_tolerance_percentage 只能指定其一`);
  });

  it('words parameters: a range, a region left out of region_order, the per-region limit', () => {
    expect(stackSetRefusalText(refusal(validatePreferences({ max_concurrent_count: 9 }, ['r1'])), 'zh-CN')).toMatch(
      /max_concurrent_count 必须是 1 到 5 之间的整数$/,
    );
    expect(stackSetRefusalText(refusal(validatePreferences({ region_order: ['r1'] }, ['r1', 'r2'])), 'zh-CN')).toContain('region_order 缺少“r2”');
    const prefs = validatePreferences({ max_concurrent_percentage: 100, failure_tolerance_count: 0 }, ['r1']);
    if (!prefs.ok) throw new Error('valid preferences refused');
    const perRegion = refusal(checkRegionLimits(prefs.value, [['r1', 4]]));
    expect(perRegion.error_msg).toBe('in region "r1" (4 instances) the concurrency 4 is more than the failure tolerance + 1 (1)');
    expect(stackSetRefusalText(perRegion, 'zh-CN')).toContain('区域“r1”（4 个资源栈实例）的并发数 4 大于容错次数 + 1（1）');
  });

  it('words name and CSV refusals, and the refusal thrown through IPC', () => {
    const taken = refusal(validateNewStackSetName('web', [{ stack_set_name: 'web' }]));
    expect(stackSetRefusalText(taken, 'zh-CN')).toContain('名为“web”的资源栈集已存在');
    const csv = refusal(parseDomainIdsCsv(new TextEncoder().encode('a,,b')));
    expect(stackSetRefusalText(csv, 'en')).toContain('empty id at position 2');
    expect(stackSetRefusalText(csv, 'zh-CN')).toContain('第 2 项为空');
    const payload = toErrorPayload(taken);
    expect(payload.message).toBe('a stack set named "web" already exists');
    expect(errorText(payload, 'zh-CN')).toBe('名为“web”的资源栈集已存在');
  });
});
