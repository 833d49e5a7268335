// Key pairs made by the studio (Nova 2.92+ no longer generates them): the
// keys must be what OpenSSH itself reads, the fingerprint what Nova reports
// (MD5 of the public blob), and a pasted public key is checked before upload.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey, parsePublicKey } from '../../../../main/existing/keypairs';

function sshKeygen(args: string[], file: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hs-key-'));
  try {
    const path = join(dir, file);
    writeFileSync(path, text, { mode: 0o600 });
    return execFileSync('ssh-keygen', [...args, path], { encoding: 'utf8' }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(['ed25519', 'rsa'] as const)('a generated %s key', (algorithm) => {
  const key = generateKey(algorithm, 'studio-key');

  it('has a private key ssh-keygen reads back to the same public key', () => {
    const derived = sshKeygen(['-y', '-f'], 'id', key.privateKey);
    expect(derived.split(' ').slice(0, 2)).toEqual(key.publicKey.split(' ').slice(0, 2));
  });

  it("has the MD5 fingerprint ssh-keygen computes (Nova's)", () => {
    const out = sshKeygen(['-l', '-E', 'md5', '-f'], 'id.pub', `${key.publicKey}\n`);
    expect(out).toContain(`MD5:${key.fingerprint}`);
    expect(key.publicKey.endsWith(' studio-key')).toBe(true);
  });

  it('parses as an OpenSSH public key with the same fingerprint', () => {
    expect(parsePublicKey(key.publicKey).fingerprint).toBe(key.fingerprint);
  });
});

describe('a pasted public key', () => {
  it('refuses a private key without echoing it', () => {
    const { privateKey } = generateKey('ed25519', 'x');
    expect(() => parsePublicKey(privateKey)).toThrow(/private key/);
    try {
      parsePublicKey(privateKey);
    } catch (err) {
      expect((err as Error).message).not.toContain(privateKey.split('\n')[1]);
    }
  });

  it('refuses an unknown type, bad base64 and a blob of another type', () => {
    expect(() => parsePublicKey('ssh-dss AAAA')).toThrow(/not an OpenSSH public key type/);
    expect(() => parsePublicKey('ssh-ed25519 not*base64')).toThrow(/not base64/);
    const rsaData = generateKey('rsa', 'x').publicKey.split(' ')[1];
    expect(() => parsePublicKey(`ssh-ed25519 ${rsaData}`)).toThrow(/does not hold a ssh-ed25519 key/);
  });

  it('keeps the comment and trims the line', () => {
    const k = generateKey('ed25519', 'me@laptop');
    expect(parsePublicKey(`  ${k.publicKey}\n`).publicKey).toBe(k.publicKey);
  });
});
