// HTTP for Keystone and Heat, on node:http/https rather than global fetch:
// a CA bundle or "insecure" needs a custom TLS agent, which Node 20's fetch
// only accepts from the npm `undici` package (one more dependency to pin and
// keep in step with Node's internal copy). node:https takes `ca` and
// `rejectUnauthorized` directly, lets us stop reading a body at a size cap
// (a 2 MB HTML error page must not be buffered whole) and reports TLS errors
// with their OpenSSL codes.
import { request as httpRequest, Agent as HttpAgent, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import { networkError } from './cloud-errors';
import { doublingCeiling, equalJitter } from './backoff';

export interface HttpOptions {
  /** PEM text of extra CAs to trust. */
  ca?: string | null;
  insecure?: boolean;
  timeoutMs?: number;
  maxRetries?: number;
  /** Longest Retry-After we wait for; beyond it the request fails RATE_LIMITED / SERVICE_UNAVAILABLE. */
  maxRetryAfterMs?: number;
  maxBodyBytes?: number;
  /** Injected for tests of the retry policy; real code waits with setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  log?: HttpLog;
}

export interface HttpLog {
  debug(message: string, meta?: Record<string, unknown>): void;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * May this request be sent again after it may have reached the server?
   * Defaults to true for GET/HEAD/PUT/DELETE/OPTIONS. A POST that may have
   * been applied is never retried; one refused before connecting is.
   */
  idempotent?: boolean;
  timeoutMs?: number;
  /** Which service answers, for error messages: "Keystone", "Heat". */
  service?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** x-openstack-request-id (or x-compute-request-id), kept for error reports. */
  requestId: string | null;
  url: string;
  method: string;
  service: string;
  /** True when the body was cut at maxBodyBytes. */
  truncated: boolean;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** Errors raised before a byte of the request left: safe to retry any method. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export class HttpClient {
  private readonly agent: HttpsAgent;
  private readonly plainAgent = new HttpAgent({ keepAlive: true });
  private readonly options: Required<Omit<HttpOptions, 'ca' | 'log'>> & Pick<HttpOptions, 'ca' | 'log'>;
  private disposed = false;

  constructor(options: HttpOptions = {}) {
    this.options = {
      ca: options.ca ?? null,
      insecure: options.insecure ?? false,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 3,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
      maxBodyBytes: options.maxBodyBytes ?? 16 * 1024 * 1024,
      sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      random: options.random ?? Math.random,
      log: options.log,
    };
    // `ca` adds to Node's roots only when given together with them; a bundle
    // given alone replaces the roots, which is what clouds.yaml `cacert` means.
    this.agent = new HttpsAgent({
      keepAlive: true,
      ...(this.options.ca ? { ca: this.options.ca } : {}),
      rejectUnauthorized: !this.options.insecure,
    });
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    const method = req.method.toUpperCase();
    const idempotent = req.idempotent ?? IDEMPOTENT.has(method);
    for (let attempt = 0; ; attempt++) {
      let res: HttpResponse;
      try {
        res = await this.once({ ...req, method });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? '';
        const retryable = attempt < this.options.maxRetries && !this.disposed && (NOT_SENT.has(code) || (idempotent && isTransientSocketError(code)));
        if (!retryable) throw err instanceof AppError ? err : networkError(err, method, req.url, req.service ?? 'cloud');
        await this.options.sleep(backoffMs(attempt, this.options.random));
        continue;
      }
      // 429 means the request was refused before it was applied; 502/503/504
      // may come after the server acted, so only idempotent requests repeat.
      const canRepeat = res.status === 429 || idempotent;
      if (!RETRY_STATUSES.has(res.status) || !canRepeat || attempt >= this.options.maxRetries || this.disposed) return res;
      const after = retryAfterMs(res.headers['retry-after'], Date.now());
      if (after !== null && after > this.options.maxRetryAfterMs) return res;
      const wait = after ?? backoffMs(attempt, this.options.random);
      this.options.log?.debug('http retry', { method, url: redactUrl(req.url), status: res.status, waitMs: wait });
      await this.options.sleep(wait);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.agent.destroy();
    this.plainAgent.destroy();
  }

  private once(req: HttpRequest & { method: string }): Promise<HttpResponse> {
    const url = new URL(req.url);
    const isHttps = url.protocol === 'https:';
    if (!isHttps && url.protocol !== 'http:') {
      return Promise.reject(new AppError('PROFILE_INVALID', msg('cloud.http.badScheme', { scheme: url.protocol, url: req.url })));
    }
    const timeoutMs = req.timeoutMs ?? this.options.timeoutMs;
    const started = Date.now();
    const service = req.service ?? 'cloud';
    const headers: Record<string, string> = { 'User-Agent': 'heat-studio', ...req.headers };
    if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
    return new Promise<HttpResponse>((resolve, reject) => {
      const send = isHttps ? httpsRequest : httpRequest;
      const r = send(url, { method: req.method, headers, agent: isHttps ? this.agent : this.plainAgent }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        res.on('data', (chunk: Buffer) => {
          if (truncated) return;
          size += chunk.length;
          if (size > this.options.maxBodyBytes) {
            truncated = true;
            chunks.push(chunk.subarray(0, chunk.length - (size - this.options.maxBodyBytes)));
            res.destroy();
            finish();
            return;
          }
          chunks.push(chunk);
        });
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          const flat = flattenHeaders(res.headers);
          const out: HttpResponse = {
            status: res.statusCode ?? 0,
            headers: flat,
            text: Buffer.concat(chunks).toString('utf8'),
            requestId: flat['x-openstack-request-id'] ?? flat['x-compute-request-id'] ?? null,
            url: req.url,
            method: req.method,
            service,
            truncated,
          };
          this.options.log?.debug('http', {
            method: req.method,
            url: redactUrl(req.url),
            status: out.status,
            ms: Date.now() - started,
            requestId: out.requestId,
          });
          resolve(out);
        };
        res.on('end', finish);
        res.on('error', (err) => (truncated ? finish() : reject(err)));
      });
      const timer = setTimeout(() => {
        const err = Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT_CLIENT' });
        r.destroy(err);
      }, timeoutMs);
      r.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      if (req.body !== undefined) r.write(req.body);
      r.end();
    });
  }
}

/** A socket error after which an idempotent request may be sent again. */
function isTransientSocketError(code: string): boolean {
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT' || code === 'ETIMEDOUT_CLIENT' || code === 'UND_ERR_SOCKET';
}

/** Exponential backoff with equal jitter (backoff.ts): ceilings 0.5 s, 1 s, 2 s... capped at 8 s. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return equalJitter(doublingCeiling(500, attempt, 8_000), random);
}

/** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** URLs never carry secrets here, but query strings may carry names: keep paths only in logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '<bad url>';
  }
}
