// Small HTTP servers on 127.0.0.1 for the URL import's attack tests: each
// serves fixed replies by path and records every path asked for, so a test
// can show a file outside the entry's folder (or another origin) was never
// requested. `tcpWitness` only counts connections, for a port the import
// must never reach in any protocol (an https:// fetch of it is a TLS
// handshake, not an HTTP request).
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface RouteServer {
  origin: string;
  /** Paths requested, in order. */
  requested: string[];
  close(): Promise<void>;
}

export async function routeServer(routes: Record<string, Reply | ((origin: string) => Reply)>): Promise<RouteServer> {
  const requested: string[] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    requested.push(req.url ?? '');
    const route = routes[req.url ?? ''];
    const reply = typeof route === 'function' ? route(origin) : (route ?? { status: 404, body: 'not here' });
    res.writeHead(reply.status ?? 200, { 'content-type': 'text/yaml', ...reply.headers });
    res.end(reply.body ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requested,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export async function tcpWitness(): Promise<{ port: number; connections(): number; close(): Promise<void> }> {
  let connections = 0;
  const server = createTcpServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, connections: () => connections, close: () => new Promise<void>((r) => server.close(() => r())) };
}
