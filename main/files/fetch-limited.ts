// Fetching a file for import without trusting the server: the body is read as
// a stream and dropped as soon as it passes the size limit (a reply without
// Content-Length, or one that lies, cannot make us download 200 MB first), and
// one deadline covers the headers and the whole body, so a server that sends
// its headers and then stalls ends in a TIMEOUT that says so. Redirects are
// never followed by fetch itself: each hop is handed to `allowHop` first (the
// import's origin and folder rules), and there are at most `maxHops`. A byte
// budget shared by all files of one import caps what it reads in all.
import { AppError } from '../../shared/ipc/errors';
import { msg, type Message } from '../../shared/messages/message';

export type Fetcher = (url: string, init: { signal: AbortSignal; redirect: 'manual' }) => Promise<Response>;

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  /** Redirects followed at most (default 5). */
  maxHops?: number;
  /** Throws if a redirect may not go to `next` (default: none may). */
  allowHop?: (next: URL) => void;
  /** Bytes left for the whole import; reduced by what this file took. */
  budget?: { remaining: number; total: number };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function fetchLimited(fetcher: Fetcher, url: URL, limits: FetchLimits): Promise<Uint8Array> {
  let href = url.toString();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const timedOut = () =>
    new AppError('TIMEOUT', msg('files.fetch.timeout', { url: href, seconds: limits.timeoutMs / 1000 }), { url: href, timeoutMs: limits.timeoutMs });
  const maxHops = limits.maxHops ?? 5;
  try {
    let response: Response;
    for (let hop = 0; ; hop++) {
      try {
        response = await fetcher(href, { signal: controller.signal, redirect: 'manual' });
      } catch (err) {
        if (controller.signal.aborted) throw timedOut();
        throw new AppError('CLOUD_UNREACHABLE', msg('files.fetch.failed', { url: href, cause: (err as Error).message }), { url: href });
      }
      if (!REDIRECTS.has(response.status)) break;
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (!location) throw new AppError('IMPORT_FAILED', msg('files.fetch.noLocation', { url: href, status: String(response.status) }), { url: href });
      const next = new URL(location, href);
      if (hop + 1 > maxHops) throw new AppError('IMPORT_FAILED', msg('files.fetch.tooManyRedirects', { url: url.href, max: maxHops }), { url: url.href });
      if (!limits.allowHop)
        throw new AppError('PATH_ESCAPE', msg('files.fetch.noRedirects', { url: href, location: next.href }), { url: href, location: next.href });
      limits.allowHop(next);
      href = next.href;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new AppError('IMPORT_FAILED', msg('files.fetch.httpStatus', { url: href, status: String(response.status) }), {
        url: href,
        status: response.status,
      });
    }
    const budget = limits.budget;
    const byBudget = budget !== undefined && budget.remaining < limits.maxBytes;
    const maxBytes = byBudget ? budget.remaining : limits.maxBytes;
    const tooLarge = (what: Message) =>
      byBudget
        ? new AppError('FILE_TOO_LARGE', msg('files.fetch.tooLargeInAll', { url: href, what, max: budget.total }), { url: href, limit: budget.total })
        : new AppError('FILE_TOO_LARGE', msg('files.fetch.tooLarge', { url: href, what, max: limits.maxBytes }), { url: href, limit: limits.maxBytes });
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(msg('files.fetch.isBytes', { size: declared }));
    }
    if (!response.body) return new Uint8Array(0);
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.length;
        if (total > maxBytes) throw tooLarge(msg('files.fetch.isLarger'));
        chunks.push(value);
      }
    } catch (err) {
      await reader.cancel().catch(() => undefined);
      if (err instanceof AppError) throw err;
      if (controller.signal.aborted) throw timedOut();
      throw new AppError('CLOUD_UNREACHABLE', msg('files.fetch.brokeOff', { url: href, cause: (err as Error).message }), { url: href });
    }
    if (budget) budget.remaining -= total;
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  } finally {
    clearTimeout(timer);
  }
}
