// Small loopback servers for the bad-input tests. None of them imitates Heat:
// one answers garbage (as a misconfigured proxy or portal would), one is a
// TLS front to the real Keystone with a self-signed certificate.
import { mkdtempSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect as netConnect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loopbackCert } from '../../support/loopback-cert';
import { createServer as createTlsServer } from 'node:tls';

export interface Running {
  url: string;
  close(): Promise<void>;
}

export async function garbageServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Running> {
  const server = createHttpServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export interface TlsFront extends Running {
  caPath: string;
}

/** https://127.0.0.1:<port> -> the real Keystone on 127.0.0.1:<targetPort>, with a fresh self-signed certificate. */
export async function tlsFront(targetPort: number): Promise<TlsFront> {
  const dir = mkdtempSync(join(tmpdir(), 'studio-tls-'));
  const tls = loopbackCert(dir);
  const server = createTlsServer({ key: tls.key, cert: tls.cert }, (socket) => {
    const upstream = netConnect(targetPort, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    const end = () => {
      socket.destroy();
      upstream.destroy();
    };
    socket.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    caPath: tls.certPath,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
