// Words a main-process message (shared/messages) in the UI's language: an
// error carrying a message key is worded from the tables; one still written as
// plain English gets its code's title in the reader's language before it.
import { formatMessage, isMessage, type Message, type MessageTable } from '../../shared/messages/message';
import { messagesEn } from '../../shared/messages/en';
import { messagesZhCN } from './messages-zh-CN';
import { isErrorCode } from '../../shared/ipc/errors';

export type UiLocale = 'en' | 'zh-CN';

const TABLES: Record<UiLocale, MessageTable> = { en: messagesEn, 'zh-CN': messagesZhCN };

export function wordMessage(m: Message, locale: UiLocale): string {
  return formatMessage(m, {
    table: TABLES[locale],
    list: (items) => items.join(locale === 'zh-CN' ? '、' : ', '),
    time: (iso) => {
      const at = new Date(iso);
      return Number.isNaN(at.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
    },
  });
}

/** An error (AppError payload, StudioError, Error, anything) as text for a person. */
export function errorText(err: unknown, locale: UiLocale): string {
  const e = (err ?? {}) as { code?: unknown; message?: unknown; msg?: unknown; details?: { msg?: unknown } };
  const m = isMessage(e.msg) ? e.msg : isMessage(e.details?.msg) ? e.details.msg : null;
  if (m) return wordMessage(m, locale);
  const text = typeof e.message === 'string' ? e.message : String(err);
  if (locale === 'en' || !isErrorCode(e.code)) return text;
  return wordMessage({ key: 'error.untranslated', params: { title: { key: `error.${e.code}` }, text } }, locale);
}
