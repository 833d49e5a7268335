// Every way a cloud call can fail becomes an AppError with a stable code and
// a message that names what is wrong (which service, which URL, what it said).
// Details carry the HTTP status, the request id (for the operator's logs) and
// the error type Heat reported; never a token or a password.
import { AppError, type ErrorCode } from '../../shared/ipc/errors';
import type { HttpResponse } from './http';

/** What the SPEC (section 3) lists, in words a user can act on. */
const STATUS_TEXT: Record<number, [ErrorCode, string]> = {
  300: ['CLOUD_ERROR', 'answered with a list of API versions (300): the URL names the service root, not an API version'],
  400: ['CLOUD_ERROR', 'refused the request as invalid (400)'],
  401: ['AUTH_FAILED', 'did not accept the credentials or token (401)'],
  403: ['FORBIDDEN', 'does not allow this for the current user and project (403)'],
  404: ['NOT_FOUND', 'does not know this resource (404)'],
  405: ['NOT_IMPLEMENTED_BY_CLOUD', 'does not allow this method here (405)'],
  406: ['CLOUD_ERROR', 'cannot answer in JSON (406)'],
  407: ['CLOUD_ERROR', 'is behind a proxy that wants authentication (407)'],
  408: ['TIMEOUT', 'timed out waiting for the request (408)'],
  409: ['CONFLICT', 'reported a conflict (409): the stack may be busy or the name taken'],
  413: ['FILE_TOO_LARGE', 'refused a request that is too large (413)'],
  429: ['RATE_LIMITED', 'is rate limiting this client (429)'],
  500: ['CLOUD_ERROR', 'failed with an internal error (500)'],
  501: ['NOT_IMPLEMENTED_BY_CLOUD', 'does not implement this (501)'],
  502: ['SERVICE_UNAVAILABLE', 'is behind a gateway that got no valid answer (502)'],
  503: ['SERVICE_UNAVAILABLE', 'is temporarily unavailable (503)'],
  504: ['TIMEOUT', 'is behind a gateway that timed out (504)'],
};

/** Heat error types that mean "fix the template", not "the cloud is broken". */
const TEMPLATE_ERROR_TYPES = new Set([
  'StackValidationFailed',
  'ResourceTypeUnavailable',
  'ResourceTypeNotFound',
  'InvalidTemplateVersion',
  'InvalidTemplateReference',
  'InvalidTemplateAttribute',
  'InvalidTemplateSection',
  'InvalidSchemaError',
  'PropertyUnspecifiedError',
  'UnknownUserParameter',
  'UserParameterMissing',
  'InvalidGlobalResource',
  'RequestLimitExceeded',
]);

const MAX_MESSAGE = 600;

/** Heat wraps some template errors as a plain HTTPBadRequest: /validate's 400s and these messages are template errors too. */
function isTemplateError(url: string, parsed: ParsedErrorBody): boolean {
  if (parsed.type && TEMPLATE_ERROR_TYPES.has(parsed.type)) return true;
  if (/\/validate(\?|$)/.test(url)) return true;
  return /Resource Type|Property error|Unknown resource|[Tt]emplate (format|version)|HEAT-E\d+/.test(parsed.message ?? '');
}

export interface ParsedErrorBody {
  message: string | null;
  type: string | null;
  title: string | null;
  /** The body was not JSON: HTML, text, or garbage. */
  notJson: boolean;
}

/** Heat: {explanation, code, error: {message, type, traceback}, title}; Keystone: {error: {code, message, title}}. */
export function parseErrorBody(text: string): ParsedErrorBody {
  const trimmed = text.trim();
  if (!trimmed) return { message: null, type: null, title: null, notJson: false };
  try {
    const body = JSON.parse(trimmed) as Record<string, unknown>;
    const error = (body.error ?? {}) as Record<string, unknown>;
    const message = str(error.message) ?? str(body.explanation) ?? str(body.message) ?? str(body.faultstring);
    return { message, type: str(error.type), title: str(error.title) ?? str(body.title), notJson: false };
  } catch {
    return { message: null, type: null, title: null, notJson: true };
  }
}

