// Issue 22, item 9: Keystone discovery trusted the link the version document
// advertised, so an https auth URL whose version document points to plain
// http (or another host) got the password sent there. The fixtures are two
// loopback servers: one serves a crafted version document (over https with a
// throw-away certificate, or http), the other records whatever reaches it.
// Neither imitates Heat. Plain-http auth URLs off this machine get a warning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '../../../../main/cloud/http';
import { KeystoneSession } from '../../../../main/cloud/keystone';
import { openConnection } from '../../../../main/cloud/connection';
import { emptyProfileFields } from '../../../../shared/cloud/profile';
import { AppError } from '../../../../shared/ipc/errors';
import { loopbackCert } from '../../../support/loopback-cert';

const PASSWORD = 'discovery-secret-5821';
const dir = mkdtempSync(join(tmpdir(), 'hs-discovery-'));
const servers: Server[] = [];
let received: string[] = [];
let catcherPort = 0;
let cert = '';
let key = '';
/** What the version document advertises as v3's self link, set per test. */
let advertise = '';

const versionDoc = (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(300, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ versions: { values: [{ id: 'v3.14', status: 'stable', links: [{ rel: 'self', href: advertise }] }] } }));
};

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  ({ cert, key } = loopbackCert(dir));
  catcherPort = await listen(
    createHttpServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(`${req.url} ${body}`);
        res.writeHead(404).end();
      });
    }),
  );
});

afterAll(() => {
  for (const s of servers) s.close();
  rmSync(dir, { recursive: true, force: true });
});

async function authenticateAt(authUrl: string, ca: string | null): Promise<AppError> {
  received = [];
  const http = new HttpClient({ ca, timeoutMs: 5000, maxRetries: 0 });
  const fields = { ...emptyProfileFields('p', authUrl), username: 'u', projectName: 'p' };
  try {
    await new KeystoneSession(http, fields, () => PASSWORD).authenticate();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  } finally {
    http.dispose();
  }
  throw new Error('expected authentication to be refused');
}

describe('Keystone discovery', () => {
  it('refuses an https version document that sends v3 to plain http, and the password never leaves', async () => {
    const port = await listen(createHttpsServer({ cert, key }, versionDoc));
    advertise = `http://127.0.0.1:${catcherPort}/v3/`;
    const err = await authenticateAt(`https://127.0.0.1:${port}`, cert);
    expect(err.code).toBe('PROFILE_INVALID');
    expect(err.message).toMatch(/plain http/);
    expect(err.message).toMatch(/auth URL/);
    expect(received).toEqual([]);
  });

  it('refuses a version document that sends v3 to another host (or port)', async () => {
    const port = await listen(createHttpServer(versionDoc));
    for (const elsewhere of [`http://localhost:${catcherPort}/v3`, `http://127.0.0.1:${catcherPort}/v3`]) {
      advertise = elsewhere;
      const err = await authenticateAt(`http://127.0.0.1:${port}/identity`, null);
      expect(err.message, elsewhere).toMatch(/another host/);
      expect(received, elsewhere).toEqual([]);
    }
  });

  it('follows a link on the same host as before', async () => {
    const port = await listen(
      createHttpServer((req, res) => (req.url === '/identity' ? versionDoc(req, res) : received.push(`${req.url}`) && res.writeHead(401).end())),
    );
    advertise = `http://127.0.0.1:${port}/identity/v3/`;
    const err = await authenticateAt(`http://127.0.0.1:${port}/identity`, null);
    expect(err.code).toBe('AUTH_FAILED'); // it got as far as asking for a token there
    expect(received).toEqual(['/identity/v3/auth/tokens']);
  });
});

describe('plain http', () => {
  const warningsFor = (authUrl: string, endpointOverride: string | null = null) =>
    openConnection({ ...emptyProfileFields('c', authUrl), endpointOverride }, () => '').warnings;

  it('warns on an auth URL or Heat override off this machine, not on loopback test clouds or https', () => {
    expect(warningsFor('http://keystone.example.com:5000/v3').join()).toMatch(/auth URL of "c" is plain http.*unencrypted/);
    expect(warningsFor('https://keystone.example.com/v3', 'http://heat.example.com/v1/x').join()).toMatch(/override.*plain http/);
    expect(warningsFor('http://127.0.0.1:5000/v3')).toEqual([]);
    expect(warningsFor('http://localhost:5000/v3')).toEqual([]);
    expect(warningsFor('https://keystone.example.com/v3')).toEqual([]);
  });
});
