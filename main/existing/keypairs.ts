// Key pairs as Horizon makes them (a server needs a key pair or a password,
// seed): since Nova's microversion 2.92 Nova no longer generates keys, so
// the studio generates one here with Node's crypto (ed25519, or RSA), in
// OpenSSH formats, and uploads only the public key (`POST /os-keypairs`).
// The private key goes back to the renderer once, to be saved by the user;
// the studio never stores it. "Import public key" uploads a pasted OpenSSH
// public key after checking it.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { AppError } from '../../shared/ipc/errors';
import { listParam, msg } from '../../shared/messages/message';
import type { Connection } from '../cloud/connection';
import { parseJson } from '../cloud/cloud-errors';
import { requestWithReauth } from '../cloud/request-with-reauth';

export type KeyAlgorithm = 'ed25519' | 'rsa';

export interface GeneratedKey {
  /** One line, `ssh-ed25519 AAAA... comment`. */
  publicKey: string;
  /** `-----BEGIN OPENSSH PRIVATE KEY-----` (ed25519) or PKCS#1 PEM (RSA), both read by ssh. */
  privateKey: string;
  /** As Nova reports it: MD5 of the public key blob, colon-separated hex. */
  fingerprint: string;
}

/** Nova's key pair names (2.1: letters, digits, spaces, '_', '.', '-'); the studio leaves spaces out. */
export const KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/;

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
/** SSH wire `string`: length-prefixed bytes. */
const sshString = (data: Buffer | string): Buffer => {
  const b = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return Buffer.concat([u32(b.length), b]);
};
/** SSH wire `mpint` from unsigned big-endian bytes: a leading zero when the high bit is set. */
const mpint = (bytes: Buffer): Buffer => {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const trimmed = bytes.subarray(i);
  return sshString((trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
};
const b64url = (s: unknown): Buffer => Buffer.from(String(s), 'base64url');

/** Nova's fingerprint of a public key blob: MD5, colon-separated lowercase hex. */
export function md5Fingerprint(blob: Buffer): string {
  return createHash('md5').update(blob).digest('hex').match(/../g)!.join(':');
}

function wrap(b64: string, width: number): string {
  return b64.match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n');
}

/** A new key pair, made here; `comment` ends the public key line (the key pair's name, as ssh-keygen uses user@host). */
export function generateKey(algorithm: KeyAlgorithm, comment: string): GeneratedKey {
  if (algorithm === 'rsa') {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
    const jwk = publicKey.export({ format: 'jwk' });
    const blob = Buffer.concat([sshString('ssh-rsa'), mpint(b64url(jwk.e)), mpint(b64url(jwk.n))]);
    return {
      publicKey: `ssh-rsa ${blob.toString('base64')} ${comment}`,
      privateKey: String(privateKey.export({ type: 'pkcs1', format: 'pem' })),
      fingerprint: md5Fingerprint(blob),
    };
  }
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pub = b64url(publicKey.export({ format: 'jwk' }).x);
  const seed = b64url(privateKey.export({ format: 'jwk' }).d);
  const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)]);
  // openssh-key-v1, unencrypted (cipher and KDF "none"): the private section padded to 8 bytes with 1, 2, 3 ...
  const check = randomBytes(4);
  let section = Buffer.concat([check, check, sshString('ssh-ed25519'), sshString(pub), sshString(Buffer.concat([seed, pub])), sshString(comment)]);
  const pad = (8 - (section.length % 8)) % 8;
  section = Buffer.concat([section, Buffer.from(Array.from({ length: pad }, (_, i) => i + 1))]);
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'latin1'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    u32(1),
    sshString(blob),
    sshString(section),
  ]);
  const pem = `-----BEGIN OPENSSH PRIVATE KEY-----\n${wrap(body.toString('base64'), 70)}\n-----END OPENSSH PRIVATE KEY-----\n`;
  return { publicKey: `ssh-ed25519 ${blob.toString('base64')} ${comment}`, privateKey: pem, fingerprint: md5Fingerprint(blob) };
}

const PUBLIC_TYPES = [
  'ssh-ed25519',
  'ssh-rsa',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
];

/**
 * A pasted OpenSSH public key, checked as Nova would (type, base64 blob whose
 * first field names the same type): the normalised line and its fingerprint.
 * A private key pasted by mistake is refused without echoing it.
 */
export function parsePublicKey(text: string): { publicKey: string; fingerprint: string; type: string } {
  const line = text.trim();
  if (/PRIVATE KEY/.test(line)) throw new AppError('BAD_REQUEST', msg('existing.key.private'));
  if (line.includes('\n')) throw new AppError('BAD_REQUEST', msg('existing.key.lines', { n: line.split('\n').length }));
  const [type = '', data = '', ...rest] = line.split(/\s+/);
  if (!PUBLIC_TYPES.includes(type))
    throw new AppError('BAD_REQUEST', msg('existing.key.type', { type: type.slice(0, 40), types: listParam(PUBLIC_TYPES.slice(0, 5)) }));
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data)) throw new AppError('BAD_REQUEST', msg('existing.key.notBase64', { type }));
  const blob = Buffer.from(data, 'base64');
  const len = blob.length >= 4 ? blob.readUInt32BE(0) : -1;
  const inner = len >= 0 && len <= blob.length - 4 ? blob.subarray(4, 4 + len).toString('latin1') : '';
  if (inner !== type) throw new AppError('BAD_REQUEST', msg('existing.key.mismatch', { type, inner: inner.slice(0, 40) }));
  return { publicKey: [type, data, ...rest].join(' '), fingerprint: md5Fingerprint(blob), type };
}

export interface UploadedKeyPair {
  name: string;
  fingerprint: string;
  publicKey: string;
}

/** `POST /os-keypairs` with a public key (never a request for Nova to generate one). Nova's 409 for a taken name passes through. */
export async function uploadKeyPair(connection: Pick<Connection, 'service' | 'session' | 'http'>, name: string, publicKey: string): Promise<UploadedKeyPair> {
  if (!KEY_NAME.test(name)) throw new AppError('BAD_REQUEST', msg('existing.keyPairName', { name: name.slice(0, 60) }));
  const nova = connection.service('compute');
  const res = await requestWithReauth(connection.http, connection.session, async () => {
    const url = await nova.endpoint();
    const token = await connection.session.token();
    return {
      token,
      request: {
        method: 'POST',
        url: `${url}/os-keypairs`,
        headers: { 'X-Auth-Token': token.value, Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({ keypair: { name, public_key: publicKey } }),
        idempotent: false,
        service: 'Nova',
      },
    };
  });
  const kp = parseJson<{ keypair?: { name?: unknown; fingerprint?: unknown; public_key?: unknown } }>(res, 'a Nova answer')?.keypair;
  if (!kp || typeof kp.name !== 'string') throw new AppError('BAD_RESPONSE', msg('existing.key.noKeyPair'), { service: 'Nova' });
  return {
    name: kp.name,
    fingerprint: typeof kp.fingerprint === 'string' ? kp.fingerprint : '',
    publicKey: typeof kp.public_key === 'string' ? kp.public_key : publicKey,
  };
}
