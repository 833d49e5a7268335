// Words a message in one of the studio's languages, with that language's
// list and time conventions. Used at every edge: the renderer, the native
// menu and main's dialogs, the CLI.
import { formatMessage, type Message, type MessageTable } from './message';
import { messagesEn } from './en';
import { messagesZhCN } from './zh-CN';

export type UiLocale = 'en' | 'zh-CN';

const TABLES: Record<UiLocale, MessageTable> = { en: messagesEn, 'zh-CN': messagesZhCN };

export function wordMessage(m: Message, locale: UiLocale): string {
  return formatMessage(m, {
    table: TABLES[locale],
    // Counts and sizes by the reader's digits grouping; ids and line numbers cross as strings.
    number: (n) => new Intl.NumberFormat(locale).format(n),
    list: (items) => items.join(locale === 'zh-CN' ? '、' : ', '),
    time: (iso) => {
      const at = new Date(iso);
      return Number.isNaN(at.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
    },
  });
}

/**
 * The studio language for a system locale name: a POSIX one (`zh_CN.UTF-8`,
 * from LANG / LC_ALL / LC_MESSAGES) or a BCP 47 one (`zh-Hans-CN`, from
 * Electron's app.getLocale()). Any Chinese reads zh-CN; everything else English.
 */
export function localeFromSystem(name: string | undefined | null): UiLocale {
  return name && /^zh([-_.@]|$)/i.test(name.trim()) ? 'zh-CN' : 'en';
}
