// Keystone v3: a project-scoped token from a password, an application
// credential or an existing token; the catalog that comes with it; the token
// kept until shortly before it expires. One session per profile; the Heat
// client asks it for a token and an endpoint on every call, so a catalog
// change is picked up at the next re-authentication.
import { AppError } from '../../shared/ipc/errors';
import { listParam, msg, type Message } from '../../shared/messages/message';
import type { ProfileFields } from '../../shared/cloud/profile';
import { findEndpoint, type CatalogService } from './catalog';
import { errorFromResponse, parseJson } from './cloud-errors';
import type { HttpClient, HttpResponse } from './http';

export type AuthSettings = Pick<
  ProfileFields,
  | 'authUrl'
  | 'authKind'
  | 'username'
  | 'userId'
  | 'userDomainName'
  | 'userDomainId'
  | 'projectName'
  | 'projectId'
  | 'projectDomainName'
  | 'projectDomainId'
  | 'applicationCredentialId'
  | 'applicationCredentialName'
>;

export interface Token {
  value: string;
  expiresAt: number;
  issuedAt: number;
  catalog: CatalogService[];
  project: { id: string; name: string; domainId: string | null } | null;
  user: { id: string; name: string };
  roles: string[];
  /** The v3 URL actually used (after discovery). */
  identityUrl: string;
}

/** Re-authenticate this long before expiry, so a long watch never sends a dying token. */
const EXPIRY_MARGIN_MS = 120_000;

export class KeystoneSession {
  private current: Token | null = null;
  private pending: Promise<Token> | null = null;
  private identityUrl: string | null = null;
  private generation = 0;

  constructor(
    private readonly http: HttpClient,
    private readonly settings: AuthSettings,
    /** The secret is read when needed, never kept in a field of this object. */
    private readonly secret: () => string,
    private readonly now: () => number = Date.now,
  ) {}

  /** A valid token, re-using the cached one until shortly before it expires. */
  async token(): Promise<Token> {
    const t = this.current;
    if (t && t.expiresAt - this.now() > Math.min(EXPIRY_MARGIN_MS, (t.expiresAt - t.issuedAt) / 10)) return t;
    return this.authenticate();
  }

  /** Forget the token (after a 401): the next call authenticates again. */
  invalidate(token?: Token): void {
    if (!token || this.current === token) this.current = null;
  }

  get cached(): Token | null {
    return this.current;
  }

  async endpoint(type: string, region: string | null, iface: string): Promise<{ url: string; token: Token }> {
    const token = await this.token();
    return { url: findEndpoint(token.catalog, { type, region, interface: iface }), token };
  }

