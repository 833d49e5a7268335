// One live connection to a cloud profile: the HTTP client (with the profile's
// TLS settings), the Keystone session and the Heat client built on them.
import { readFileSync } from 'node:fs';
import { AppError } from '../../shared/ipc/errors';
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
  /** Set when the profile turns TLS verification off: the UI shows it. */
  warnings: string[];
  dispose(): void;
}

export function openConnection(
  fields: ProfileFields,
  secret: () => string,
  options: Omit<HttpOptions, 'ca' | 'insecure'> & { now?: () => number } = {},
): Connection {
  const warnings: string[] = [];
  let ca: string | null = null;
  if (fields.caBundlePath) {
    try {
      ca = readFileSync(fields.caBundlePath, 'utf8');
    } catch (err) {
      throw new AppError('PROFILE_INVALID', `The CA bundle ${fields.caBundlePath} cannot be read: ${(err as Error).message}`, {
        path: fields.caBundlePath,
      });
    }
    if (!ca.includes('-----BEGIN CERTIFICATE-----')) {
      throw new AppError('PROFILE_INVALID', `The CA bundle ${fields.caBundlePath} holds no PEM certificate.`, { path: fields.caBundlePath });
    }
  }
  if (fields.insecure) {
    warnings.push(`TLS verification is off for "${fields.name}": anyone between you and the cloud can read your credentials.`);
  }
  // Plain http is how the local test cloud runs (loopback: nobody in between); elsewhere it carries the password in clear.
  for (const [what, url] of [['auth URL', fields.authUrl], ['orchestration endpoint override', fields.endpointOverride]] as const) {
    if (url && isRemotePlainHttp(url)) {
      warnings.push(`The ${what} of "${fields.name}" is plain http (${url.slice(0, 200)}): your password and tokens cross the network unencrypted. Use https.`);
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
  return { http, session, heat, service, warnings, dispose: () => http.dispose() };
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
