// The renderer is served from app://studio/ rather than file://: a real
// origin for the CSP and the sender check, and no access to the file system
// beyond the built renderer folder.
import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../web/http-util';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://studio';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const candidate = normalize(join(root, decodeURIComponent(url.pathname)));
    const file = candidate.startsWith(root + sep) && !candidate.endsWith(sep) ? candidate : join(root, 'index.html');
    const response = await net.fetch(pathToFileURL(file).toString());
    if (response.status === 404 || !response.ok) {
      return net.fetch(pathToFileURL(join(root, 'index.html')).toString());
    }
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
