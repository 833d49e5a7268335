// The one place that sends an authenticated request to an OpenStack service
// (Heat, Nova, Neutron, Cinder, Glance): the session's token goes in
// X-Auth-Token; on a 401 (revoked, or expired early) the token is forgotten,
// Keystone asked again and the request repeated once. A 401 means the
// service applied nothing, so even a POST may be repeated.
import { errorFromResponse } from './cloud-errors';
import type { HttpClient, HttpRequest, HttpResponse } from './http';
import type { KeystoneSession, Token } from './keystone';

/**
 * `prepare` builds the request for a token (it is called again after a 401,
 * so the endpoint is looked up in the new token's catalog). Statuses in
 * `accept` are returned as they are; any other status >= 300 is thrown as
 * the AppError the answer means.
 */
export async function requestWithReauth(
  http: HttpClient,
  session: Pick<KeystoneSession, 'invalidate'>,
  prepare: () => Promise<{ token: Token; request: HttpRequest }>,
  accept: readonly number[] = [],
): Promise<HttpResponse> {
  for (let attempt = 0; ; attempt++) {
    const { token, request } = await prepare();
    const res = await http.request(request);
    if (res.status === 401 && attempt === 0) {
      session.invalidate(token);
      continue;
    }
    if (accept.includes(res.status)) return res;
    if (res.status >= 300) throw errorFromResponse(res);
    return res;
  }
}
