// Starts `npm run web` (the real browser host, as a user would) on a free
// port with a temp data dir, and reads the address it prints.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningHost {
  /** The address the host printed, with its secret: opening it in a browser sets the host's cookie. */
  url: string;
  /** The same address without the secret (where API paths hang off). */
  baseUrl: string;
  /** `name=value` of the host's cookie, for calls from Node (not a browser). */
  cookie: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startWebHost(dataDir: string): Promise<RunningHost> {
  // The e2e suite builds the renderer once (test-all), so --no-build here.
  const child: ChildProcess = spawn(process.execPath, ['scripts/web.mjs', '--no-build', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /is at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    baseUrl: `${parsed.origin}/`,
    // host-auth.ts: the cookie is named after the port and holds the secret.
    cookie: `heat-studio-${parsed.port}=${parsed.searchParams.get('token') ?? ''}`,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** One contract call through the browser host, as the renderer makes it (for a test's setup and checks). */
export async function invokeOn<T>(host: RunningHost, channel: string, request: unknown): Promise<T> {
  const res = await fetch(`${host.baseUrl}api/invoke/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: host.cookie },
    body: JSON.stringify(request),
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message ?? res.status}`);
  return body.value as T;
}
