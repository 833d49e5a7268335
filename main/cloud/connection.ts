// One live connection to a cloud profile: the HTTP client (with the profile's
// TLS settings), the Keystone session and the Heat client built on them.
import { readFileSync } from 'node:fs';
import { AppError } from '../../shared/ipc/errors';
import { englishText, msg, type Message } from '../../shared/messages/message';
import type { ProfileFields } from '../../shared/cloud/profile';
import { HeatClient } from './heat-client';
import { HttpClient, type HttpOptions } from './http';
import { KeystoneSession } from './keystone';
import { ServiceClient, type ServiceKind } from './service-client';

export interface Connection {
  http: HttpClient;
  session: KeystoneSession;
  heat: HeatClient;
  /** Read-only clients for Nova, Neutron, Cinder and Glance (quota panel, existing resources). */
  service(kind: ServiceKind): ServiceClient;
  /** Set when the profile turns TLS verification off: the UI shows it (English; `warningMsgs` as messages). */
  warnings: string[];
  warningMsgs: Message[];
  dispose(): void;
}

export function openConnection(
  fields: ProfileFields,
  secret: () => string,
  options: Omit<HttpOptions, 'ca' | 'insecure'> & { now?: () => number } = {},
): Connection {
  const warningMsgs: Message[] = [];
  let ca: string | null = null;
  if (fields.caBundlePath) {
    try {
      ca = readFileSync(fields.caBundlePath, 'utf8');
    } catch (err) {
      throw new AppError('PROFILE_INVALID', msg('cloud.ca.unreadable', { path: fields.caBundlePath, cause: (err as Error).message }), {
        path: fields.caBundlePath,
      });
    }
    if (!ca.includes('-----BEGIN CERTIFICATE-----')) {
      throw new AppError('PROFILE_INVALID', msg('cloud.ca.noPem', { path: fields.caBundlePath }), { path: fields.caBundlePath });
    }
  }
  if (fields.insecure) {
    warningMsgs.push(msg('cloud.warn.insecure', { name: fields.name }));
  }
  // Plain http is how the local test cloud runs (loopback: nobody in between); elsewhere it carries the password in clear.
  for (const [what, url] of [
    ['authUrl', fields.authUrl],
    ['endpointOverride', fields.endpointOverride],
  ] as const) {
    if (url && isRemotePlainHttp(url)) {
      warningMsgs.push(msg('cloud.warn.plainHttp', { what: msg(`cloud.warn.what.${what}`), name: fields.name, url: url.slice(0, 200) }));
    }
  }
  const { now, ...httpOptions } = options;
  const http = new HttpClient({ ...httpOptions, ca, insecure: fields.insecure });
  const session = new KeystoneSession(http, fields, secret, now);
  const heat = new HeatClient(http, session, {
    region: fields.region,
    interface: fields.interface,
    endpointOverride: fields.endpointOverride,
  });
  const services = new Map<ServiceKind, ServiceClient>();
  const service = (kind: ServiceKind): ServiceClient => {
    let client = services.get(kind);
    if (!client) {
      client = new ServiceClient(http, session, kind, { region: fields.region, interface: fields.interface });
      services.set(kind, client);
    }
    return client;
  };
  return { http, session, heat, service, warnings: warningMsgs.map(englishText), warningMsgs, dispose: () => http.dispose() };
}

/** http:// to anything but this machine (localhost, 127.0.0.0/8, ::1). */
export function isRemotePlainHttp(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return false; // not a URL at all: discovery refuses it with its own message
  }
  if (u.protocol !== 'http:') return false;
  const host = u.hostname.toLowerCase();
  return !(host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]');
}