export function errorFromResponse(res: HttpResponse): AppError {
  const parsed = parseErrorBody(res.text);
  const [baseCode, phrase] =
    STATUS_TEXT[res.status] ??
    (res.status >= 500
      ? (['CLOUD_ERROR', `failed (${res.status})`] as [ErrorCode, string])
      : (['CLOUD_ERROR', `refused the request (${res.status})`] as [ErrorCode, string]));
  let code = baseCode;
  if (res.status === 400 && isTemplateError(res.url, parsed)) code = 'TEMPLATE_INVALID';
  if (res.status === 413 || parsed.type === 'RequestLimitExceeded') code = 'FILE_TOO_LARGE';
  const said = parsed.message
    ? `: ${clip(stripHeatCode(parsed.message))}`
    : parsed.notJson
      ? ` and its answer is not JSON (${describeBody(res)})`
      : '';
  const message = `${res.service} ${phrase}${said}`;
  return new AppError(code, message, {
    status: res.status,
    service: res.service,
    method: res.method,
    url: pathOf(res.url),
    requestId: res.requestId,
    ...(parsed.type ? { type: parsed.type } : {}),
    ...(parsed.title ? { title: parsed.title } : {}),
    ...(res.headers['retry-after'] ? { retryAfter: res.headers['retry-after'] } : {}),
  });
}

/** A 2xx whose body is not the JSON we need (an HTML portal page, a proxy, garbage). */
export function badResponse(res: HttpResponse, expected: string): AppError {
  return new AppError('BAD_RESPONSE', `${res.service} at ${pathOf(res.url)} did not answer with ${expected} (${describeBody(res)})`, {
    status: res.status,
    service: res.service,
    method: res.method,
    url: pathOf(res.url),
    requestId: res.requestId,
    contentType: res.headers['content-type'] ?? null,
  });
}

export function parseJson<T>(res: HttpResponse, expected: string): T {
  if (res.truncated) throw badResponse(res, expected);
  try {
    return JSON.parse(res.text) as T;
  } catch {
    throw badResponse(res, expected);
  }
}

const TLS_CODES = /CERT|SSL|TLS|EPROTO|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

/** A failure below HTTP: refused, unresolvable, reset, TLS, our own timeout. */
export function networkError(err: unknown, method: string, url: string, service: string): AppError {
  const e = err as NodeJS.ErrnoException & { reason?: string };
  const code = e?.code ?? '';
  const where = `${service} at ${originOf(url)}`;
  const details = { service, method, url: pathOf(url), cause: code || String(e?.message ?? err) };
  if (code === 'ETIMEDOUT_CLIENT' || code === 'ETIMEDOUT') {
    return new AppError('TIMEOUT', `${where} did not answer in time (${e.message})`, details);
  }
  if (TLS_CODES.test(code) || /certificate|ssl|tls|wrong version number/i.test(e?.message ?? '')) {
    return new AppError(
      'TLS_ERROR',
      `TLS with ${where} failed: ${e.message}. Give the cloud's CA bundle in the profile, or (only for a test cloud) allow insecure connections.`,
      details,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new AppError('CLOUD_UNREACHABLE', `${where}: the host name does not resolve (${code})`, details);
  }
  if (code === 'ECONNREFUSED') {
    return new AppError('CLOUD_UNREACHABLE', `${where} refused the connection: nothing listens there (is the service running?)`, details);
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'HPE_INVALID_CONSTANT' || code.startsWith('HPE_')) {
    return new AppError('CLOUD_UNREACHABLE', `${where} dropped the connection (${code})`, details);
  }
  return new AppError('CLOUD_UNREACHABLE', `${where} cannot be reached: ${e?.message ?? String(err)}`, details);
}

function describeBody(res: HttpResponse): string {
  const type = res.headers['content-type'] ?? 'no content type';
  const size = res.truncated ? `more than ${res.text.length} bytes` : `${Buffer.byteLength(res.text)} bytes`;
  const looksHtml = /^\s*<(!doctype|html|\?xml|head|body)/i.test(res.text);
  const start = res.text.slice(0, 80).replace(/\s+/g, ' ').trim();
  return `${looksHtml ? 'an HTML page' : type}, ${size}${start ? `, starting "${start}"` : ''}`;
}

function stripHeatCode(message: string): string {
  // "HEAT-E99001 Service nova is not available..." keeps its code: operators search for it.
  return message.replace(/\s+/g, ' ').trim();
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
