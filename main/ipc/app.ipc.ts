import type { AppInfo, Preferences } from '../../shared/ipc/app.contract';
import { LOCALES, type Locale } from '../../shared/ipc/app.contract';
import type { PreferencesRepo } from '../library/preferences-repo';
import type { DomainHandlers } from './dispatcher';

/** `onChange` hears every saved change (the Electron main rebuilds its menu in the new language). */
export function readPreferences(prefs: PreferencesRepo): Preferences {
  const locale = prefs.get('locale');
  return { locale: (LOCALES as readonly string[]).includes(locale ?? '') ? (locale as Locale) : null };
}

export function appHandlers(info: AppInfo, prefs: PreferencesRepo, onChange?: (p: Preferences) => void): DomainHandlers<'app'> {
  const read = (): Preferences => readPreferences(prefs);
  return {
    'app.info': () => info,
    'app.getPreferences': () => read(),
    'app.setPreferences': (req) => {
      if (req.locale !== undefined) prefs.set('locale', req.locale);
      const now = read();
      onChange?.(now);
      return now;
    },
  };
}
