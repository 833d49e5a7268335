// `npm run web`: the studio in a browser. Starts the same services as the
// desktop app behind the browser host on 127.0.0.1 and prints the address.
// Options: --port N (default 4780; 0 picks a free one), --data-dir DIR.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '../compose';
import { defaultDataDir } from '../platform/paths';
import { startWebHost } from './web-host';
import { AppError } from '../../shared/ipc/errors';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dataDir = arg('data-dir') ?? defaultDataDir();
  const port = Number(arg('port') ?? process.env.HEAT_STUDIO_PORT ?? 4780);
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const services = composeServices({ dataDir, host: 'web', version });
  if (services.info.recoveredFrom) {
    console.warn(`The library file was damaged and was moved to ${services.info.recoveredFrom}; a new library was started.`);
  }
  const host = await startWebHost({ services, staticDir: join(repoRoot, 'dist', 'renderer'), port });
  // Tests and scripts read this line to find the address; it carries the host's secret (host-auth.ts).
  console.log(`Heat Studio (browser mode) is at ${host.url}  (data: ${dataDir})`);
  const stop = async () => {
    await host.close();
    services.dispose();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  if (err instanceof AppError) console.error(`Heat Studio could not start: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
