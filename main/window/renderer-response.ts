// What the app:// protocol answers: a file of the built renderer folder, or
// its index.html for any other path (the single-page app's routes, and
// anything that would leave the folder). Every answer, the fallback
// included, carries the CSP and nosniff headers: a page served without them
// would run with no script policy at all. Electron-free (the file fetch is
// passed in: net.fetch in the app, a file read in tests).
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../web/http-util';

export type FileFetch = (fileUrl: string) => Promise<Response>;

export async function rendererResponse(rendererDir: string, requestUrl: string, fetchFile: FileFetch): Promise<Response> {
  const root = normalize(rendererDir);
  const index = join(root, 'index.html');
  let candidate = index;
  try {
    const path = normalize(join(root, decodeURIComponent(new URL(requestUrl).pathname)));
    if (path.startsWith(root + sep) && !path.endsWith(sep)) candidate = path;
  } catch {
    // A malformed %-escape: the index page, as for any unknown path.
  }
  // net.fetch may answer a missing file with a 404 or reject (ERR_FILE_NOT_FOUND); either way, the index.
  let response = await fetchFile(pathToFileURL(candidate).toString()).catch(() => null);
  if (!response?.ok) {
    await response?.body?.cancel().catch(() => undefined);
    response = await fetchFile(pathToFileURL(index).toString());
  }
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(response.body, { status: response.status, headers });
}
