// The real browser host on a temp data folder, for bad-input tests that must
// go through HTTP the way the renderer does (POST /api/invoke/<channel>),
// with the host's cookie as the browser that opened its address has it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { composeServices, type ComposeOptions, type Services } from '../../main/compose';
import { startWebHost, type WebHost } from '../../main/web/web-host';
import { useTempDirs } from './temp-dir';

export interface RunningHost {
  host: WebHost;
  services: Services;
  /** The contract's Result value for one channel call. */
  invoke<T = unknown>(
    channel: string,
    body: unknown,
  ): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } }>;
}

/** Call once per test file; `start()` gives a fresh host (options as composeServices takes them), closed after each test. */
export function useWebHost(): (options?: Partial<ComposeOptions>) => Promise<RunningHost> {
  const tempDir = useTempDirs();
  const running: RunningHost[] = [];
  afterEach(async () => {
    for (const r of running.splice(0)) {
      await r.host.close();
      r.services.dispose();
    }
  });
  return async (options = {}) => {
    const staticDir = tempDir();
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>shell</title>');
    const services = composeServices({ dataDir: tempDir(), host: 'web', version: 'test', ...options });
    const host = await startWebHost({ services, staticDir, port: 0 });
    const invoke = (channel: string, body: unknown) =>
      new Promise<never>((resolve, reject) => {
        const text = JSON.stringify(body);
        const req = request(
          {
            host: '127.0.0.1',
            port: host.port,
            method: 'POST',
            path: `/api/invoke/${channel}`,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), cookie: host.cookie },
          },
          (res) => {
            let out = '';
            res.on('data', (c: Buffer) => (out += c.toString()));
            res.on('end', () => resolve(JSON.parse(out) as never));
          },
        );
        req.on('error', reject);
        req.end(text);
      });
    const r: RunningHost = { host, services, invoke };
    running.push(r);
    return r;
  };
}