  /** Shares one request between concurrent callers. */
  authenticate(): Promise<Token> {
    if (this.pending) return this.pending;
    const generation = ++this.generation;
    this.pending = this.issue()
      .then((t) => {
        if (generation === this.generation) this.current = t;
        return t;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  private async issue(): Promise<Token> {
    const identityUrl = await this.discover();
    const body = JSON.stringify({ auth: authBody(this.settings, this.secret()) });
    const issuedAt = this.now();
    const res = await this.http.request({
      method: 'POST',
      url: `${identityUrl}/auth/tokens`,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body,
      // Issuing a token changes nothing a retry could double.
      idempotent: true,
      service: 'Keystone',
    });
    if (res.status !== 201 && res.status !== 200) throw this.authError(res);
    const value = res.headers['x-subject-token'];
    const doc = parseJson<{ token?: KeystoneTokenBody }>(res, 'a Keystone token');
    if (!value || !doc.token || typeof doc.token.expires_at !== 'string') {
      throw new AppError('NOT_KEYSTONE', msg('cloud.keystone.tokenShape', { url: identityUrl }), {
        url: identityUrl,
        status: res.status,
      });
    }
    const t = doc.token;
    return {
      value,
      issuedAt,
      expiresAt: Date.parse(t.expires_at),
      catalog: Array.isArray(t.catalog) ? t.catalog : [],
      project: t.project ? { id: t.project.id, name: t.project.name, domainId: t.project.domain?.id ?? null } : null,
      user: { id: t.user?.id ?? '', name: t.user?.name ?? '' },
      roles: (t.roles ?? []).map((r) => r.name),
      identityUrl,
    };
  }

  /** `/v3` given: used as is. Otherwise the version document says where v3 lives (as keystoneauth does). */
  private async discover(): Promise<string> {
    if (this.identityUrl) return this.identityUrl;
    const base = this.settings.authUrl.trim().replace(/\/+$/, '');
    if (!/^https?:\/\//i.test(base)) {
      throw new AppError('PROFILE_INVALID', msg('cloud.keystone.notHttp', { url: this.settings.authUrl }));
    }
    if (/\/v3$/.test(base)) return (this.identityUrl = base);
    const res = await this.http.request({ method: 'GET', url: base, headers: { Accept: 'application/json' }, service: 'Keystone' });
    let doc: unknown = null;
    try {
      doc = JSON.parse(res.text);
    } catch {
      // handled below: not a version document
    }
    const v3 = findV3(doc);
    if (!v3) {
      const seen = describeVersions(doc);
      throw new AppError(
        'NOT_KEYSTONE',
        msg('cloud.keystone.notIdentity', { url: base, seen: seen ?? msg('cloud.keystone.noVersionList', { status: String(res.status) }) }),
        { url: base, status: res.status, requestId: res.requestId },
      );
    }
    return (this.identityUrl = checkAdvertised(base, v3).replace(/\/+$/, ''));
  }

  private authError(res: HttpResponse): AppError {
    const s = this.settings;
    // Keystone answers a revoked or expired token given as credential with 404 "Could not find token".
    if (res.status === 401 || (res.status === 404 && s.authKind === 'token' && /token/i.test(res.text))) {
      const who =
        s.authKind === 'applicationCredential'
          ? msg('cloud.auth.who.appCred', { id: s.applicationCredentialId ?? s.applicationCredentialName ?? '' })
          : s.authKind === 'token'
            ? msg('cloud.auth.who.token')
            : msg('cloud.auth.who.user', { user: String(s.username ?? s.userId), domain: domainOf(s.userDomainName, s.userDomainId) });
      const project = s.projectName ?? s.projectId;
      const why = msg(
        s.authKind === 'token' ? 'cloud.auth.why.token' : s.authKind === 'applicationCredential' ? 'cloud.auth.why.appCred' : 'cloud.auth.why.password',
      );
      const scope =
        project && s.authKind !== 'applicationCredential' ? msg('cloud.auth.scope', { project, domain: domainOf(s.projectDomainName, s.projectDomainId) }) : '';
      return new AppError('AUTH_FAILED', msg('cloud.auth.refused', { who, why, scope }), {
        status: res.status,
        service: 'Keystone',
        requestId: res.requestId,
      });
    }
    if (res.status === 404 || res.status === 405 || res.status === 300) {
      const parsedStatus = res.status;
      let isKeystoneError = false;
      try {
        isKeystoneError = typeof (JSON.parse(res.text) as { error?: { title?: unknown } }).error?.title === 'string';
      } catch {
        // not JSON: certainly not Keystone
      }
      if (!isKeystoneError || parsedStatus !== 404) {
        return new AppError('NOT_KEYSTONE', msg('cloud.keystone.notTokenApi', { url: res.url, status: String(parsedStatus) }), {
          status: parsedStatus,
          requestId: res.requestId,
        });
      }
    }
    return errorFromResponse(res);
  }
}

interface KeystoneTokenBody {
  expires_at: string;
  catalog?: CatalogService[];
  project?: { id: string; name: string; domain?: { id: string } };
  user?: { id: string; name: string };
  roles?: { name: string }[];
}

export function authBody(s: AuthSettings, secret: string): Record<string, unknown> {
  const user = (): Record<string, unknown> => {
    if (s.userId) return { id: s.userId };
    if (!s.username) throw new AppError('PROFILE_INVALID', msg('cloud.profile.noUser'));
    return { name: s.username, domain: domainRef(s.userDomainName, s.userDomainId) };
  };
  const scope = (): Record<string, unknown> => {
    if (s.projectId) return { project: { id: s.projectId } };
    if (!s.projectName) throw new AppError('PROFILE_INVALID', msg('cloud.profile.noProject'));
    return { project: { name: s.projectName, domain: domainRef(s.projectDomainName, s.projectDomainId) } };
  };
  if (!secret) {
    throw new AppError('PROFILE_INVALID', msg('cloud.profile.noSecret', { secret: secretWord(s.authKind) }));
  }
  switch (s.authKind) {
    case 'password':
      return { identity: { methods: ['password'], password: { user: { ...user(), password: secret } } }, scope: scope() };
    case 'token':
      return { identity: { methods: ['token'], token: { id: secret } }, scope: scope() };
    case 'applicationCredential': {
      // An application credential is bound to its project: Keystone refuses an explicit scope.
      if (s.applicationCredentialId) {
        return { identity: { methods: ['application_credential'], application_credential: { id: s.applicationCredentialId, secret } } };
      }
      if (!s.applicationCredentialName) throw new AppError('PROFILE_INVALID', msg('cloud.profile.noAppCred'));
      return {
        identity: { methods: ['application_credential'], application_credential: { name: s.applicationCredentialName, secret, user: user() } },
      };
    }
  }
}

function domainRef(name: string | null, id: string | null): Record<string, string> {
  if (id) return { id };
  return { name: name ?? 'Default' };
}

function domainOf(name: string | null, id: string | null): string {
  return id ?? name ?? 'Default';
}

/** What the profile's secret is called ("password", "token"...), worded in the reader's language. */
export function secretWord(kind: AuthSettings['authKind']): Message {
  return msg(kind === 'password' ? 'cloud.secret.password' : kind === 'token' ? 'cloud.secret.token' : 'cloud.secret.applicationCredential');
}

/**
 * The version document says where v3 lives, and the password goes there next.
 * Whoever answers the version request (a proxy, a rogue DNS answer over http,
 * a misconfigured public_endpoint) must not move it to plain http or to
 * another host: refuse, and say how to give the v3 URL directly.
 */
export function checkAdvertised(base: string, advertised: string): string {
  let from: URL;
  let to: URL;
  try {
    from = new URL(base);
    to = new URL(advertised, `${base}/`);
  } catch {
    throw new AppError('NOT_KEYSTONE', msg('cloud.keystone.advertisedNotUrl', { url: base, advertised: advertised.slice(0, 200) }), { url: base });
  }
  const downgrade = from.protocol === 'https:' && to.protocol !== 'https:';
  const otherHost = from.host.toLowerCase() !== to.host.toLowerCase();
  if (downgrade || otherHost || (to.protocol !== 'http:' && to.protocol !== 'https:')) {
    throw new AppError(
      'PROFILE_INVALID',
      msg('cloud.keystone.advertisedElsewhere', {
        url: base,
        origin: to.origin,
        downgrade: downgrade ? msg('cloud.keystone.downgrade') : '',
        otherHost: otherHost ? msg('cloud.keystone.otherHost', { host: from.host }) : '',
      }),
      { url: base, advertised: to.href },
    );
  }
  return to.href;
}

function findV3(doc: unknown): string | null {
  const versions = (doc as { versions?: unknown; version?: unknown } | null)?.versions;
  const values: unknown[] = Array.isArray(versions)
    ? versions
    : Array.isArray((versions as { values?: unknown })?.values)
      ? (versions as { values: unknown[] }).values
      : (doc as { version?: unknown } | null)?.version
        ? [(doc as { version: unknown }).version]
        : [];
  for (const v of values as { id?: string; links?: { rel?: string; href?: string }[] }[]) {
    if (typeof v?.id === 'string' && /^v3(\.|$)/.test(v.id)) {
      const self = v.links?.find((l) => l.rel === 'self')?.href;
      if (self) return self;
    }
  }
  return null;
}

function describeVersions(doc: unknown): Message | null {
  const versions = (doc as { versions?: unknown } | null)?.versions;
  const list = Array.isArray(versions) ? versions : ((versions as { values?: unknown[] })?.values ?? null);
  if (!Array.isArray(list)) return null;
  const ids = list.map((v) => (v as { id?: string }).id).filter(Boolean);
  return msg('cloud.keystone.versions', {
    ids: ids.length ? listParam(ids as string[]) : msg('cloud.keystone.versionsNone'),
    looksLike: ids.some((i) => /^v1/.test(i ?? '')) ? msg('cloud.keystone.looksLikeOther') : '',
  });
}
