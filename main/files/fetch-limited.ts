// Fetching a file for import without trusting the server: the body is read as
// a stream and dropped as soon as it passes the size limit (a reply without
// Content-Length, or one that lies, cannot make us download 200 MB first), and
// one deadline covers the headers and the whole body, so a server that sends
// its headers and then stalls ends in a TIMEOUT that says so. Redirects are
// never followed by fetch itself: each hop is handed to `allowHop` first (the
// import's origin and folder rules), and there are at most `maxHops`. A byte
// budget shared by all files of one import caps what it reads in all.
import { AppError } from '../../shared/ipc/errors';

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
    new AppError('TIMEOUT', `${href} did not send its whole reply within ${limits.timeoutMs / 1000} s; nothing was imported.`, { url: href, timeoutMs: limits.timeoutMs });
  const maxHops = limits.maxHops ?? 5;
  try {
    let response: Response;
    for (let hop = 0; ; hop++) {
      try {
        response = await fetcher(href, { signal: controller.signal, redirect: 'manual' });
      } catch (err) {
        if (controller.signal.aborted) throw timedOut();
        throw new AppError('CLOUD_UNREACHABLE', `${href} could not be fetched: ${(err as Error).message}`, { url: href });
      }
      if (!REDIRECTS.has(response.status)) break;
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (!location) throw new AppError('IMPORT_FAILED', `${href} answered HTTP ${response.status} without a Location; nothing was imported.`, { url: href });
      const next = new URL(location, href);
      if (hop + 1 > maxHops) throw new AppError('IMPORT_FAILED', `${url.href} redirects more than ${maxHops} times; nothing was imported.`, { url: url.href });
      if (!limits.allowHop) throw new AppError('PATH_ESCAPE', `${href} redirects to ${next.href}, and this fetch follows no redirects.`, { url: href, location: next.href });
      limits.allowHop(next);
      href = next.href;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new AppError('IMPORT_FAILED', `${href} answered HTTP ${response.status}; nothing was imported.`, { url: href, status: response.status });
    }
    const budget = limits.budget;
    const byBudget = budget !== undefined && budget.remaining < limits.maxBytes;
    const maxBytes = byBudget ? budget.remaining : limits.maxBytes;
    const tooLarge = (what: string) =>
      byBudget
        ? new AppError('FILE_TOO_LARGE', `${href} ${what}; with the files fetched before it the import passes its limit of ${budget.total} bytes in all.`, { url: href, limit: budget.total })
        : new AppError('FILE_TOO_LARGE', `${href} ${what}; at most ${limits.maxBytes} bytes are imported.`, { url: href, limit: limits.maxBytes });
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(`is ${declared} bytes`);
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
        if (total > maxBytes) throw tooLarge('is larger than that (its reply was stopped there)');
        chunks.push(value);
      }
    } catch (err) {
      await reader.cancel().catch(() => undefined);
      if (err instanceof AppError) throw err;
      if (controller.signal.aborted) throw timedOut();
      throw new AppError('CLOUD_UNREACHABLE', `${href} broke off its reply: ${(err as Error).message}`, { url: href });
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
