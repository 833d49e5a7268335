import type { AppInfo, Preferences } from '../../shared/ipc/app.contract';
import { LOCALES, type Locale } from '../../shared/ipc/app.contract';
import type { PreferencesRepo } from '../library/preferences-repo';
import type { DomainHandlers } from './dispatcher';

export function appHandlers(info: AppInfo, prefs: PreferencesRepo): DomainHandlers<'app'> {
  const read = (): Preferences => {
    const locale = prefs.get('locale');
    return { locale: (LOCALES as readonly string[]).includes(locale ?? '') ? (locale as Locale) : null };
  };
  return {
    'app.info': () => info,
    'app.getPreferences': () => read(),
    'app.setPreferences': (req) => {
      if (req.locale !== undefined) prefs.set('locale', req.locale);
      return read();
    },
  };
}
