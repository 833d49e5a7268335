// Every way a cloud call can fail becomes an AppError with a stable code and
// a message that names what is wrong (which service, which URL, what it said).
// Details carry the HTTP status, the request id (for the operator's logs) and
// the error type Heat reported; never a token or a password.
import { AppError, type ErrorCode } from '../../shared/ipc/errors';
import { msg, type Message, type MessageKey } from '../../shared/messages/message';
import type { HttpResponse } from './http';

/** What the SPEC (section 3) lists, in words a user can act on (the words: shared/messages, `cloud.http.<status>`). */
const STATUS_CODE: Record<number, ErrorCode> = {
  300: 'CLOUD_ERROR',
  400: 'CLOUD_ERROR',
  401: 'AUTH_FAILED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_IMPLEMENTED_BY_CLOUD',
  406: 'CLOUD_ERROR',
  407: 'CLOUD_ERROR',
  408: 'TIMEOUT',
  409: 'CONFLICT',
  413: 'FILE_TOO_LARGE',
  429: 'RATE_LIMITED',
  500: 'CLOUD_ERROR',
  501: 'NOT_IMPLEMENTED_BY_CLOUD',
  502: 'SERVICE_UNAVAILABLE',
  503: 'SERVICE_UNAVAILABLE',
  504: 'TIMEOUT',
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
  let code: ErrorCode = STATUS_CODE[res.status] ?? 'CLOUD_ERROR';
  if (res.status === 400 && isTemplateError(res.url, parsed)) code = 'TEMPLATE_INVALID';
  if (res.status === 413 || parsed.type === 'RequestLimitExceeded') code = 'FILE_TOO_LARGE';
  const said: Message | string = parsed.message
    ? msg('cloud.said', { text: clip(stripHeatCode(parsed.message)) })
    : parsed.notJson
      ? msg('cloud.saidNotJson', { body: describeBody(res) })
      : '';
  // Heat's own words for a taken name ("The Stack (x) already exists.") become ours, so they read in any language.
  const taken = res.status === 409 ? /^The Stack \((.+)\) already exists\.?$/.exec(parsed.message?.trim() ?? '') : null;
  const key = (STATUS_CODE[res.status] ? `cloud.http.${res.status}` : res.status >= 500 ? 'cloud.http.failed' : 'cloud.http.refused') as MessageKey;
  const message = taken
    ? msg('cloud.stackExists', { service: res.service, name: taken[1]! })
    : msg(key, { service: res.service, status: String(res.status), said });
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
  return new AppError('BAD_RESPONSE', msg('cloud.badResponse', { service: res.service, url: pathOf(res.url), expected, body: describeBody(res) }), {
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
  const where = { service, origin: originOf(url), cause: code || String(e?.message ?? err) };
  const details = { service, method, url: pathOf(url), cause: code || String(e?.message ?? err) };
  if (code === 'ETIMEDOUT_CLIENT' || code === 'ETIMEDOUT') {
    return new AppError('TIMEOUT', msg('cloud.timeout', { ...where, cause: e.message }), details);
  }
  if (TLS_CODES.test(code) || /certificate|ssl|tls|wrong version number/i.test(e?.message ?? '')) {
    return new AppError('TLS_ERROR', msg('cloud.tls', { ...where, cause: e.message }), details);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new AppError('CLOUD_UNREACHABLE', msg('cloud.dns', where), details);
  }
  if (code === 'ECONNREFUSED') {
    return new AppError('CLOUD_UNREACHABLE', msg('cloud.refused', where), details);
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'HPE_INVALID_CONSTANT' || code.startsWith('HPE_')) {
    return new AppError('CLOUD_UNREACHABLE', msg('cloud.dropped', where), details);
  }
  return new AppError('CLOUD_UNREACHABLE', msg('cloud.unreachable', { ...where, cause: e?.message ?? String(err) }), details);
}

function describeBody(res: HttpResponse): Message {
  const type = res.headers['content-type'];
  const size = res.truncated ? msg('cloud.body.moreThan', { n: res.text.length }) : msg('cloud.body.bytes', { n: Buffer.byteLength(res.text) });
  const looksHtml = /^\s*<(!doctype|html|\?xml|head|body)/i.test(res.text);
  const start = res.text.slice(0, 80).replace(/\s+/g, ' ').trim();
  return msg('cloud.body', {
    type: looksHtml ? msg('cloud.body.html') : (type ?? msg('cloud.body.noType')),
    size,
    start: start ? msg('cloud.body.start', { start }) : '',
  });
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
