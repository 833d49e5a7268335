// HTTP servers that misbehave the way the URL import must survive: a reply
// without Content-Length that keeps coming, and one that stalls after its
// headers. Each reports how many body bytes it managed to send.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BadServer {
  url: string;
  /** Body bytes written before the client went away (or the cap was hit). */
  sent(): number;
  close(): Promise<void>;
}

/**
 * `endless`: 64 KiB chunks, no Content-Length, until the client leaves or
 * `cap` bytes are out. `stall`: headers and one line, then nothing.
 */
export async function badServer(kind: 'endless' | 'stall', cap = 64 * 1024 * 1024): Promise<BadServer> {
  let sent = 0;
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/yaml' }); // chunked: no Content-Length
    if (kind === 'stall') {
      res.write('heat_template_version: 2018-08-31\n');
      return;
    }
    const pump = () => {
      while (sent < cap && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/t/main.yaml`,
    sent: () => sent,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
