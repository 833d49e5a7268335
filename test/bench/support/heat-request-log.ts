// Reads the test cloud's Heat log (heat-all at INFO) to split each request's
// time in two: waiting before Heat handles it (keystonemiddleware validating
// the token with Keystone; the test cloud sets token_cache_time = -1, so every
// request asks Keystone) and Heat's own handling. Heat logs "Processing
// request: METHOD PATH" once the token is accepted, and eventlet's access
// line at the end with the whole duration; both carry the request id. Times
// are only ever subtracted from times in the same log, so clocks never mix.
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export interface RequestSplit {
  method: string;
  path: string;
  /** Seconds between Heat receiving the request and starting to handle it. */
  authWait: number;
  /** Seconds Heat spent handling it. */
  handling: number;
}

/** The log's current size: pass it to readRequests to read only what came after. */
export function logOffset(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function readFrom(file: string, offset: number): string {
  const size = logOffset(file);
  if (size <= offset) return '';
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(size - offset);
    readSync(fd, buf, 0, buf.length, offset);
    return buf.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function seconds(stamp: string): number {
  return Date.parse(`${stamp.replace(' ', 'T')}Z`) / 1000;
}

const PROCESSING = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) .*\[None (req-[0-9a-f-]+) .*Processing request: (\w+) (\S+)/;
const ACCESS = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) .*\[None (req-[0-9a-f-]+) .*"(\w+) (\S+) HTTP\/1\.1" \d+ \d+ ([\d.]+)/;

/** Requests logged after `offset` whose path contains `pathPart`. */
export function readRequests(file: string, offset: number, pathPart: string): RequestSplit[] {
  const processing = new Map<string, number>();
  const out: RequestSplit[] = [];
  for (const line of readFrom(file, offset).split('\n')) {
    if (!line.includes(pathPart)) continue;
    const p = PROCESSING.exec(line);
    if (p) {
      processing.set(p[2] as string, seconds(p[1] as string));
      continue;
    }
    const a = ACCESS.exec(line);
    if (!a) continue;
    const began = processing.get(a[2] as string);
    if (began === undefined) continue;
    const end = seconds(a[1] as string);
    const received = end - Number(a[5]);
    out.push({ method: a[3] as string, path: a[4] as string, authWait: began - received, handling: end - began });
  }
  return out;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}
