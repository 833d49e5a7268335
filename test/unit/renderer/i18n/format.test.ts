// Dates, times, durations, numbers and sizes in the UI language (issue 16).
import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock, formatDateTime, formatDuration, formatNumber, parseCloudTime } from '../../../../renderer/i18n/format';
import { wordMessage } from '../../../../shared/messages/word';

describe('locale formats', () => {
  it('reads a Heat time without a zone as UTC', () => {
    expect(parseCloudTime('2026-12-07T11:38:00').toISOString()).toBe('2026-12-07T11:38:00.000Z');
    expect(parseCloudTime('2026-12-07T11:38:00+01:00').toISOString()).toBe('2026-12-07T10:38:00.000Z');
  });

  it('prints a date in Chinese with 年月日 and in English with the month name', () => {
    expect(formatDateTime('2026-12-07T11:38:00Z', 'zh-CN')).toMatch(/^2026年12月\d+日 \d\d:\d\d$/);
    expect(formatDateTime('2026-12-07T11:38:00Z', 'en')).toMatch(/^Dec \d+, 2026, \d\d:\d\d$/);
    expect(formatDateTime('not a date', 'zh-CN')).toBe('not a date');
    expect(formatClock(Date.UTC(2026, 11, 7, 11, 38, 5), 'zh-CN')).toMatch(/^\d\d:\d\d:05$/);
  });

  it('prints durations, numbers and sizes by locale', () => {
    expect(formatDuration(12_000, 'zh-CN')).toBe('12秒');
    expect(formatDuration(12_000, 'en')).toBe('12 sec');
    expect(formatDuration(185_000, 'zh-CN')).toBe('3分钟5秒');
    expect(formatDuration(185_000, 'en')).toBe('3 min 5 sec');
    expect(formatDuration(3_700_000, 'zh-CN')).toBe('1小时1分钟');
    expect(formatNumber(1234567, 'zh-CN')).toBe('1,234,567');
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(1.5 * 1024 * 1024, 'zh-CN')).toBe('1.5 MiB');
    expect(formatBytes(20 * 1024 ** 3, 'en')).toBe('20 GiB');
  });

  it('words numbers inside main’s messages by locale too', () => {
    const m = { key: 'stackset.csvTooLarge', params: { size: 204800, max: 102400 } };
    expect(wordMessage(m, 'en')).toBe('the domain id CSV is 204,800 bytes; at most 102,400 (100 KB) are allowed');
    expect(wordMessage(m, 'zh-CN')).toContain('204,800 字节');
  });
});
