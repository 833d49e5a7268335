// An error as text in the language the UI shows now, for stores and dialogs
// that keep a failure to print (a keyed message worded from the tables; plain
// English behind its code's title, shared/messages "error.untranslated").
import { i18n } from './index';
import { errorText, type UiLocale } from './words';

export function uiLocale(): UiLocale {
  return i18n.global.locale.value as UiLocale;
}

export function uiErrorText(err: unknown): string {
  return errorText(err, uiLocale());
}
