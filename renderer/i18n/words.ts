// Words a main-process message (shared/messages) in the UI's language: an
// error carrying a message key is worded from the tables; one still written as
// plain English gets its code's title in the reader's language before it.
import { isMessage } from '../../shared/messages/message';
import { wordMessage, type UiLocale } from '../../shared/messages/word';
import { isErrorCode } from '../../shared/ipc/errors';

export { wordMessage, type UiLocale };

/** An error (AppError payload, StudioError, Error, anything) as text for a person. */
export function errorText(err: unknown, locale: UiLocale): string {
  const e = (err ?? {}) as { code?: unknown; message?: unknown; msg?: unknown; details?: { msg?: unknown } };
  const m = isMessage(e.msg) ? e.msg : isMessage(e.details?.msg) ? e.details.msg : null;
  if (m) return wordMessage(m, locale);
  const text = typeof e.message === 'string' ? e.message : String(err);
  if (locale === 'en' || !isErrorCode(e.code)) return text;
  return wordMessage({ key: 'error.untranslated', params: { title: { key: `error.${e.code}` }, text } }, locale);
}
