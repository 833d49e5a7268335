import { z } from 'zod';
import { channel } from './define';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Where cloud secrets are kept, shown beside the cloud profiles. */
export interface SecretStorageInfo {
  /** 'keyring': the OS keyring through Electron's safeStorage; 'keyfile': AES-256-GCM with a 0600 key file in the data folder. */
  kind: 'keyring' | 'keyfile';
  /**
   * Why the key file: 'browser' (the browser host, plain Node), 'no-keyring'
   * (safeStorage unavailable), 'plaintext-keyring' (Linux without a keyring,
   * where safeStorage's 'basic_text' backend would use a hardcoded password).
   */
  reason: 'browser' | 'no-keyring' | 'plaintext-keyring' | null;
}

export interface AppInfo {
  version: string;
  /** 'electron' in the desktop app, 'web' in the browser host. */
  host: 'electron' | 'web';
  dataDir: string;
  databasePath: string;
  /** Set when the database was found corrupt at start and moved aside. */
  recoveredFrom: string | null;
  secretStorage: SecretStorageInfo;
}

export interface Preferences {
  locale: Locale | null;
}

export const appChannels = {
  'app.info': channel(z.object({})).returns<AppInfo>(),
  'app.getPreferences': channel(z.object({})).returns<Preferences>(),
  'app.setPreferences': channel(z.object({ locale: z.enum(LOCALES).nullable().optional() })).returns<Preferences>(),
} as const;
