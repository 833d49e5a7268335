// Read-only JSON access to the OpenStack services beside Heat (Nova, Neutron,
// Cinder, Glance): the quota panel and the palette's "Existing" tab need them.
// Like the Heat client, every call looks the endpoint up in the token's catalog
// at call time (by service type, region and interface, never hard-coded) and
// re-authenticates once on a 401. Only GETs: the studio never changes these
// services directly, Heat does.
import { AppError } from '../../shared/ipc/errors';
import { parseJson } from './cloud-errors';
import { requestWithReauth } from './request-with-reauth';
import type { HttpClient, HttpResponse } from './http';
import type { KeystoneSession } from './keystone';
import { queryString, type Query } from './heat-client';

/**
 * The catalog types each service is registered under, most specific first.
 * Cinder is `volumev3` on older clouds (and Heat 19 asks for it) and
 * `block-storage` on newer ones; some clouds list both.
 */
export const SERVICE_TYPES = {
  compute: { types: ['compute'], name: 'Nova', versionPath: '' },
  network: { types: ['network'], name: 'Neutron', versionPath: '/v2.0' },
  volume: { types: ['volumev3', 'block-storage', 'volume'], name: 'Cinder', versionPath: '' },
  image: { types: ['image'], name: 'Glance', versionPath: '/v2' },
} as const;

export type ServiceKind = keyof typeof SERVICE_TYPES;

export interface ServiceClientOptions {
  region: string | null;
  interface: string;
}

export interface GetOptions {
  query?: Query;
  /** Statuses to return instead of throwing (e.g. 403 to fall back to a narrower API). */
  accept?: number[];
  /** Extra headers, e.g. a Nova microversion. */
  headers?: Record<string, string>;
}

export class ServiceClient {
  constructor(
    private readonly http: HttpClient,
    private readonly session: KeystoneSession,
    readonly kind: ServiceKind,
    private readonly options: ServiceClientOptions,
  ) {}

  get serviceName(): string {
    return SERVICE_TYPES[this.kind].name;
  }

  /**
   * Whether the catalog offers this service in the profile's region: false
   * means "this cloud has no Nova" (the Heat-only lab), which callers report
   * as unknown rather than as an error.
   */
  async available(): Promise<boolean> {
    try {
      await this.endpoint();
      return true;
    } catch (err) {
      if (err instanceof AppError && err.code === 'NO_ENDPOINT') return false;
      throw err;
    }
  }

  /** The endpoint URL, with the API version prefix the service needs (Neutron's /v2.0, Glance's /v2). */
  async endpoint(): Promise<string> {
    const spec = SERVICE_TYPES[this.kind];
    let firstError: unknown = null;
    for (const type of spec.types) {
      try {
        const { url } = await this.session.endpoint(type, this.options.region, this.options.interface);
        return withVersion(url, spec.versionPath);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'NO_ENDPOINT') throw err;
        firstError ??= err;
      }
    }
    throw firstError;
  }

  async get<T>(path: string, opts: GetOptions = {}): Promise<{ status: number; body: T | null }> {
    const res = await this.call(path, opts);
    if (res.status >= 300) return { status: res.status, body: null };
    return { status: res.status, body: parseJson<T>(res, `a ${this.serviceName} answer`) };
  }

  private call(path: string, opts: GetOptions): Promise<HttpResponse> {
    return requestWithReauth(
      this.http,
      this.session,
      async () => {
        const url = await this.endpoint();
        const token = await this.session.token();
        const request = {
          method: 'GET',
          url: `${url}${path}${queryString(opts.query)}`,
          headers: { 'X-Auth-Token': token.value, Accept: 'application/json', ...(opts.headers ?? {}) },
          idempotent: true,
          service: this.serviceName,
        };
        return { token, request };
      },
      opts.accept,
    );
  }
}

/** Adds the version prefix unless the catalog URL already carries one (`.../v2.0`, `.../v2`). */
export function withVersion(url: string, versionPath: string): string {
  const base = url.replace(/\/+$/, '');
  if (!versionPath) return base;
  return /\/v\d+(\.\d+)?$/.test(base) ? base : `${base}${versionPath}`;
}
