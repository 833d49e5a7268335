// The URL import's fetcher: plain node:http(s), so that the address a host
// name resolves to is checked at connect time (the `lookup` hook), not in a
// separate look-up an attacker's DNS could answer differently (rebinding).
// A name resolving to a link-local or cloud-metadata address is refused.
// Redirects are never followed here (fetch-limited.ts checks each hop).
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { Fetcher } from './fetch-limited';
import { isBlockedAddress } from './url-scope';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

type Resolve = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** A `lookup` for node:net: `resolve` (dns.lookup), refusing a name any of whose addresses is blocked. */
export const guardedLookup =
  (resolve: Resolve) =>
  (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => isBlockedAddress(a.address));
      if (bad) {
        const e: NodeJS.ErrnoException = new Error(
          `${hostname} resolves to ${bad.address}, a link-local or cloud-metadata address, which the URL import never fetches from`,
        );
        e.code = 'EBLOCKEDADDRESS';
        return callback(e, []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };

/** A fetcher whose connections go only to addresses `resolve` gives that are not blocked; tests inject `resolve`. */
export const guardedFetcher = (resolve: Resolve = dnsLookup as Resolve): Fetcher => {
  const lookup = guardedLookup(resolve) as RequestOptions['lookup'];
  return (href, init) =>
    new Promise<Response>((done, reject) => {
      const url = new URL(href);
      // An address written literally never goes through `lookup`.
      if (isBlockedAddress(url.hostname))
        return reject(new Error(`${url.hostname} is a link-local or cloud-metadata address, which the URL import never fetches from`));
      const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const options: RequestOptions = { method: 'GET', signal: init.signal, lookup, headers: { accept: '*/*' } };
      const req = request(url, options, (res: IncomingMessage) => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
        const status = res.statusCode ?? 500;
        const body = status === 204 || status === 304 ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
        done(new Response(body, { status, headers }));
      });
      req.on('error', reject);
      req.end();
    });
};

export const guardedFetch: Fetcher = guardedFetcher();
