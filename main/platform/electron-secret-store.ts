// The desktop app's secret store: Electron's safeStorage (Keychain, DPAPI,
// libsecret/kwallet). The only file of the cloud code that imports electron.
import { safeStorage } from 'electron';
import { AppError } from '../../shared/ipc/errors';
import type { SecretStore } from './secret-store';

export class ElectronSecretStore implements SecretStore {
  readonly kind = 'safeStorage';

  /** False before app 'ready', or on Linux without a keyring (then use NodeSecretStore and say so). */
  static available(): boolean {
    return safeStorage.isEncryptionAvailable();
  }

  encrypt(plain: string): string {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new AppError('SECRETS_UNAVAILABLE', 'The system keyring is not available: secrets cannot be stored safely.');
    }
    return safeStorage.encryptString(plain).toString('base64');
  }

  decrypt(cipher: string): string {
    try {
      return safeStorage.decryptString(Buffer.from(cipher, 'base64'));
    } catch {
      throw new AppError('SECRETS_UNAVAILABLE', 'A stored secret cannot be decrypted by the system keyring: enter it again.');
    }
  }
}
