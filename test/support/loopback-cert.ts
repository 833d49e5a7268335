// A throw-away self-signed certificate for 127.0.0.1 (openssl, one day), for
// tests that put TLS in front of a loopback server: the Keystone TLS front of
// the bad-input tests and the crafted discovery documents.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LoopbackCert {
  keyPath: string;
  certPath: string;
  key: string;
  cert: string;
}

/** Writes key.pem and cert.pem into `dir` and returns their paths and PEM text. */
export function loopbackCert(dir: string): LoopbackCert {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  const subject = ['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', ...subject], {
    stdio: 'ignore',
  });
  return { keyPath, certPath, key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
}
