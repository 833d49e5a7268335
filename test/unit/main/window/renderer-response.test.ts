// The app:// protocol's answers, exercised without Electron (a file read
// stands in for net.fetch): the fallback index.html carries the same CSP as
// every file, and nothing outside the renderer folder is served.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rendererResponse, type FileFetch } from '../../../../main/window/renderer-response';
import { CONTENT_SECURITY_POLICY } from '../../../../main/web/http-util';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

function site() {
  const dir = tempDir();
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>index</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  const asked: string[] = [];
  // As net.fetch does for file:// URLs: the file, or a 404 when it is missing.
  const fetchFile: FileFetch = (url) => {
    asked.push(url);
    try {
      return Promise.resolve(new Response(readFileSync(fileURLToPath(url))));
    } catch {
      return Promise.resolve(new Response('missing', { status: 404 }));
    }
  };
  return { root, fetchFile, asked };
}

describe('the app:// protocol', () => {
  it('serves a file of the renderer with the CSP', async () => {
    const s = site();
    const r = await rendererResponse(s.root, 'app://studio/assets/app.js', s.fetchFile);
    expect(await r.text()).toBe('console.log(1)');
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each(['app://studio/library/some-route', 'app://studio/missing.js', 'app://studio/', 'app://studio/%E0%A4%A'])(
    'answers %s with index.html, with the same CSP as the others',
    async (url) => {
      const s = site();
      const r = await rendererResponse(s.root, url, s.fetchFile);
      expect(r.status).toBe(200);
      expect(await r.text()).toContain('<title>index</title>');
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  it('falls back to index.html, with the CSP, when the file fetch rejects as net.fetch does for a missing file', async () => {
    const s = site();
    const rejecting: FileFetch = (url) => (url.endsWith('/index.html') ? s.fetchFile(url) : Promise.reject(new Error('net::ERR_FILE_NOT_FOUND')));
    const r = await rendererResponse(s.root, 'app://studio/gone.js', rejecting);
    expect(await r.text()).toContain('<title>index</title>');
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each(['app://studio/../secret.txt', 'app://studio/%2e%2e/secret.txt', 'app://studio/..%2fsecret.txt', 'app://studio/assets/..%2f..%2fsecret.txt'])(
    'never serves a file outside the folder (%s)',
    async (url) => {
      const s = site();
      const r = await rendererResponse(s.root, url, s.fetchFile);
      expect(await r.text()).not.toContain('outside');
      expect(s.asked.every((u) => fileURLToPath(u).startsWith(s.root))).toBe(true);
    },
  );
});
