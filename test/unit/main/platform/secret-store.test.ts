import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeSecretStore } from '../../../../main/platform/secret-store';

describe('the Node secret store', () => {
  it('encrypts with a random 0600 key file and decrypts back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrets-'));
    const store = NodeSecretStore.inDataDir(dir);
    const cipher = store.encrypt('pa55word');
    expect(cipher).not.toContain('pa55word');
    expect(store.encrypt('pa55word')).not.toBe(cipher);
    expect(new NodeSecretStore(join(dir, 'secrets.key')).decrypt(cipher)).toBe('pa55word');
    expect(statSync(join(dir, 'secrets.key')).mode & 0o777).toBe(0o600);
  });

  it('refuses a tampered ciphertext and a replaced key with SECRETS_UNAVAILABLE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrets-'));
    const store = NodeSecretStore.inDataDir(dir);
    const cipher = store.encrypt('x');
    const parts = cipher.split(':');
    parts[3] = Buffer.from('y').toString('base64');
    expect(() => store.decrypt(parts.join(':'))).toThrow(/cannot be decrypted/);
    writeFileSync(join(dir, 'secrets.key'), Buffer.alloc(32, 1).toString('base64'));
    expect(() => new NodeSecretStore(join(dir, 'secrets.key')).decrypt(cipher)).toThrow(/cannot be decrypted/);
    expect(readFileSync(join(dir, 'secrets.key'), 'utf8')).not.toBe('');
  });
});
