// Secrets (passwords, application credential secrets, tokens) are stored
// encrypted. The desktop app uses Electron's safeStorage (the OS keyring);
// the browser host and the CLI, which run in plain Node, use AES-256-GCM
// with a random key kept in a 0600 file in the data dir. Either way the
// database only ever holds ciphertext, and nothing here logs a value.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';

export interface SecretStore {
  /** 'safeStorage' or 'keyfile': recorded beside each ciphertext so a mode switch is detected, not misread. */
  readonly kind: string;
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
}

const VERSION = 'v1';

export class NodeSecretStore implements SecretStore {
  readonly kind = 'keyfile';
  private key: Buffer | null = null;

  constructor(private readonly keyPath: string) {}

  static inDataDir(dataDir: string): NodeSecretStore {
    return new NodeSecretStore(join(dataDir, 'secrets.key'));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.loadKey(true), iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
  }

  decrypt(text: string): string {
    const [version, iv, tag, data] = text.split(':');
    if (version !== VERSION || !iv || !tag || data === undefined) {
      throw new AppError('SECRETS_UNAVAILABLE', msg('secrets.unknownFormat'));
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.loadKey(false), Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('SECRETS_UNAVAILABLE', msg('secrets.keyFileCannotDecrypt', { path: this.keyPath }));
    }
  }

  private loadKey(create: boolean): Buffer {
    if (this.key) return this.key;
    if (!existsSync(this.keyPath)) {
      if (!create) throw new AppError('SECRETS_UNAVAILABLE', msg('secrets.keyFileMissing', { path: this.keyPath }));
      mkdirSync(dirname(this.keyPath), { recursive: true, mode: 0o700 });
      // 'wx': never overwrite a key another process just created.
      try {
        writeFileSync(this.keyPath, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    if (process.platform !== 'win32' && (statSync(this.keyPath).mode & 0o077) !== 0) chmodSync(this.keyPath, 0o600);
    const key = Buffer.from(readFileSync(this.keyPath, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new AppError('SECRETS_UNAVAILABLE', msg('secrets.keyFileDamaged', { path: this.keyPath }));
    this.key = key;
    return key;
  }
}
