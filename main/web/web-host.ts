// The browser host: the same services and dispatcher as the desktop app,
// behind HTTP on 127.0.0.1 only. POST /api/invoke/<channel> carries the
// contract (same validation, same Result values); GET /api/events is a
// server-sent-event stream of the same push events; everything else serves
// the built renderer. Host and Origin are checked so another web page cannot
// drive the studio through the user's browser (DNS rebinding, CSRF), and
// every request needs the per-start secret (host-auth.ts) so other local
// processes and users cannot drive it either.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Services } from '../compose';
import { BodyTooLargeError, CONTENT_SECURITY_POLICY, MIME, readBody, sendJson } from './http-util';
import { createHostAuth, newToken, TOKEN_PARAM, UNAUTHORIZED_MESSAGE, type HostAuth } from './host-auth';

export interface WebHostOptions {
  services: Services;
  /** The built renderer (vite build output). */
  staticDir: string;
  port: number;
  /** Request bodies above this are refused before parsing (imports can be large). */
  bodyLimit?: number;
  keepAliveMs?: number;
  /** The per-start secret; a random one unless a test fixes it. */
  token?: string;
}

export interface WebHost {
  /** The address to open: it carries the secret (`?token=`). */
  url: string;
  /** The address without the secret. */
  baseUrl: string;
  port: number;
  /** `name=value` of the cookie the host requires, for clients that are not a browser. */
  cookie: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  // Imports travel as base64 (4/3 of the bytes): room for a 64 MiB import.
  const bodyLimit = options.bodyLimit ?? 96 * 1024 * 1024;
  const sseClients = new Set<ServerResponse>();
  let port = options.port;
  const token = options.token ?? newToken();
  let auth: HostAuth = createHostAuth(token, port);

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(err) } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      sendJson(res, 421, { ok: false, error: { code: 'BAD_REQUEST', message: 'Unexpected Host header' } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);
    if (!auth.allows(req)) {
      // Only a top-level GET may bring the token in its address; the answer sets the cookie.
      if ((req.method === 'GET' || req.method === 'HEAD') && !url.pathname.startsWith('/api/') && auth.acceptToken(url, res)) return;
      return unauthorized(res, url.pathname);
    }
    if (url.pathname.startsWith('/api/invoke/')) {
      const channel = decodePath(url.pathname.slice(12));
      return channel === null ? badPath(res, url.pathname) : invoke(req, res, channel);
    }
    if (url.pathname === '/api/events') return events(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { ok: false, error: { code: 'BAD_REQUEST', message: `${req.method} not allowed` } });
      return;
    }
    const pathname = decodePath(url.pathname);
    if (pathname === null) return badPath(res, url.pathname);
    return serveStatic(res, pathname);
  }

  async function invoke(req: IncomingMessage, res: ServerResponse, channelName: string): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, { ok: false, error: { code: 'BAD_REQUEST', message: 'Use POST for /api/invoke' } });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, port)) {
      sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Cross-origin requests are refused' } });
      return;
    }
    // A JSON content type forces a CORS preflight on cross-site form posts.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, { ok: false, error: { code: 'BAD_REQUEST', message: 'Content-Type must be application/json' } });
      return;
    }
    let body: unknown;
    try {
      const text = await readBody(req, bodyLimit);
      body = text.length ? JSON.parse(text) : {};
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        sendJson(res, 413, { ok: false, error: { code: 'FILE_TOO_LARGE', message: `The request is larger than ${bodyLimit} bytes.` } });
      } else {
        sendJson(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: `The request body is not JSON: ${(err as Error).message}` } });
      }
      return;
    }
    sendJson(res, 200, await options.services.dispatcher.dispatch(channelName, body));
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    send({ type: 'host.hello', payload: { at: new Date().toISOString() } });
    sseClients.add(res);
    const unsubscribe = options.services.events.subscribe(send);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), options.keepAliveMs ?? 15_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      sseClients.delete(res);
    });
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const root = normalize(options.staticDir);
    const candidate = normalize(join(root, pathname));
    // Anything outside the build folder, and any unknown path, gets the app shell (SPA routing).
    let file = candidate.startsWith(root + sep) && (await isFile(candidate)) ? candidate : join(root, 'index.html');
    if (!(await isFile(file))) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The renderer is not built: run `npm run build:renderer` (npm run web does it for you).');
      return;
    }
    const body = await readFile(file);
    file = file.toLowerCase();
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=31536000, immutable',
    });
    res.end(body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  auth = createHostAuth(token, port);
  const baseUrl = `http://${LOOPBACK}:${port}/`;

  return {
    url: `${baseUrl}?${TOKEN_PARAM}=${token}`,
    baseUrl,
    port,
    cookie: auth.cookie,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of sseClients) c.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** 401 for the API (JSON, as every other answer) and a short page for a browser that opened the bare address. */
function unauthorized(res: ServerResponse, pathname: string): void {
  if (pathname.startsWith('/api/')) {
    sendJson(res, 401, { ok: false, error: { code: 'HOST_UNAUTHORIZED', message: UNAUTHORIZED_MESSAGE } });
    return;
  }
  res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${UNAUTHORIZED_MESSAGE}\n`);
}

function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;
}

function isAllowedOrigin(origin: string, port: number): boolean {
  return origin === `http://${LOOPBACK}:${port}` || origin === `http://localhost:${port}`;
}

/** A broken %-escape (`%E0%A4%A`) is the client's mistake: 400, not a URIError answered as 500. */
function badPath(res: ServerResponse, raw: string): void {
  sendJson(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: `The request path is not valid percent-encoding: ${raw.slice(0, 200)}` } });
}

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
