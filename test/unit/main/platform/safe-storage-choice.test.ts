// Linux without a keyring: Electron's safeStorage says encryption is
// available but uses the 'basic_text' backend, a password hardcoded in
// Chromium. The desktop app must then use the key file and say so. The
// safeStorage here is a fake with Electron's method names.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeServices } from '../../../../main/compose';
import { emptyProfileFields } from '../../../../shared/cloud/profile';
import type { AppInfo } from '../../../../shared/ipc/app.contract';
import { useTempDirs } from '../../../support/temp-dir';
import { chooseSecretStore, type SafeStorageLike } from '../../../../main/platform/safe-storage-store';

function fakeSafeStorage(available: boolean, backend?: string): SafeStorageLike & { encrypted: string[] } {
  const encrypted: string[] = [];
  return {
    encrypted,
    isEncryptionAvailable: () => available,
    ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend }),
    encryptString: (plain) => {
      encrypted.push(plain);
      return Buffer.from(`enc:${plain}`);
    },
    decryptString: (b) => b.toString().replace(/^enc:/, ''),
  };
}

describe('which secret store the desktop app uses', () => {
  it('refuses the basic_text backend on Linux: key file, and the reason for the user', () => {
    const safe = fakeSafeStorage(true, 'basic_text');
    const choice = chooseSecretStore(safe, 'linux');
    expect(choice.secrets).toBeUndefined(); // compose then builds the 0600 key-file store
    expect(choice.secretStorage).toEqual({ kind: 'keyfile', reason: 'plaintext-keyring' });
    expect(safe.encrypted).toEqual([]);
  });

  it.each(['gnome_libsecret', 'kwallet5', 'kwallet6'])('uses safeStorage on Linux with a real keyring (%s)', (backend) => {
    const safe = fakeSafeStorage(true, backend);
    const choice = chooseSecretStore(safe, 'linux');
    expect(choice.secretStorage).toEqual({ kind: 'keyring', reason: null });
    expect(choice.secrets?.kind).toBe('safeStorage');
    const cipher = choice.secrets!.encrypt('hunter2');
    expect(safe.encrypted).toEqual(['hunter2']);
    expect(choice.secrets!.decrypt(cipher)).toBe('hunter2');
  });

  it('uses safeStorage on macOS and Windows, where the backend question does not exist', () => {
    for (const platform of ['darwin', 'win32'] as const) expect(chooseSecretStore(fakeSafeStorage(true), platform).secretStorage.kind).toBe('keyring');
  });

  it('falls back to the key file, and says so, when safeStorage is unavailable', () => {
    expect(chooseSecretStore(fakeSafeStorage(false, 'basic_text'), 'linux')).toEqual({ secretStorage: { kind: 'keyfile', reason: 'no-keyring' } });
  });
});

describe('the app, composed with that choice', () => {
  const tempDir = useTempDirs();

  it('with basic_text, stores a profile password with the key file, never through safeStorage, and app.info says why', async () => {
    const safe = fakeSafeStorage(true, 'basic_text');
    const dataDir = tempDir();
    const s = composeServices({ dataDir, host: 'electron', version: 'test', ...chooseSecretStore(safe, 'linux') });
    try {
      const created = await s.dispatcher.dispatch('cloud.profiles.create', {
        fields: emptyProfileFields('prod', 'http://127.0.0.1:5000/v3'),
        secret: 'hunter2',
      });
      expect(created.ok).toBe(true);
      expect(safe.encrypted).toEqual([]);
      expect(existsSync(join(dataDir, 'secrets.key'))).toBe(true);
      const info = await s.dispatcher.dispatch('app.info', {});
      expect(info.ok && (info.value as AppInfo).secretStorage).toEqual({ kind: 'keyfile', reason: 'plaintext-keyring' });
    } finally {
      s.dispose();
    }
  });

  it('the browser host reports its key file', async () => {
    const s = composeServices({ dataDir: tempDir(), host: 'web', version: 'test' });
    try {
      const info = await s.dispatcher.dispatch('app.info', {});
      expect(info.ok && (info.value as AppInfo).secretStorage).toEqual({ kind: 'keyfile', reason: 'browser' });
    } finally {
      s.dispose();
    }
  });
});
