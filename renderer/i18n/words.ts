// Words a main-process message (shared/messages) in the UI's language: an
// error carrying a message key is worded from the tables; one still written as
// plain English gets its code's title in the reader's language before it.
import { isMessage, type Message } from '../../shared/messages/message';
import { wordMessage, type UiLocale } from '../../shared/messages/word';
import { isErrorCode } from '../../shared/ipc/errors';
import type { Diagnostic } from '../../shared/hot/diagnostics';

export { wordMessage, type UiLocale };

/** A library template's status reason in the reader's language (an old one not yet re-derived reads as stored). */
export function statusReasonText(t: { statusReason: string; statusMsg?: Message | null }, locale: UiLocale): string {
  return t.statusMsg ? wordMessage(t.statusMsg, locale) : t.statusReason;
}

/** A HOT diagnostic's message and hint in the reader's language (keyed ones worded, older plain-English ones as they are). */
export function diagnosticText(d: Pick<Diagnostic, 'message' | 'hint' | 'msg' | 'hintMsg'>, locale: UiLocale): { message: string; hint: string | null } {
  return {
    message: d.msg ? wordMessage(d.msg, locale) : d.message,
    hint: d.hintMsg ? wordMessage(d.hintMsg, locale) : (d.hint ?? null),
  };
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

/** A stack-set refusal (the seed's error body) as "SS.400.0031: reason", the reason in the reader's language. */
export function stackSetRefusalText(error: { error_code: string; error_msg: string; msg?: Message }, locale: UiLocale): string {
  return `${error.error_code}: ${error.msg ? wordMessage(error.msg, locale) : error.error_msg}`;
}

/** Warnings main sends as English text and, when it can, as messages (an import, a connection test): the messages worded. */
export function warningTexts(w: { warnings: string[]; warningMsgs?: Message[] }, locale: UiLocale): string[] {
  return w.warningMsgs?.length === w.warnings.length ? w.warningMsgs.map((m) => wordMessage(m, locale)) : w.warnings;
}
