// Fetching a file for import without trusting the server: the body is read as
// a stream and dropped as soon as it passes the size limit (a reply without
// Content-Length, or one that lies, cannot make us download 200 MB first), and
// one deadline covers the headers and the whole body, so a server that sends
// its headers and then stalls ends in a TIMEOUT that says so.
import { AppError } from '../../shared/ipc/errors';

export type Fetcher = (url: string, init: { signal: AbortSignal }) => Promise<Response>;

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
}

export async function fetchLimited(fetcher: Fetcher, url: URL, limits: FetchLimits): Promise<Uint8Array> {
  const href = url.toString();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const timedOut = () =>
    new AppError('TIMEOUT', `${href} did not send its whole reply within ${limits.timeoutMs / 1000} s; nothing was imported.`, { url: href, timeoutMs: limits.timeoutMs });
  try {
    let response: Response;
    try {
      response = await fetcher(href, { signal: controller.signal });
    } catch (err) {
      if (controller.signal.aborted) throw timedOut();
      throw new AppError('CLOUD_UNREACHABLE', `${href} could not be fetched: ${(err as Error).message}`, { url: href });
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new AppError('IMPORT_FAILED', `${href} answered HTTP ${response.status}; nothing was imported.`, { url: href, status: response.status });
    }
    const tooLarge = (what: string) => new AppError('FILE_TOO_LARGE', `${href} ${what}; at most ${limits.maxBytes} bytes are imported.`, { url: href, limit: limits.maxBytes });
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > limits.maxBytes) {
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
        if (total > limits.maxBytes) throw tooLarge('is larger than that (its reply was stopped there)');
        chunks.push(value);
      }
    } catch (err) {
      await reader.cancel().catch(() => undefined);
      if (err instanceof AppError) throw err;
      if (controller.signal.aborted) throw timedOut();
      throw new AppError('CLOUD_UNREACHABLE', `${href} broke off its reply: ${(err as Error).message}`, { url: href });
    }
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
