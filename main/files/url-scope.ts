// Where a URL import may reach. The entry URL names one origin and one
// folder; every nested file (get_file, file `type:`s) and every redirect hop
// must stay inside them. References are resolved with the WHATWG URL parser,
// the same one fetch uses, so what is checked is what is fetched: tricks such
// as `https:127.0.0.1:47804/x` (no `//`, which resolves against a base of the
// same scheme as a path but against another scheme as another host),
// `//other/x`, `%2e%2e/` or a decimal IPv4 are judged by where they really
// point. Link-local and cloud-metadata addresses are never fetched, whether
// written literally (in any IPv4 spelling) or reached by name (see
// guarded-fetch.ts, which checks every address a name resolves to).
import { BlockList, isIP } from 'node:net';
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';

const blocked = new BlockList();
blocked.addSubnet('169.254.0.0', 16, 'ipv4'); // IPv4 link-local, where 169.254.169.254 (AWS, GCP, Azure, OpenStack metadata) lives
blocked.addSubnet('fe80::', 10, 'ipv6'); // IPv6 link-local
blocked.addAddress('fd00:ec2::254', 'ipv6'); // AWS's IPv6 metadata address

/** Whether an IP address (v4, v6 or v4-mapped v6) is link-local or a metadata address. */
export function isBlockedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return false;
  return blocked.check(bare, family === 6 ? 'ipv6' : 'ipv4');
}

/** Refuses a URL whose host is written as a blocked address (the parser has already folded decimal, hex and mapped forms). */
export function assertAllowedHost(url: URL): void {
  if (isBlockedAddress(url.hostname)) {
    throw new AppError('PATH_ESCAPE', msg('files.url.linkLocal', { url: url.href }), { url: url.href });
  }
}

export interface ImportScope {
  origin: string;
  /** The entry's folder path, ending in `/`. */
  folder: string;
}

export function scopeOf(entry: URL): ImportScope {
  return { origin: entry.origin, folder: new URL('.', entry).pathname };
}

/** Whether `url` is an http(s) URL on the scope's origin, inside its folder. */
export function inScope(url: URL, scope: ImportScope, folderToo: boolean): boolean {
  if (url.origin !== scope.origin || url.username !== '' || url.password !== '') return false;
  return !folderToo || url.pathname.startsWith(scope.folder);
}

/** A nested file's URL: `ref` resolved against the entry's folder, refused unless it stays in the scope. */
export function resolveNested(ref: string, scope: ImportScope, from: string): URL {
  let url: URL;
  try {
    url = new URL(ref, scope.origin + scope.folder);
  } catch {
    throw new AppError('IMPORT_FAILED', msg('files.url.invalidRef', { file: from, ref }), { file: from, ref });
  }
  if (!inScope(url, scope, true)) {
    throw new AppError('PATH_ESCAPE', msg('files.url.refOutside', { file: from, ref, url: url.href, scope: `${scope.origin}${scope.folder}` }), {
      file: from,
      ref,
      url: url.href,
    });
  }
  assertAllowedHost(url);
  return url;
}
