import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices, type Services } from '../../../../main/compose';
import { startWebHost, type WebHost } from '../../../../main/web/web-host';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
let host: WebHost | null = null;
let services: Services | null = null;

afterEach(async () => {
  await host?.close();
  services?.dispose();
  host = null;
  services = null;
});

async function start(bodyLimit?: number): Promise<WebHost> {
  const staticDir = tempDir();
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>shell</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  services = composeServices({ dataDir: tempDir(), host: 'web', version: 'test' });
  host = await startWebHost({ services, staticDir, port: 0, ...(bodyLimit ? { bodyLimit } : {}) });
  return host;
}

/**
 * Raw HTTP so tests can set Host and Origin the way another site would. It
 * brings the host's cookie (as the browser that opened the printed address
 * does) unless `anonymous` is set, as curl or another local process would.
 */
function send(h: WebHost, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string; anonymous?: boolean }) {
  const headers = opts.anonymous ? (opts.headers ?? {}) : { cookie: h.cookie, ...opts.headers };
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: h.port, method: opts.method ?? 'GET', path: opts.path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const json = { 'content-type': 'application/json' };

describe('the browser host', () => {
  it('listens on 127.0.0.1 only', async () => {
    const h = await start();
    expect(h.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('carries the contract: Result values over POST /api/invoke/<channel>', async () => {
    const h = await start();
    const ok = await send(h, { method: 'POST', path: '/api/invoke/library.list', headers: json, body: '{}' });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
    const bad = await send(h, { method: 'POST', path: '/api/invoke/library.get', headers: json, body: '{"id": 5}' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const unknown = await send(h, { method: 'POST', path: '/api/invoke/nope', headers: json, body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses a body that is not JSON, or too large, with a clear error', async () => {
    const h = await start(1024);
    const garbage = await send(h, { method: 'POST', path: '/api/invoke/library.list', headers: json, body: '{nope' });
    expect(garbage.status).toBe(400);
    expect(JSON.parse(garbage.body).error.message).toMatch(/not JSON/);
    const big = await send(h, { method: 'POST', path: '/api/invoke/library.list', headers: json, body: JSON.stringify({ search: 'x'.repeat(5000) }) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.code).toBe('FILE_TOO_LARGE');
  });

  it('answers a broken percent-escape in the path with 400, not a URIError as 500', async () => {
    const h = await start();
    for (const path of ['/api/invoke/%E0%A4%A', '/assets/%E0%A4%A.js']) {
      const r = await send(h, { method: path.startsWith('/api') ? 'POST' : 'GET', path, headers: json, body: '{}' });
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.body).error, path).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/percent-encoding/) });
    }
  });

  it('saves a 40 KB template with 10,000 aliases of one anchor quickly, and other requests do not wait behind it', async () => {
    const h = await start();
    const aliases = Array(10_000).fill('*a').join(', ');
    const yaml = `heat_template_version: 2018-08-31\nresources:\n  r:\n    type: OS::Heat::Value\n    properties:\n      value: &a {k1: v1, k2: v2}\n  s:\n    type: OS::Heat::Value\n    properties:\n      value: [${aliases}]\n`;
    const invoke = (channel: string, body: unknown) => send(h, { method: 'POST', path: `/api/invoke/${channel}`, headers: json, body: JSON.stringify(body) });
    const started = performance.now();
    const save = invoke('library.create', { name: 'aliases', from: { kind: 'yaml', yaml } });
    await new Promise((r) => setTimeout(r, 20)); // the save is being handled
    const info = await invoke('app.info', {});
    const infoWaited = performance.now() - started;
    const saved = JSON.parse((await save).body);
    const saveTook = performance.now() - started;
    expect(JSON.parse(info.body)).toMatchObject({ ok: true });
    expect(saved).toMatchObject({ ok: true });
    // Before: the save took 18.5 s and app.info waited 17.5 s behind it.
    expect(saveTook).toBeLessThan(3000);
    expect(infoWaited).toBeLessThan(3000);
  });

  it('refuses requests from other origins, other Host names and form posts', async () => {
    const h = await start();
    const crossOrigin = await send(h, { method: 'POST', path: '/api/invoke/library.list', headers: { ...json, origin: 'http://evil.example' }, body: '{}' });
    expect(crossOrigin.status).toBe(403);
    const rebinding = await send(h, { path: '/', headers: { host: 'evil.example:80' } });
    expect(rebinding.status).toBe(421);
    const form = await send(h, { method: 'POST', path: '/api/invoke/library.list', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
  });

  it('serves the renderer with a strict CSP and falls back to the app shell, never outside its folder', async () => {
    const h = await start();
    const asset = await send(h, { path: '/assets/app.js' });
    expect(asset.body).toBe('console.log(1)');
    expect(asset.headers['content-security-policy']).toContain("script-src 'self'");
    const escape = await send(h, { path: '/../../../../etc/passwd' });
    expect(escape.body).toContain('<title>shell</title>');
    const encoded = await send(h, { path: '/%2e%2e/%2e%2e/etc/passwd' });
    expect(encoded.body).toContain('<title>shell</title>');
  });

  it('streams push events to the browser as server-sent events', async () => {
    const h = await start();
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: h.port, path: '/api/events', headers: { cookie: h.cookie } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
          if (text.includes('host.hello') && !text.includes('library.changed')) services!.events.emit('library.changed', { templateId: 't1' });
          if (text.includes('library.changed')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('"templateId":"t1"');
  });

  describe('needs the per-start secret (issue 22: any local process could call every channel)', () => {
    const refused = (r: { status: number; body: string }) => {
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body).error).toMatchObject({ code: 'HOST_UNAUTHORIZED', message: expect.stringMatching(/printed/) });
    };

    it('refuses a curl-like invoke (no Origin, no cookie) and one with a wrong cookie', async () => {
      const h = await start();
      refused(await send(h, { method: 'POST', path: '/api/invoke/cloud.profiles.list', headers: json, body: '{}', anonymous: true }));
      const wrong = h.cookie.replace(/=.*/, '=not-the-secret');
      refused(await send(h, { method: 'POST', path: '/api/invoke/cloud.profiles.list', headers: { ...json, cookie: wrong }, body: '{}', anonymous: true }));
      // Another port's cookie name with the right shape does not count either.
      refused(
        await send(h, {
          method: 'POST',
          path: '/api/invoke/library.list',
          headers: { ...json, cookie: `heat-studio-1=${h.url.split('token=')[1]}x` },
          body: '{}',
          anonymous: true,
        }),
      );
      // The token in an API address is not a way in: only a top-level page load may bring it.
      refused(
        await send(h, { method: 'POST', path: `/api/invoke/library.list?token=${h.url.split('token=')[1]}`, headers: json, body: '{}', anonymous: true }),
      );
    });

    it('refuses the event stream without the secret, or with a wrong one', async () => {
      const h = await start();
      refused(await send(h, { path: '/api/events', anonymous: true }));
      refused(await send(h, { path: '/api/events', headers: { cookie: h.cookie + 'x' }, anonymous: true }));
    });

    it('refuses the app shell without the secret with a page that says what to open', async () => {
      const h = await start();
      const bare = await send(h, { path: '/', anonymous: true });
      expect(bare.status).toBe(401);
      expect(bare.body).toMatch(/npm run web/);
      const wrongToken = await send(h, { path: '/?token=guess', anonymous: true });
      expect(wrongToken.status).toBe(401);
    });

    it('the printed address sets an HttpOnly SameSite=Strict cookie and leaves the secret out of the address', async () => {
      const h = await start();
      expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
      const opened = await send(h, { path: new URL(h.url).pathname + new URL(h.url).search, anonymous: true });
      expect(opened.status).toBe(303);
      expect(opened.headers.location).toBe('/');
      const setCookie = String(opened.headers['set-cookie']);
      expect(setCookie).toContain(h.cookie);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Strict/);
      const cookie = setCookie.split(';')[0]!;
      const ok = await send(h, { method: 'POST', path: '/api/invoke/library.list', headers: { ...json, cookie }, body: '{}', anonymous: true });
      expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
    });

    it('makes a new secret on every start', async () => {
      const first = (await start()).url;
      await host?.close();
      services?.dispose();
      const second = (await start()).url;
      expect(new URL(first).searchParams.get('token')).not.toBe(new URL(second).searchParams.get('token'));
    });
  });
});
