// The renderer is served from app://studio/ rather than file://: a real
// origin for the CSP and the sender check, and no access to the file system
// beyond the built renderer folder (see renderer-response.ts).
import { net, protocol } from 'electron';
import { rendererResponse } from './renderer-response';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://studio';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request.url, (fileUrl) => net.fetch(fileUrl)));
}
