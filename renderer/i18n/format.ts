// Dates, times, durations, numbers and sizes in the UI language, through Intl,
// so every screen prints them the same way (2026年12月7日 11:38 / Dec 7, 2026, 11:38;
// 1,234.5 / 1,234.5; 12秒 / 12 sec). Heat's timestamps come without a zone
// and are UTC: `parseCloudTime` reads them as such.
import type { UiLocale } from '../../shared/messages/word';

/** Heat writes "2026-12-07T11:38:00" (UTC, no zone); a time with a zone is read as written. */
export function parseCloudTime(text: string): Date {
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
}

function asDate(at: string | number | Date): Date {
  return at instanceof Date ? at : typeof at === 'string' ? parseCloudTime(at) : new Date(at);
}

/** Date and time of day, to the minute. */
export function formatDateTime(at: string | number | Date, locale: UiLocale): string {
  const date = asDate(at);
  if (Number.isNaN(date.getTime())) return String(at);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hour12: false }).format(date);
}

/** Time of day to the second (event timelines). */
export function formatClock(at: string | number | Date, locale: UiLocale): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(asDate(at));
}

export function formatNumber(n: number, locale: UiLocale, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }).format(n);
}

/** A duration: seconds under two minutes, then minutes and seconds, then hours and minutes. */
export function formatDuration(ms: number, locale: UiLocale): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const unit = (value: number, u: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  const join = (a: string, b: string) => (locale === 'zh-CN' ? `${a}${b}` : `${a} ${b}`);
  if (total < 120) return unit(total, 'second');
  if (total < 3600) return join(unit(Math.floor(total / 60), 'minute'), unit(total % 60, 'second'));
  return join(unit(Math.floor(total / 3600), 'hour'), unit(Math.floor((total % 3600) / 60), 'minute'));
}

/** Binary symbols: the steps are 1024, and Intl's byte units (kilobyte, megabyte...) mean 1000, so they would mislabel every size. */
const SIZE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** A size in bytes, in binary steps (1024) as OpenStack counts them, with one decimal above KiB; the number in the UI language's digits. */
export function formatBytes(bytes: number, locale: UiLocale): string {
  let value = bytes;
  let step = 0;
  while (Math.abs(value) >= 1024 && step < SIZE_UNITS.length - 1) {
    value /= 1024;
    step += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: step === 0 ? 0 : 1 }).format(value)} ${SIZE_UNITS[step]}`;
}
