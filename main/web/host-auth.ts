// Who may use the browser host. Loopback alone is not enough: every local
// process and every other user of the machine can reach 127.0.0.1. So each
// start makes a random secret that only the printed (or opened) address
// carries, as `?token=`. The first request with it is answered with an
// HttpOnly SameSite=Strict cookie holding the secret and a redirect to the
// same address without it (so it leaves the address bar and the history);
// from then on every request must bring the cookie, /api/* and the renderer's
// files alike. Scripts and tests may send the cookie header themselves.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const TOKEN_PARAM = 'token';

export interface HostAuth {
  readonly token: string;
  /** The cookie's name: per port, since browsers share cookies across a host's ports. */
  readonly cookieName: string;
  /** `name=value`, for a client that sets the header itself. */
  readonly cookie: string;
  /** True when the request carries the secret (cookie). */
  allows(req: IncomingMessage): boolean;
  /** When `url` carries the right token: set the cookie, redirect to the address without it, and return true. */
  acceptToken(url: URL, res: ServerResponse): boolean;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function createHostAuth(token: string, port: number): HostAuth {
  const cookieName = `heat-studio-${port}`;
  const expected = Buffer.from(token);
  const matches = (candidate: string | undefined | null): boolean => {
    if (!candidate) return false;
    const got = Buffer.from(candidate);
    return got.length === expected.length && timingSafeEqual(got, expected);
  };
  return {
    token,
    cookieName,
    cookie: `${cookieName}=${token}`,
    allows: (req) => matches(readCookie(req.headers.cookie, cookieName)),
    acceptToken(url, res) {
      if (!matches(url.searchParams.get(TOKEN_PARAM))) return false;
      url.searchParams.delete(TOKEN_PARAM);
      res.writeHead(303, {
        // No Max-Age: a session cookie, gone when the browser closes; a new host start makes a new secret anyway.
        'set-cookie': `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`,
        location: `${url.pathname}${url.search}`,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      });
      res.end();
      return true;
    },
  };
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export const UNAUTHORIZED_MESSAGE =
  'This Heat Studio host needs its secret: open the address `npm run web` printed (it ends in ?token=...). ' +
  'Requests without the cookie that address sets are refused.';
