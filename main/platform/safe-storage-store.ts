// Which secret store the desktop app uses, and the store over Electron's
// safeStorage (Keychain, DPAPI, libsecret/kwallet). Electron-free: main/index.ts
// passes Electron's `safeStorage`, tests a fake with the same methods.
//
// On Linux without a keyring Electron still reports encryption as available
// but picks the 'basic_text' backend, which "encrypts" with a password
// hardcoded in Chromium: anyone who can read the database can decrypt it.
// Then, as where safeStorage is unavailable, the 0600 key file is used
// instead, and AppInfo.secretStorage tells the user why.
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import type { SecretStorageInfo } from '../../shared/ipc/app.contract';
import type { SecretStore } from './secret-store';

/** The part of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only: 'basic_text', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6' or 'unknown'. */
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(cipher: Buffer): string;
}

export class SafeStorageSecretStore implements SecretStore {
  readonly kind = 'safeStorage';

  constructor(private readonly safe: SafeStorageLike) {}

  encrypt(plain: string): string {
    if (!this.safe.isEncryptionAvailable()) {
      throw new AppError('SECRETS_UNAVAILABLE', msg('secrets.noKeyring'));
    }
    return this.safe.encryptString(plain).toString('base64');
  }

  decrypt(cipher: string): string {
    try {
      return this.safe.decryptString(Buffer.from(cipher, 'base64'));
    } catch {
      throw new AppError('SECRETS_UNAVAILABLE', msg('secrets.keyringCannotDecrypt'));
    }
  }
}

/**
 * The keyring when it really encrypts; otherwise no store (compose then uses
 * the key file) and the reason. Call after app 'ready' (before it, Linux
 * reports the backend as 'unknown' and encryption as unavailable).
 */
export function chooseSecretStore(safe: SafeStorageLike, platform: NodeJS.Platform): { secrets?: SecretStore; secretStorage: SecretStorageInfo } {
  if (!safe.isEncryptionAvailable()) return { secretStorage: { kind: 'keyfile', reason: 'no-keyring' } };
  if (platform === 'linux' && safe.getSelectedStorageBackend?.() === 'basic_text') return { secretStorage: { kind: 'keyfile', reason: 'plaintext-keyring' } };
  return { secrets: new SafeStorageSecretStore(safe), secretStorage: { kind: 'keyring', reason: null } };
}
