// vue-i18n set up once: English and Simplified Chinese, switchable at
// runtime; the choice is stored in the library's preferences by the app store.
import { createI18n } from 'vue-i18n';
import { en } from './en';
import { zhCN } from './zh-CN';
import type { Locale } from '../../shared/ipc/app.contract';

const datetimeFormats = {
  en: { short: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } },
  'zh-CN': { short: { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false } },
} as const;

export function guessLocale(languages: readonly string[]): Locale {
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export const i18n = createI18n({
  legacy: false,
  locale: guessLocale(typeof navigator === 'undefined' ? [] : navigator.languages),
  fallbackLocale: 'en',
  messages: { en, 'zh-CN': zhCN },
  datetimeFormats,
});
