import { z } from 'zod';
import { channel } from './define';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export interface AppInfo {
  version: string;
  /** 'electron' in the desktop app, 'web' in the browser host. */
  host: 'electron' | 'web';
  dataDir: string;
  databasePath: string;
  /** Set when the database was found corrupt at start and moved aside. */
  recoveredFrom: string | null;
}

export interface Preferences {
  locale: Locale | null;
}

export const appChannels = {
  'app.info': channel(z.object({})).returns<AppInfo>(),
  'app.getPreferences': channel(z.object({})).returns<Preferences>(),
  'app.setPreferences': channel(z.object({ locale: z.enum(LOCALES).nullable().optional() })).returns<Preferences>(),
} as const;
